import { CholeskyDecomposition, type Matrix } from 'ml-matrix';
import type { MatrixLike } from './toMatrix.ts';
import { toSymmetricMatrix } from './toSymmetricMatrix.ts';

/**
 * The lower-triangular Cholesky factor $L$ with $A = L L^\top$ of a symmetric positive-definite
 * matrix: ml-matrix's decomposition of the symmetric part $(A + A^\top)/2$, after checking
 * symmetry within a relative 1e-10 of its largest entry (a matrix accumulated in floating point is rarely
 * bit-symmetric).
 *
 * @param fn - the calling function's name, for error messages
 * @param name - the argument's name, for error messages
 * @throws TypeError if A is not square; RangeError if it is not symmetric or not positive-definite
 */
export function choleskyFactor(fn: string, name: string, a: MatrixLike): Matrix {
  const chol = new CholeskyDecomposition(toSymmetricMatrix(fn, name, a));
  if (!chol.isPositiveDefinite()) {
    throw new RangeError(`${fn}: ${name} must be positive-definite`);
  }
  return chol.lowerTriangularMatrix;
}
