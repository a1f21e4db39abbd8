import { assertInteger, MAX_ARRAY_LENGTH } from '@x/linalg/validate';
import { toUtility } from './CachedUtility.ts';
import type { UtilityLike } from './Utility.ts';

/**
 * Leave-one-out values $\phi_i = U(N) - U(N \setminus i)$: n + 1 utility calls. Cheap, but
 * blind to redundancy (two copies of a useful point both get value zero), which is what the
 * Shapley value fixes.
 *
 * @throws RangeError on a bad n; Error naming the subset if the utility fails
 *
 * @example
 * // Two copies of the same point: removing either one costs nothing.
 * leaveOneOut(3, (s) => (s.includes(0) || s.includes(1) ? 1 : 0) + (s.includes(2) ? 1 : 0)); // [0, 0, 1]
 *
 * References: Ghorbani and Zou, "Data Shapley", arXiv:1904.02868, Section 4 (the leave-one-out
 * baseline); Cook, "Detection of Influential Observation in Linear Regression", Technometrics 1977.
 */
export function leaveOneOut(n: number, utility: UtilityLike): Float64Array {
  assertInteger('leaveOneOut', 'n', n, 1, MAX_ARRAY_LENGTH);
  const utilityFn = toUtility('leaveOneOut', utility);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const full = utilityFn(all);
  const values = new Float64Array(n);
  const without = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    without.set(all.subarray(0, i), 0);
    without.set(all.subarray(i + 1), i);
    values[i] = full - utilityFn(without.slice());
  }
  return values;
}
