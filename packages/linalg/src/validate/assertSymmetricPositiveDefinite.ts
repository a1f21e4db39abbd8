import type { Matrix } from 'ml-matrix';
import { choleskyFactor } from '../matrix/choleskyFactor.ts';
import type { MatrixLike } from '../matrix/toMatrix.ts';

/**
 * Asserts that `value` is a symmetric positive-definite matrix (square, finite, symmetric up to
 * a relative 1e-10 of its largest entry, with a Cholesky factor) and returns that factor $L$,
 * $A = LL^\top$, of its exactly symmetric part.
 *
 * @param fn - the calling function's name, for error messages
 * @param name - the argument's name, for error messages
 * @throws TypeError if not a square matrix; RangeError if an entry is not finite, or the matrix
 * is not symmetric or not positive-definite
 */
export function assertSymmetricPositiveDefinite(
  fn: string,
  name: string,
  value: MatrixLike,
): Matrix {
  return choleskyFactor(fn, name, value);
}
