import { Matrix } from 'ml-matrix';
import type { Rng } from '../random/Rng.ts';
import { assertFiniteVector, assertRng } from '../validate/assert.ts';
import { randomOrthogonal } from './randomOrthogonal.ts';

/**
 * A random symmetric positive-definite matrix with the given spectrum: $Q \Lambda Q^\top$ for
 * a Haar-random orthogonal Q (see {@link randomOrthogonal}). The condition number is
 * $\max_i\lambda_i / \min_i \lambda_i$ exactly, up to rounding.
 *
 * @param rng - the random source
 * @param eigenvalues - the spectrum, each finite and > 0
 * @throws RangeError on an empty spectrum or a non-positive eigenvalue
 *
 * @example
 * const a = randomSpd(createRng(1), [1, 10, 100]); // a random rotation of diag(1, 10, 100)
 * conditionNumber(a); // 100, up to rounding
 */
export function randomSpd(rng: Rng, eigenvalues: ArrayLike<number>): Matrix {
  assertRng('randomSpd', rng);
  assertFiniteVector('randomSpd', 'eigenvalues', eigenvalues, undefined, {
    min: 0,
    minOpen: true,
  });
  const n = eigenvalues.length;
  if (n === 0) throw new RangeError('randomSpd: eigenvalues must not be empty');
  const q = randomOrthogonal(rng, n);
  const out = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q.get(i, k) * eigenvalues[k]! * q.get(j, k);
      out.set(i, j, s);
      out.set(j, i, s);
    }
  }
  return out;
}
