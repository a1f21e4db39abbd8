import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Rng } from '../random/Rng.ts';
import { sampleStandardNormal } from '../random/sampleNormal.ts';
import { assertInteger, assertRng } from '../validate/assert.ts';

/**
 * A Haar-distributed (uniformly random) n x n orthogonal matrix: the Q of a QR decomposition
 * of a matrix of standard normals, with each column's sign fixed so that R has a positive
 * diagonal (without that fix Q is not Haar).
 *
 * @param rng - the random source
 * @param n - size, an integer >= 1
 * @throws RangeError if n is not a positive integer
 *
 * @example
 * const q = randomOrthogonal(createRng(1), 3); // Haar-distributed: q q^T = I
 *
 * References: Mezzadri, "How to Generate Random Matrices from the Classical Compact Groups",
 * Notices of the AMS 54(5), 2007, arXiv:math-ph/0609050, Section 5.
 */
export function randomOrthogonal(rng: Rng, n: number): Matrix {
  assertRng('randomOrthogonal', rng);
  assertInteger('randomOrthogonal', 'n', n, 1, 10_000);
  const z = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z.set(i, j, sampleStandardNormal(rng));
  const qr = new QrDecomposition(z);
  const q = qr.orthogonalMatrix;
  const r = qr.upperTriangularMatrix;
  for (let j = 0; j < n; j++) {
    if (r.get(j, j) < 0) for (let i = 0; i < n; i++) q.set(i, j, -q.get(i, j));
  }
  return q;
}
