import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { assertFunction, assertMade, runRegretAs } from '@x/linalg/validate';
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
 * It is `runExperiment` of `@x/linalg/experiment`: run i plays a fresh environment on the i-th
 * split of `rng`, and run ranges merge with `mergeRuns`.
 *
 * @param createEnvironment - makes a fresh environment for each run (it keeps the tallies)
 * @param createLearner - makes a fresh learner for each run, given its environment
 * @throws RangeError on bad options
 *
 * @example
 * const make = () => new WeightedTallyingBandit([(t) => 0.1 * t, (t) => 0.3 * t], [0.5, 0.5]);
 * const result = simulateTallying(createRng(1), make, (e) => new TallyingSuccessiveElimination(e.arms, { rounds: 5000, memoryBound: 2 }), {
 *   rounds: 5000,
 * });
 * result.series.regret.mean;
 */
export function simulateTallying(
  rng: Rng,
  createEnvironment: () => WeightedTallyingBandit,
  createLearner: (env: WeightedTallyingBandit) => TallyingLearner,
  options: SimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateTallying';
  assertFunction(fn, 'createEnvironment', createEnvironment);
  assertFunction(fn, 'createLearner', createLearner);
  return runRegretAs(fn, rng, options, ({ environment, agent }) => {
    const env = assertMade(fn, 'createEnvironment', createEnvironment(), [
      'repeatedExposureLoss',
      'expectedLoss',
      'play',
    ]);
    const learner = assertMade(fn, 'createLearner', createLearner(env), ['select', 'update']);
    const best = env.repeatedExposureLoss();
    return () => {
      const arm = learner.select(agent);
      const regret = env.expectedLoss(arm) - best;
      learner.update(arm, env.play(environment, arm));
      return regret;
    };
  });
}
