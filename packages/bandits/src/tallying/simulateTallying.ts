import { type Rng, RunningStats } from '@x/linalg';
import { assertFunction, assertMade, assertRng } from '@x/linalg/validate';
import { readRunOptions, resolveCheckpoints } from '../core/validation.ts';
import type { WeightedTallyingBandit } from './WeightedTallyingBandit.ts';

/** A learner for weighted tallying bandits: it plays in order, one reward per selection. */
export interface TallyingLearner {
  select(rng: Rng): number;
  update(arm: number, reward: number): void;
}

/**
 * Runs a learner against fresh weighted tallying environments and records the complete policy
 * regret $\sum_{s \le t} E[\ell_s] - t \min_a f_a(W)$ (losses of the plays made, against repeated
 * exposure to the best arm).
 *
 * @throws RangeError on a bad horizon or run count
 */
export function simulateTallying(
  rng: Rng,
  createEnvironment: () => WeightedTallyingBandit,
  createLearner: () => TallyingLearner,
  options: {
    readonly horizon: number;
    readonly runs?: number;
    readonly checkpoints: ArrayLike<number>;
  },
): { rounds: Int32Array; meanRegret: Float64Array; stdError: Float64Array } {
  assertRng('simulateTallying', rng);
  const { horizon, runs, checkpoints } = readRunOptions('simulateTallying', options);
  assertFunction('simulateTallying', 'createEnvironment', createEnvironment);
  assertFunction('simulateTallying', 'createLearner', createLearner);
  const rounds = resolveCheckpoints('simulateTallying', horizon, checkpoints, () =>
    Int32Array.of(horizon),
  );
  const stats = Array.from({ length: rounds.length }, () => new RunningStats());
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const userRng = runRng.split();
    const learnerRng = runRng.split();
    const env = assertMade('simulateTallying', 'createEnvironment', createEnvironment(), [
      'repeatedExposureLoss',
      'expectedLoss',
      'play',
    ]);
    const learner = assertMade('simulateTallying', 'createLearner', createLearner(), [
      'select',
      'update',
    ]);
    const best = env.repeatedExposureLoss();
    let regret = 0;
    let next = 0;
    for (let t = 0; t < horizon; t++) {
      const arm = learner.select(learnerRng);
      regret += env.expectedLoss(arm) - best;
      learner.update(arm, env.play(userRng, arm));
      if (t + 1 === rounds[next]) stats[next++]!.push(regret);
    }
  }
  return {
    rounds,
    meanRegret: Float64Array.from(stats, (s) => s.mean),
    stdError: Float64Array.from(stats, (s) =>
      s.count > 1 ? s.standardError : Number.POSITIVE_INFINITY,
    ),
  };
}
