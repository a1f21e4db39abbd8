import { SingularValueDecomposition } from 'ml-matrix';
import { type MatrixLike, toMatrix } from './toMatrix.ts';

/**
 * The 2-norm condition number $\kappa(A) = \sigma_{\max} / \sigma_{\min}$ from the singular
 * values (ml-matrix's SVD); for a rectangular matrix, over its $\min(m, n)$ singular values.
 *
 * @returns a value >= 1, or Infinity for a rank-deficient matrix
 * @throws TypeError if not a non-empty rectangular matrix; RangeError on a non-finite entry
 *
 * @example
 * conditionNumber([[2, 0], [0, 0.5]]); // 4: the ratio of the extreme singular values
 */
export function conditionNumber(a: MatrixLike): number {
  const m = toMatrix('conditionNumber', 'a', a);
  const sv = new SingularValueDecomposition(m, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  }).diagonal;
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const s of sv) {
    max = Math.max(max, s);
    min = Math.min(min, s);
  }
  return min === 0 ? Number.POSITIVE_INFINITY : max / min;
}
