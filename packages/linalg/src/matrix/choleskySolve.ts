import { assertFiniteVector } from '../validate/assert.ts';
import { choleskyFactor } from './choleskyFactor.ts';
import type { MatrixLike } from './toMatrix.ts';

/**
 * Solves $A x = b$ for a symmetric positive-definite A by Cholesky: $A = LL^\top$, then
 * forward substitution $Ly = b$ and back substitution $L^\top x = y$. Half the work of LU and
 * backward stable without pivoting.
 *
 * @param a - symmetric positive-definite n x n
 * @param b - right-hand side, length n
 * @param out - optional buffer of length n for x
 * @throws TypeError on mismatched sizes; RangeError if A is not symmetric positive-definite or
 * an entry is not finite
 *
 * @example
 * choleskySolve([[4, 1], [1, 3]], [1, 2]); // [1/11, 7/11]
 *
 * References: Golub and Van Loan, Matrix Computations, 4th ed., Section 4.2.
 */
export function choleskySolve(
  a: MatrixLike,
  b: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  const l = choleskyFactor('choleskySolve', 'a', a);
  const n = l.rows;
  assertFiniteVector('choleskySolve', 'b', b, n);
  if (out !== undefined && out.length !== n) {
    throw new TypeError(`choleskySolve: out must have length ${n}, got ${out.length}`);
  }
  const x = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l.get(i, k) * x[k]!;
    x[i] = s / l.get(i, i);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l.get(k, i) * x[k]!;
    x[i] = s / l.get(i, i);
  }
  return x;
}
