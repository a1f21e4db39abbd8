import type { Rng } from '@x/linalg';
import {
  assertInteger,
  assertRng,
  MAX_ARRAY_LENGTH,
  MAX_ROUNDS,
  readOptions,
} from '@x/linalg/validate';
import { CachedUtility, toUtility } from './CachedUtility.ts';
import type { UtilityLike } from './Utility.ts';

/** The result of {@link banzhafMsr}. */
export interface BanzhafResult {
  readonly values: Float64Array;
  /**
   * Standard error of each value, $\sqrt{s^2_{in}/n_{in} + s^2_{out}/n_{out}}$ from the sample
   * variances of the utilities of the subsets with and without the point (Infinity when either
   * side has a single subset).
   */
  readonly standardError: Float64Array;
  /** Subsets sampled (each reused for every point: maximum sample reuse). */
  readonly samples: number;
  readonly utilityCalls: number;
}

/**
 * Data Banzhaf values by maximum sample reuse (MSR): draw subsets that hold each point
 * independently with probability 1/2 and estimate $\phi_i = E[U(S) \mid i \in S] - E[U(S) \mid
 * i \notin S]$ from the same samples for every point, so each utility call informs all n
 * values. The Banzhaf value is the semivalue most robust to noise in the utility. If some point
 * is always in (or always out of) the samples, more subsets are drawn until it is not.
 *
 * @param options - `samples`: subsets to draw, >= 2 (default 1000)
 * @throws RangeError on a bad n or samples; Error naming the subset if the utility fails
 *
 * @example
 * const weights = [3, 1, 1]; // a weighted vote: a coalition wins with 3 of the 5 votes
 * const win = (s: Int32Array) => (s.reduce((acc, i) => acc + weights[i]!, 0) >= 3 ? 1 : 0);
 * banzhafMsr(createRng(1), 3, win, { samples: 4000 }).values; // about [1, 0, 0]
 *
 * References: Wang and Jia, "Data Banzhaf: A Robust Data Valuation Framework for Machine
 * Learning", AISTATS 2023, arXiv:2205.15466, Section 4 (MSR estimator).
 */
export function banzhafMsr(
  rng: Rng,
  n: number,
  utility: UtilityLike,
  options: { readonly samples?: number } = {},
): BanzhafResult {
  assertRng('banzhafMsr', rng);
  const { samples = 1000 } = readOptions('banzhafMsr', options);
  const fn = 'banzhafMsr';
  assertInteger(fn, 'n', n, 1, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'samples', samples, 2, MAX_ROUNDS);
  const cached = new CachedUtility(n, toUtility(fn, utility));
  // Running means and sums of squared deviations (Welford) of U over the subsets with each
  // point and without it.
  const meanIn = new Float64Array(n);
  const meanOut = new Float64Array(n);
  const squaresIn = new Float64Array(n);
  const squaresOut = new Float64Array(n);
  const countIn = new Int32Array(n);
  const member = new Uint8Array(n);
  const subset = new Int32Array(n);
  let drawn = 0;
  const lacking = () => {
    for (let i = 0; i < n; i++) if (countIn[i] === 0 || countIn[i] === drawn) return true;
    return false;
  };
  // Past `samples`, draw on until every point has been both in and out of a subset. A lacking
  // point stays lacking with probability 1/2 per draw, so 1024 extra draws leave one lacking
  // with probability below n 2^-1024: the loop is bounded and the error below never seen.
  while (drawn < samples || (lacking() && drawn < samples + 1024)) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      member[i] = rng.nextFloat64() < 0.5 ? 1 : 0;
      if (member[i]) subset[k++] = i;
    }
    const u = cached.evaluate(subset.slice(0, k));
    drawn++;
    for (let i = 0; i < n; i++) {
      if (member[i]) {
        const c = ++countIn[i]!;
        const d = u - meanIn[i]!;
        meanIn[i]! += d / c;
        squaresIn[i]! += d * (u - meanIn[i]!);
      } else {
        const c = drawn - countIn[i]!;
        const d = u - meanOut[i]!;
        meanOut[i]! += d / c;
        squaresOut[i]! += d * (u - meanOut[i]!);
      }
    }
  }
  if (lacking())
    throw new RangeError(`${fn}: a point was never both in and out of the ${drawn} subsets drawn`);
  const values = new Float64Array(n);
  const standardError = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const nIn = countIn[i]!;
    const nOut = drawn - nIn;
    values[i] = meanIn[i]! - meanOut[i]!;
    standardError[i] =
      nIn < 2 || nOut < 2
        ? Number.POSITIVE_INFINITY
        : Math.sqrt(squaresIn[i]! / (nIn - 1) / nIn + squaresOut[i]! / (nOut - 1) / nOut);
  }
  return { values, standardError, samples: drawn, utilityCalls: cached.calls };
}
