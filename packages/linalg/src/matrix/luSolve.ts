import { LuDecomposition, Matrix } from 'ml-matrix';
import { assertFiniteVector } from '../validate/assert.ts';
import { type MatrixLike, toMatrix } from './toMatrix.ts';

/**
 * Solves $A x = b$ for a square non-singular A by LU decomposition with partial pivoting
 * (ml-matrix), $O(n^3)$.
 *
 * @param a - square n x n
 * @param b - right-hand side, length n
 * @throws TypeError on mismatched sizes; RangeError if A is singular or an entry is not finite
 *
 * @example
 * luSolve([[0, 1], [2, 0]], [3, 4]); // [2, 3], with partial pivoting
 *
 * References: Golub and Van Loan, Matrix Computations, 4th ed., Section 3.4.
 */
export function luSolve(a: MatrixLike, b: ArrayLike<number>): Float64Array {
  const m = toMatrix('luSolve', 'a', a, { square: true });
  assertFiniteVector('luSolve', 'b', b, m.rows);
  const lu = new LuDecomposition(m);
  if (lu.isSingular()) throw new RangeError('luSolve: a is singular');
  return Float64Array.from(lu.solve(Matrix.columnVector(Array.from(b))).getColumn(0));
}
