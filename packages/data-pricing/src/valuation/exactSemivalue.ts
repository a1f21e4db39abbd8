import { assertInteger } from '@x/linalg/validate';
import { toUtility } from './CachedUtility.ts';
import { type Semivalue, semivalueWeights } from './semivalueWeights.ts';
import type { UtilityLike } from './Utility.ts';

/**
 * Exact semivalues by enumerating all $2^n$ subsets once: $\phi_i = \sum_{S \subseteq N
 * \setminus i} p(|S|)\,(U(S \cup i) - U(S))$ with the Shapley, Banzhaf or Beta$(\alpha,\beta)$
 * weights p. The Shapley values satisfy the efficiency axiom $\sum_i \phi_i = U(N) -
 * U(\emptyset)$. The utility is called exactly $2^n$ times, so n is limited to 20.
 *
 * @param n - number of data points, 1..20
 * @param utility - $U(S)$ for subsets given as increasing index arrays
 * @param semivalue - `'shapley'` (default), `'banzhaf'` or `{ alpha, beta }`
 * @returns one value per point
 * @throws RangeError on a bad n or semivalue; Error naming the subset if the utility fails
 *
 * @example
 * // A glove game: point 0 holds a left glove, points 1 and 2 right gloves; a pair is worth 1.
 * const pairs = (s: Int32Array) => (s.includes(0) && s.length > 1 ? 1 : 0);
 * exactSemivalue(3, pairs, 'shapley'); // [2/3, 1/6, 1/6]
 * exactSemivalue(3, pairs, 'banzhaf'); // [3/4, 1/4, 1/4]
 *
 * References: Ghorbani and Zou, "Data Shapley: Equitable Valuation of Data for Machine
 * Learning", arXiv:1904.02868, Section 2; Kwon and Zou, arXiv:2110.14049 (Beta Shapley); Wang
 * and Jia, arXiv:2205.15466 (Data Banzhaf).
 */
export function exactSemivalue(
  n: number,
  utility: UtilityLike,
  semivalue: Semivalue = 'shapley',
): Float64Array {
  return semivalueByEnumeration('exactSemivalue', n, utility, semivalue);
}

/** Exact Shapley values: {@link exactSemivalue} with Shapley weights. */
export function exactShapley(n: number, utility: UtilityLike): Float64Array {
  return semivalueByEnumeration('exactShapley', n, utility, 'shapley');
}

/** The enumeration behind both exports; errors name `fn`, the function the user called. */
function semivalueByEnumeration(
  fn: string,
  n: number,
  utility: UtilityLike,
  semivalue: Semivalue,
): Float64Array {
  assertInteger(fn, 'n', n, 1, 20);
  const utilityFn = toUtility(fn, utility);
  const weights = semivalueWeights(fn, n, semivalue);
  const subsets = 1 << n;
  const u = new Float64Array(subsets);
  const members = new Int32Array(n);
  const size = new Int32Array(subsets);
  for (let mask = 0; mask < subsets; mask++) {
    let k = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) members[k++] = i;
    size[mask] = k;
    u[mask] = utilityFn(members.slice(0, k));
  }
  const values = new Float64Array(n);
  for (let mask = 0; mask < subsets; mask++) {
    const w = weights[size[mask]!]!;
    for (let i = 0; i < n; i++)
      if (!(mask & (1 << i))) values[i]! += w * (u[mask | (1 << i)]! - u[mask]!);
  }
  return values;
}
