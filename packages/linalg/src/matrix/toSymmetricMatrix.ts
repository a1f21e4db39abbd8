import { Matrix } from 'ml-matrix';
import { type MatrixLike, toMatrix } from './toMatrix.ts';

/**
 * Relative symmetry tolerance: $|a_{ij} - a_{ji}| \le 10^{-10} \max_{kl} |a_{kl}|$. A matrix that
 * is symmetric in exact arithmetic but accumulated in floating point (a Gram matrix, a Hessian)
 * differs from its transpose by the rounding of its sums, at most $N\varepsilon$ relative for
 * sums of N terms ($\varepsilon = 2^{-52}$): the bound covers sums of up to about $4 \cdot 10^5$
 * terms in the worst case (and far more typically, where rounding errors grow like $\sqrt N$),
 * while an asymmetry a caller means is many orders of magnitude larger.
 */
export const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Validates a matrix that the mathematics says is symmetric and returns its exactly symmetric
 * part $(A + A^\top)/2$ as a new `Matrix`: square, finite, symmetric within
 * {@link SYMMETRY_TOLERANCE} relative to its largest entry. ml-matrix's factorisations demand
 * bit-exact symmetry, which floating-point accumulation rarely gives.
 *
 * @param fn - the calling function's name, for error messages
 * @param name - the argument's name, for error messages
 * @throws TypeError if not square; RangeError on a non-finite entry or an asymmetry above the
 * tolerance, naming the entries
 */
export function toSymmetricMatrix(fn: string, name: string, a: MatrixLike): Matrix {
  const m = toMatrix(fn, name, a, { square: true });
  const n = m.rows;
  let scale = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(m.get(i, j)));
  const tol = SYMMETRY_TOLERANCE * scale;
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    out.set(i, i, m.get(i, i));
    for (let j = 0; j < i; j++) {
      const lo = m.get(i, j);
      const up = m.get(j, i);
      if (Math.abs(lo - up) > tol) {
        throw new RangeError(
          `${fn}: ${name} must be symmetric, but [${i}][${j}] = ${lo} and [${j}][${i}] = ${up}`,
        );
      }
      const s = lo === up ? lo : 0.5 * lo + 0.5 * up;
      out.set(i, j, s);
      out.set(j, i, s);
    }
  }
  return out;
}
