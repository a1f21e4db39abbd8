import { type Rng, shuffle } from '@x/linalg';
import {
  assertInRange,
  assertInteger,
  assertRng,
  MAX_ARRAY_LENGTH,
  MAX_ROUNDS,
  readOptions,
} from '@x/linalg/validate';
import { CachedUtility, toUtility } from './CachedUtility.ts';
import type { IncrementalUtility, UtilityLike } from './Utility.ts';

/** Options of {@link permutationShapley}. */
export interface PermutationShapleyOptions {
  /** The most permutations to sample. @default 1000 */
  readonly permutations?: number;
  /** Permutations before the convergence check starts. @default 30 */
  readonly minPermutations?: number;
  /**
   * Truncation (TMC-Shapley): once $|U(N) - U(\text{prefix})| \le$ truncation $\cdot |U(N) -
   * U(\emptyset)|$, the rest of the permutation gets marginal contribution zero without calling
   * the utility. 0 turns truncation off. @default 0
   */
  readonly truncation?: number;
  /**
   * Stop when every standard error is at most tolerance $\cdot\, |U(N) - U(\emptyset)|/n$, the
   * average value (by efficiency). Scaling by the average rather than by each point's own value
   * keeps the rule meaningful for points whose value is near zero. 0 runs all permutations.
   * @default 0.01
   */
  readonly tolerance?: number;
}

/** The result of {@link permutationShapley}. */
export interface PermutationShapleyResult {
  readonly values: Float64Array;
  /** Standard error of each value over permutations. */
  readonly standardError: Float64Array;
  readonly permutations: number;
  /** Whether the tolerance was met before the permutation cap. */
  readonly converged: boolean;
  /** Calls to the utility (cache misses for a plain utility; insertions for an incremental one). */
  readonly utilityCalls: number;
}

/**
 * Monte Carlo Shapley values from random permutations: along each permutation, the marginal
 * contribution of each point to the points before it, averaged over permutations; unbiased, with
 * error $O(1/\sqrt{\text{permutations}})$. Each step reuses the previous prefix: an
 * {@link IncrementalUtility} costs one insertion per point, a plain utility one (cached) call.
 * With truncation this is TMC-Shapley.
 *
 * @param rng - random source for the permutations
 * @param n - number of data points
 * @param utility - a plain utility or an incremental one
 * @throws RangeError on bad options; Error naming the subset if the utility fails (no values are returned then)
 *
 * @example
 * const pairs = (s: Int32Array) => (s.includes(0) && s.length > 1 ? 1 : 0); // a glove game
 * const result = permutationShapley(createRng(1), 3, pairs, { permutations: 2000, tolerance: 0 });
 * result.values; // near the exact [2/3, 1/6, 1/6], with result.standardError
 *
 * References: Ghorbani and Zou, "Data Shapley: Equitable Valuation of Data for Machine
 * Learning", arXiv:1904.02868, Algorithm 1 (TMC-Shapley); Castro, Gomez and Tejada,
 * "Polynomial calculation of the Shapley value based on sampling", Computers & OR 2009.
 */
export function permutationShapley(
  rng: Rng,
  n: number,
  utility: UtilityLike | IncrementalUtility,
  options: PermutationShapleyOptions = {},
): PermutationShapleyResult {
  assertRng('permutationShapley', rng);
  const {
    permutations = 1000,
    minPermutations = 30,
    truncation = 0,
    tolerance = 0.01,
  } = readOptions('permutationShapley', options);
  const fn = 'permutationShapley';
  assertInteger(fn, 'n', n, 1, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'permutations', permutations, 1, MAX_ROUNDS);
  assertInteger(fn, 'minPermutations', minPermutations, 1, MAX_ROUNDS);
  assertInRange(fn, 'truncation', truncation, 0, 1);
  assertInRange(fn, 'tolerance', tolerance, 0, Number.POSITIVE_INFINITY, { hiOpen: true });
  const incremental =
    typeof utility === 'object' &&
    utility !== null &&
    typeof (utility as IncrementalUtility).add === 'function' &&
    typeof (utility as IncrementalUtility).reset === 'function';
  if (incremental && (utility as IncrementalUtility).size !== n)
    throw new RangeError(
      `${fn}: the incremental utility has size ${(utility as IncrementalUtility).size}, not n = ${n}`,
    );
  const checkedUtility = toUtility(fn, utility);
  const cached = incremental ? null : new CachedUtility(n, checkedUtility);
  let calls = 0;
  const evaluate = (subset: Int32Array) =>
    incremental ? checkedUtility(subset) : cached!.evaluate(subset);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const full = evaluate(all);
  const empty = evaluate(new Int32Array(0));
  const scale = Math.abs(full - empty);
  const mean = new Float64Array(n);
  const m2 = new Float64Array(n);
  const order = Int32Array.from(all);
  const prefix = new Int32Array(n);
  let done = 0;
  let converged = false;
  while (done < permutations) {
    shuffle(rng, order);
    let previous: number;
    if (incremental) {
      previous = incrementalStep(utility as IncrementalUtility, -1);
    } else previous = empty;
    let size = 0;
    let truncated = false;
    done++;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      let marginal = 0;
      if (!truncated) {
        let current: number;
        if (incremental) {
          current = incrementalStep(utility as IncrementalUtility, i);
          calls++;
        } else {
          // Keep the prefix sorted: insert i.
          let k = size;
          while (k > 0 && prefix[k - 1]! > i) {
            prefix[k] = prefix[k - 1]!;
            k--;
          }
          prefix[k] = i;
          size++;
          current = cached!.evaluate(prefix.slice(0, size));
        }
        marginal = current - previous;
        previous = current;
        if (truncation > 0 && Math.abs(full - current) <= truncation * scale) truncated = true;
      }
      const delta = marginal - mean[i]!;
      mean[i]! += delta / done;
      m2[i]! += delta * (marginal - mean[i]!);
    }
    if (tolerance > 0 && done >= minPermutations) {
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.sqrt(m2[i]! / (done - 1) / done));
      if (worst <= (tolerance * scale) / n) {
        converged = true;
        break;
      }
    }
  }
  const standardError = new Float64Array(n);
  for (let i = 0; i < n; i++)
    standardError[i] = done > 1 ? Math.sqrt(m2[i]! / (done - 1) / done) : Number.POSITIVE_INFINITY;
  return {
    values: mean,
    standardError,
    permutations: done,
    converged,
    utilityCalls: incremental ? calls + 2 : cached!.calls,
  };
}

/** One checked step of an incremental utility: `reset()` when i < 0, else `add(i)`. */
function incrementalStep(utility: IncrementalUtility, i: number): number {
  let value: unknown;
  try {
    value = i < 0 ? utility.reset() : utility.add(i);
  } catch (error) {
    throw new Error('permutationShapley: the incremental utility failed', { cause: error });
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new TypeError(
      `permutationShapley: the incremental utility must return finite numbers, got ${String(value)}`,
    );
  return value;
}
