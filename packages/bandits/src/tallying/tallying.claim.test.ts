import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { Ucb1 } from '../stochastic/Ucb1.ts';
import { simulateTallying } from './simulateTallying.ts';
import { TallyingSuccessiveElimination } from './TallyingSuccessiveElimination.ts';
import { WeightedTallyingBandit } from './WeightedTallyingBandit.ts';

/**
 * Exposure matters: arm 0 is bad when fresh but the best with practice (a skill), arm 1 is good
 * when fresh but wears off (boredom), arm 2 does not change. m = 5, W = 3: f(0) = 0.95, 0.4, 0.5
 * and f(W) = 0.2, 0.55, 0.5, so repeated exposure to arm 0 is optimal (REO).
 */
const makeEnv = () =>
  new WeightedTallyingBandit(
    [(x) => 0.95 - 0.25 * x, (x) => 0.4 + 0.05 * x, () => 0.5],
    [1, 0.8, 0.6, 0.4, 0.2],
  );

describe('TallyingSuccessiveElimination', () => {
  it('claim: complete policy regret grows sublinearly, far below a policy that interleaves arms', () => {
    const T = 20_000;
    const checkpoints = [2000, 5000, 10_000, 20_000];
    const se = simulateTallying(
      createRng(3),
      makeEnv,
      () => new TallyingSuccessiveElimination(3, { memoryBound: 5, rounds: T }),
      { rounds: T, runs: 4, checkpoints },
    );
    const ucb = simulateTallying(createRng(3), makeEnv, () => new Ucb1(3), {
      rounds: T,
      runs: 4,
      checkpoints,
    });
    // UCB1 interleaves arms, so it rarely sees arm 0 practised: over the second half it keeps
    // paying a constant regret per round. Elimination settles on arm 0 and stops paying.
    const lateUcb = ucb.series.regret.mean[3]! - ucb.series.regret.mean[2]!;
    const lateSe = se.series.regret.mean[3]! - se.series.regret.mean[2]!;
    expect(lateUcb / 10_000).toBeGreaterThan(0.03);
    expect(lateSe).toBeLessThan(0.1 * lateUcb);
    expect(fitLogLogSlope(checkpoints, se.series.regret.mean).slope).toBeLessThan(0.6);
    expect(se.series.regret.mean.at(-1)!).toBeLessThan(ucb.series.regret.mean.at(-1)!);
  });
});
