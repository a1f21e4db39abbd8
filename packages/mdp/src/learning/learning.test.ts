import { createRng, normInf } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { riverSwim } from '../generators/riverSwim.ts';
import { EpisodicProblem } from '../model/EpisodicProblem.ts';
import { evaluatePolicy, policyIteration } from '../planning/policyIteration.ts';
import { episodicValue } from './episodicValue.ts';
import { lstd } from './lstd.ts';
import { Psrl } from './Psrl.ts';
import { qLearning } from './qLearning.ts';
import { simulateAverageReward } from './simulateAverageReward.ts';
import { tdLambda } from './tdLambda.ts';
import { Ucbvi } from './Ucbvi.ts';
import { Ucrl2 } from './Ucrl2.ts';

const H = 20;

describe('episodic learning on RiverSwim (6 states, H = 20)', () => {
  it('the optimal value beats the always-left policy (the exploration trap)', () => {
    const m = riverSwim(6);
    const left = new Int32Array(H * 6);
    expect(
      episodicValue(new EpisodicProblem({ mdp: m, horizon: H, start: 0 }), null),
    ).toBeGreaterThan(
      episodicValue(new EpisodicProblem({ mdp: m, horizon: H, start: 0 }), left) + 1,
    );
  });

  it('agents reject out-of-range transitions without recording them', () => {
    const p = new Psrl({ states: 3, actions: 2, horizon: 2 });
    expect(() => p.observe([{ state: 0, action: 0, reward: 1, next: 5 }])).toThrow(
      /Psrl.observe: transition 0 is out of range/,
    );
    expect(() =>
      new Ucbvi({ states: 3, actions: 2, horizon: 2 }).observe([
        { state: 0, action: 0, reward: 2, next: 1 },
      ]),
    ).toThrow(/reward must be in \[0, 1\], got 2/);
  });
});

describe('model-free learning', () => {
  // A small ergodic Garnet (every successor set random, 3 of 5 states) and a fixed policy.
  const m = garnet(createRng(7), 5, 2, 3);
  const policy = Int32Array.of(0, 1, 0, 1, 0);
  const exact = evaluatePolicy(m, 0.8, policy);
  const scale = 1 + normInf(exact);

  it('TD(0), TD(lambda) and LSTD converge to the policy value', () => {
    // Stochastic approximation error after 2e5 steps is O(1/sqrt(visits)) ~ 1e-2 of the scale.
    const td0 = tdLambda(createRng(8), m, 0.8, policy, 0, { steps: 200_000 });
    const tdl = tdLambda(createRng(9), m, 0.8, policy, 0.7, { steps: 200_000 });
    const ls = lstd(createRng(10), m, 0.8, policy, { steps: 100_000 }).values;
    for (const v of [td0, tdl, ls])
      for (let s = 0; s < 5; s++) expect(Math.abs(v[s]! - exact[s]!)).toBeLessThan(0.05 * scale);
  });

  it('Q-learning finds the optimal policy', () => {
    const opt = policyIteration(m, 0.8);
    const r = qLearning(createRng(11), m, 0.8, { steps: 300_000, epsilon: 0.3 });
    // equal policies, or a different action only where the optimal Q values nearly tie
    for (let s = 0; s < 5; s++) {
      if (r.policy[s] !== opt.policy[s])
        expect(Math.abs(opt.q[s * 2]! - opt.q[s * 2 + 1]!)).toBeLessThan(0.02 * scale);
    }
    expect(() => qLearning(createRng(1), m, 0.8, { steps: 10, decay: 0.4 })).toThrow(
      /decay must be in \(0.5, 1\]/,
    );
  });
});

describe('UCRL2 (average reward) on RiverSwim', () => {
  it('rejects bad transitions without recording them, and bad agents in the simulator', () => {
    const agent = new Ucrl2({ states: 3, actions: 2 });
    expect(() => agent.act(3)).toThrow(/Ucrl2.act: s/);
    expect(() => agent.observe(0, 0, 1.5, 1)).toThrow(/Ucrl2.observe: transition 0 reward/);
    expect(agent.episodes).toBe(0);
    const bad = { act: () => 7, observe: () => {} };
    expect(() =>
      simulateAverageReward(createRng(1), riverSwim(3), () => bad, { rounds: 5, checkpoints: [5] }),
    ).toThrow(/simulateAverageReward: the agent chose action 7 in state 0/);
  });
});
