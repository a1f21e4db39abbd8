import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { sigma, twoEnvironments } from '../../test/rlhfEnvironments.ts';
import type { EnvironmentClass } from './EnvironmentClass.ts';
import { RlhfIds } from './RlhfIds.ts';
import { randomEnvironmentClass } from './randomEnvironmentClass.ts';
import { simulateRlhf } from './simulateRlhf.ts';

/** Every observation (both trajectories and the bit) with its probability under environment i. */
function enumerateObservations(envs: EnvironmentClass, policy: Int32Array, i: number) {
  const { states: S, actions: A } = envs;
  const mdp = envs.environments[i]!;
  const p = (s: number, a: number, t: number) =>
    Math.exp(envs.logTransition[((i * S + s) * A + a) * S + t]!);
  const r = (j: number, s: number, a: number) => envs.reward[(j * S + s) * A + a]!;
  const out: { key: string; prob: number; margins: number[]; y: boolean }[] = [];
  for (let s1 = 0; s1 < S; s1++)
    for (let s2 = 0; s2 < S; s2++) {
      const a0 = policy[0 * S + 0]!;
      const a1 = policy[1 * S + s1]!;
      const pAgent = p(0, a0, s1) * p(s1, a1, s2);
      for (let b0 = 0; b0 < A; b0++)
        for (let u1 = 0; u1 < S; u1++)
          for (let b1 = 0; b1 < A; b1++)
            for (let u2 = 0; u2 < S; u2++) {
              const pBase = (1 / A) * p(0, b0, u1) * (1 / A) * p(u1, b1, u2);
              const margins = [0, 1].map(
                (j) => r(j, 0, a0) + r(j, s1, a1) - r(j, 0, b0) - r(j, u1, b1),
              );
              for (const y of [true, false]) {
                const m = margins[i]!;
                out.push({
                  key: `${s1}${s2}${b0}${u1}${b1}${u2}${y}`,
                  prob: pAgent * pBase * sigma(y ? m : -m),
                  margins,
                  y,
                });
              }
            }
    }
  expect(mdp.states).toBe(S);
  return out;
}

describe('RlhfIds', () => {
  it('claim: the information term equals the exact mutual information (enumerated) within Monte Carlo error', () => {
    const envs = twoEnvironments();
    const n = 4000;
    const agent = new RlhfIds(envs, { informationSamples: n });
    const w = [0.3, 0.7];
    for (const score of agent.candidateScores(createRng(3))) {
      const policy = envs.optimalPolicies[score.environment]!;
      const rows = [0, 1].map((i) => enumerateObservations(envs, policy, i));
      const marginal = new Map<string, number>();
      for (const i of [0, 1])
        for (const o of rows[i]!) marginal.set(o.key, (marginal.get(o.key) ?? 0) + w[i]! * o.prob);
      let mi = 0;
      let second = 0;
      for (const i of [0, 1])
        for (const o of rows[i]!) {
          if (o.prob === 0) continue;
          const l = Math.log(o.prob / marginal.get(o.key)!);
          mi += w[i]! * o.prob * l;
          second += w[i]! * o.prob * l * l;
        }
      const sd = Math.sqrt(second - mi * mi);
      expect(mi).toBeGreaterThan(0);
      expect(Math.abs(score.information - mi)).toBeLessThan(5 * (sd / Math.sqrt(n)));
    }
  });

  // Dynamics nearly shared, rewards that differ: mostly the preferences tell environments apart.
  const K = 800;
  const checkpoints = [50, 100, 200, 400, 800];
  const envs = randomEnvironmentClass(createRng(1), {
    states: 3,
    actions: 2,
    horizon: 3,
    size: 20,
    spread: 0.3,
    transitionSpread: 0.05,
  });
  const run = (variant: 'exact' | 'approximate', feedback: 'preference' | 'reward') =>
    simulateRlhf(
      createRng(2),
      envs,
      () => new RlhfIds(envs, { variant, feedback, informationSamples: 8 }),
      { rounds: K, runs: 32, checkpoints, feedback },
    );

  it('claim: Bayesian regret is sublinear for exact IDS, Approximate-IDS and with scalar rewards, within the H^2 sqrt(SAK) bound; Approximate-IDS regret is close to exact IDS', () => {
    const exact = run('exact', 'preference');
    const approximate = run('approximate', 'preference');
    const scalar = run('exact', 'reward');
    // Local slope over the last two doublings: linear regret gives 1; sqrt(K log K) gives
    // 1/2 + 1/(2 log K) = 0.58 at K = 800. 0.75 separates the two with room for the Monte Carlo
    // error of 32 runs (standard errors about 8% of the regret, so about 0.1 on the slope; with 8
    // runs they were 25% and the slope swung by 0.3). The bench fits the slope over a decade.
    const late = checkpoints.slice(2);
    for (const r of [exact, approximate, scalar])
      expect(fitLogLogSlope(late, r.series.regret.mean.slice(2)).slope).toBeLessThan(0.75);
    // The tabular bound H^2 sqrt(SAK), with constant 1.
    expect(exact.series.regret.mean.at(-1)!).toBeLessThan(9 * Math.sqrt(3 * 2 * K));
    expect(approximate.series.regret.mean.at(-1)!).toBeLessThan(
      1.5 * exact.series.regret.mean.at(-1)!,
    );
  }, 120_000);
});
