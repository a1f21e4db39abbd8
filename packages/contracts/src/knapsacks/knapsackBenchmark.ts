import type { LinearProgramOptions } from '@x/linalg';
import { readOptions, solveOptimalLinearProgramAs } from '@x/linalg/validate';
import { KnapsackBandit } from './KnapsackBandit.ts';

/** The best fixed distribution over arms of a bandit with knapsacks. */
export interface KnapsackBenchmark {
  /** $T \cdot \max_p r \cdot p$ subject to $C p \le B/T$: the benchmark every regret bound uses. */
  readonly value: number;
  /** The optimal distribution p over the arms (the null arm last). */
  readonly distribution: Float64Array;
}

/**
 * The linear-programming benchmark of bandits with knapsacks: the best fixed distribution over
 * arms whose expected consumption per round stays within $B/T$ for every resource, times T.
 * It bounds the expected reward of every algorithm from above (Badanidiyuru et al.); solved by
 * HiGHS.
 *
 * @throws TypeError if `env` is not a KnapsackBandit
 *
 * @example
 * const env = new KnapsackBandit({ rewards: [0.9, 0.5], consumption: [[0.8], [0.1]], budget: 100, rounds: 1000 });
 * const { value } = await knapsackBenchmark(env); // mix the arms so 0.1 of a unit is spent a round
 *
 * References: Badanidiyuru, Kleinberg and Slivkins, "Bandits with Knapsacks", arXiv:1305.2545,
 * Lemma 3.1 (the LP upper bound); Slivkins, arXiv:1904.07272, Chapter 10.
 */
export async function knapsackBenchmark(
  env: KnapsackBandit,
  options: LinearProgramOptions = {},
): Promise<KnapsackBenchmark> {
  const fn = 'knapsackBenchmark';
  if (!(env instanceof KnapsackBandit)) throw new TypeError(`${fn}: env must be a KnapsackBandit`);
  const { highs } = readOptions(fn, options);
  const { arms: K, resources: d, budget: B, rounds: T } = env;
  // Rows: d resource rows, then sum p = 1.
  const starts = new Int32Array(d + 2);
  const indices = new Int32Array((d + 1) * K);
  const values = new Float64Array((d + 1) * K);
  let e = 0;
  for (let i = 0; i <= d; i++) {
    for (let a = 0; a < K; a++) {
      indices[e] = a;
      values[e++] = i < d ? env.consumptionMeans[a * d + i]! : 1;
    }
    starts[i + 1] = e;
  }
  // Feasible (the null arm) and bounded (p in [0, 1]).
  const result = await solveOptimalLinearProgramAs(
    fn,
    {
      sense: 'maximize',
      cost: env.rewardMeans,
      colLower: new Float64Array(K),
      colUpper: new Float64Array(K).fill(1),
      rowLower: Float64Array.from({ length: d + 1 }, (_, i) =>
        i < d ? Number.NEGATIVE_INFINITY : 1,
      ),
      rowUpper: Float64Array.from({ length: d + 1 }, (_, i) => (i < d ? B / T : 1)),
      matrix: { starts, indices, values },
    },
    { presolve: false, ...(highs === undefined ? {} : { highs }) },
  );
  return { value: T * result.objective, distribution: result.x.map((x) => Math.max(0, x)) };
}
