import { type Rng, RunningStats } from '@x/linalg';
import { assertFunction, assertMade, assertRng, formatValue } from '@x/linalg/validate';
import type { SimulationResult } from '../core/simulateBandit.ts';
import { logSpacedRounds } from '../core/simulateBandit.ts';
import { readRunOptions, resolveCheckpoints } from '../core/validation.ts';
import type { CascadeUcb } from './CascadeUcb.ts';
import type { CascadingBandit } from './CascadingBandit.ts';

/**
 * Runs a cascade learner for several seeded runs and records the expected regret $R(t) =
 * \sum_{s \le t} (f(A^*) - f(A_s))$ with $f$ the click probability of a list. Runs get split
 * streams, each split into the user's and the learner's.
 *
 * @throws RangeError on a bad horizon or run count; TypeError if the learner's item count or
 * list length differs from the environment's
 */
export function simulateCascade(
  rng: Rng,
  env: CascadingBandit,
  createLearner: () => CascadeUcb,
  options: {
    readonly horizon: number;
    readonly runs?: number;
    readonly checkpoints?: ArrayLike<number>;
  },
): SimulationResult {
  assertRng('simulateCascade', rng);
  const { horizon, runs, checkpoints } = readRunOptions('simulateCascade', options);
  if (env === null || typeof env !== 'object' || typeof env.items !== 'number')
    throw new TypeError(`simulateCascade: env must be an environment, got ${formatValue(env)}`);
  assertFunction('simulateCascade', 'createLearner', createLearner);
  const rounds = resolveCheckpoints('simulateCascade', horizon, checkpoints, () =>
    logSpacedRounds(horizon),
  );
  const stats = Array.from({ length: rounds.length }, () => new RunningStats());
  const finalRegret = new Float64Array(runs);
  const best = env.optimalReward();
  let clicks = 0;
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const userRng = runRng.split();
    const learnerRng = runRng.split();
    const learner = assertMade('simulateCascade', 'createLearner', createLearner(), [
      'selectList',
      'update',
    ]);
    if (learner.items !== env.items || learner.listLength !== env.listLength) {
      throw new TypeError(
        `simulateCascade: the learner has ${learner.items} items and lists of ${learner.listLength}; the environment ${env.items} and ${env.listLength}`,
      );
    }
    let regret = 0;
    let next = 0;
    for (let t = 0; t < horizon; t++) {
      const list = learner.selectList(learnerRng);
      const c = env.click(userRng, list);
      learner.update(list, c);
      if (c >= 0) clicks++;
      regret += best - env.expectedReward(list);
      if (t + 1 === rounds[next]) stats[next++]!.push(regret);
    }
    finalRegret[run] = regret;
  }
  return {
    rounds,
    meanRegret: Float64Array.from(stats, (s) => s.mean),
    stdError: Float64Array.from(stats, (s) =>
      s.count > 1 ? s.standardError : Number.POSITIVE_INFINITY,
    ),
    finalRegret,
    meanTotalReward: clicks / runs,
  };
}
