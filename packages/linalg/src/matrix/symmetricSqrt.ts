import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { pow } from '../math/index.ts';
import type { MatrixLike } from './toMatrix.ts';
import { toSymmetricMatrix } from './toSymmetricMatrix.ts';

function symmetricPower(fn: string, a: MatrixLike, power: number): Matrix {
  const m = toSymmetricMatrix(fn, 'a', a);
  const n = m.rows;
  let scale = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(m.get(i, j)));
  const eig = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const v = eig.eigenvectorMatrix;
  // Eigenvalues within n * eps * scale of zero are rounding noise of a PSD matrix.
  const tol = n * Number.EPSILON * scale;
  const f = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lambda = values[k]!;
    if (power > 0 ? lambda < -tol : lambda <= tol) {
      const need = power > 0 ? 'positive semi-definite' : 'positive-definite';
      throw new RangeError(`${fn}: a must be ${need}, got eigenvalue ${lambda}`);
    }
    f[k] = pow(Math.max(lambda, 0), power);
  }
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v.get(i, k) * f[k]! * v.get(j, k);
      out.set(i, j, s);
      out.set(j, i, s);
    }
  }
  return out;
}

/**
 * The symmetric square root $A^{1/2} = V \Lambda^{1/2} V^\top$ of a symmetric positive
 * semi-definite matrix (eigendecomposition; eigenvalues within $n\varepsilon\|A\|_{\max}$ of
 * zero are treated as zero).
 *
 * @throws TypeError if not square; RangeError if not symmetric or it has a negative eigenvalue
 *
 * @example
 * symmetricSqrt([[4, 0], [0, 9]]); // [[2, 0], [0, 3]]
 */
export function symmetricSqrt(a: MatrixLike): Matrix {
  return symmetricPower('symmetricSqrt', a, 0.5);
}

/**
 * The symmetric inverse square root $A^{-1/2} = V \Lambda^{-1/2} V^\top$ of a symmetric
 * positive-definite matrix (whitening: $A^{-1/2} A A^{-1/2} = I$).
 *
 * @throws TypeError if not square; RangeError if not symmetric positive-definite
 */
export function symmetricInverseSqrt(a: MatrixLike): Matrix {
  return symmetricPower('symmetricInverseSqrt', a, -0.5);
}
