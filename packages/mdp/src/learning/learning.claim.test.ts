import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { riverSwim } from '../generators/riverSwim.ts';
import { EpisodicProblem } from '../model/EpisodicProblem.ts';
import { Psrl } from './Psrl.ts';
import { simulateAverageReward } from './simulateAverageReward.ts';
import { simulateEpisodic } from './simulateEpisodic.ts';
import { Ucbvi } from './Ucbvi.ts';
import { Ucrl2 } from './Ucrl2.ts';

const H = 20;
const checkpoints = [50, 100, 200, 500, 1000];

describe('episodic learning on RiverSwim (6 states, H = 20)', () => {
  it('claim: PSRL has sublinear regret (it stops paying once it finds the far reward)', () => {
    const r = simulateEpisodic(
      createRng(1),
      new EpisodicProblem({ mdp: riverSwim(6), horizon: H, start: 0 }),
      () => new Psrl({ states: 6, actions: 2, horizon: H }),
      {
        rounds: 1000,
        runs: 4,
        checkpoints,
      },
    );
    expect(fitLogLogSlope(checkpoints, r.series.regret.mean).slope).toBeLessThan(0.5);
  });

  it('claim: UCBVI has sublinear regret once its bonus is scaled to the problem (c = 0.1); with the proof constant it is still in its linear phase at 1000 episodes', () => {
    const tuned = simulateEpisodic(
      createRng(2),
      new EpisodicProblem({ mdp: riverSwim(6), horizon: H, start: 0 }),
      () => new Ucbvi({ states: 6, actions: 2, horizon: H }, { rounds: 1000, bonusScale: 0.1 }),
      { rounds: 1000, runs: 4, checkpoints },
    );
    expect(fitLogLogSlope(checkpoints, tuned.series.regret.mean).slope).toBeLessThan(0.6);
    const proof = simulateEpisodic(
      createRng(2),
      new EpisodicProblem({ mdp: riverSwim(6), horizon: H, start: 0 }),
      () => new Ucbvi({ states: 6, actions: 2, horizon: H }, { rounds: 1000 }),
      { rounds: 1000, runs: 2, checkpoints },
    );
    // Its regret stays below the H sqrt(S A T) scale of the theorem (T = 1000 H steps).
    expect(proof.series.regret.mean.at(-1)!).toBeLessThan(
      H * Math.sqrt(6 * 2 * 1000 * H) * Math.log(6 * 2 * 1000 * H),
    );
  });

  it('claim: with the paper constants, the Bernstein bonus leaves the linear phase first (UCBVI-BF adapts to the variance of the next value)', () => {
    const marks = [1000, 2000];
    const late = (bonus: 'hoeffding' | 'bernstein') => {
      const r = simulateEpisodic(
        createRng(2),
        new EpisodicProblem({ mdp: riverSwim(6), horizon: H, start: 0 }),
        () => new Ucbvi({ states: 6, actions: 2, horizon: H }, { rounds: 2000, bonus }),
        { rounds: 2000, runs: 4, checkpoints: marks },
      );
      return r.series.regret.mean[1]! - r.series.regret.mean[0]!;
    };
    const hoeffding = late('hoeffding');
    const bernstein = late('bernstein');
    // Hoeffding still pays the full exploration price per episode; Bernstein has started to earn.
    expect(bernstein).toBeLessThan(0.9 * hoeffding);
    expect(
      () => new Ucbvi({ states: 6, actions: 2, horizon: H }, { bonus: 'chernoff' as 'bernstein' }),
    ).toThrow(/Ucbvi: bonus must be/);
  });
});

describe('UCRL2 (average reward) on RiverSwim', () => {
  const steps = [1000, 2000, 5000, 10_000, 20_000, 50_000];

  it('claim: regret is sublinear once the confidence radii are scaled to the problem, and it collects most of the optimal reward', () => {
    const r = simulateAverageReward(
      createRng(4),
      riverSwim(6),
      () => new Ucrl2({ states: 6, actions: 2 }, { confidenceScale: 0.1 }),
      { rounds: 50_000, runs: 4, checkpoints: steps },
    );
    expect(fitLogLogSlope(steps, r.series.regret.mean).slope).toBeLessThan(0.5);
    // It collects over 95% of the optimal reward by T = 50000 (swimming left collects about 1%).
    expect(r.series.regret.mean.at(-1)!).toBeLessThan(0.05 * 50_000 * r.gain);
  });

  it('claim: the number of episodes is at most SA log2(8T / SA) (JOA 2010, Proposition 18)', () => {
    const agent = new Ucrl2({ states: 6, actions: 2 });
    const T = 20_000;
    simulateAverageReward(createRng(5), riverSwim(6), () => agent, { rounds: T, checkpoints: [T] });
    expect(agent.episodes).toBeGreaterThan(12);
    expect(agent.episodes).toBeLessThanOrEqual(6 * 2 * Math.log2((8 * T) / (6 * 2)));
  });
});
