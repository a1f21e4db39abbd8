import { CholeskyDecomposition, type Matrix } from 'ml-matrix';
import { type MatrixLike, toMatrix } from './toMatrix.ts';

/**
 * The lower-triangular Cholesky factor $L$ with $A = L L^\top$ of a symmetric positive-definite
 * matrix (ml-matrix's decomposition, after checking symmetry to a relative $10^{-12}$, since
 * ml-matrix reads only the lower triangle).
 *
 * @throws TypeError if A is not square; RangeError if it is not symmetric or not positive-definite
 */
export function choleskyFactor(fn: string, name: string, a: MatrixLike): Matrix {
  const m = toMatrix(fn, name, a, { square: true });
  const n = m.rows;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(m.get(i, i)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(m.get(i, j) - m.get(j, i)) > 1e-12 * Math.max(scale, 1e-300)) {
        throw new RangeError(
          `${fn}: ${name} must be symmetric, but [${i}][${j}] = ${m.get(i, j)} and [${j}][${i}] = ${m.get(j, i)}`,
        );
      }
    }
  }
  const chol = new CholeskyDecomposition(m);
  if (!chol.isPositiveDefinite()) {
    throw new RangeError(`${fn}: ${name} must be positive-definite`);
  }
  return chol.lowerTriangularMatrix;
}
