import { Matrix, solve } from 'ml-matrix';
import { log } from '../math/index.ts';
import { choleskyFactor } from '../matrix/choleskyFactor.ts';
import type { MatrixLike } from '../matrix/toMatrix.ts';
import { assertFiniteVector } from '../validate/assert.ts';

/**
 * KL divergence between multivariate normals in nats:
 * $\mathrm{KL}(\mathcal N_1 \| \mathcal N_2) = \tfrac12\left[\mathrm{tr}(\Sigma_2^{-1}\Sigma_1)
 * + (\mu_2 - \mu_1)^\top \Sigma_2^{-1}(\mu_2 - \mu_1) - d + \log\frac{\det\Sigma_2}{\det
 * \Sigma_1}\right]$, with the log-determinants from Cholesky factors.
 *
 * @throws TypeError on mismatched sizes; RangeError if a covariance is not symmetric
 * positive-definite or an entry is not finite
 *
 * @example
 * klMultivariateGaussian([0, 0], [[1, 0], [0, 1]], [1, 0], [[1, 0], [0, 1]]); // 0.5
 */
export function klMultivariateGaussian(
  mu1: ArrayLike<number>,
  sigma1: MatrixLike,
  mu2: ArrayLike<number>,
  sigma2: MatrixLike,
): number {
  const fn = 'klMultivariateGaussian';
  assertFiniteVector(fn, 'mu1', mu1);
  const d = mu1.length;
  assertFiniteVector(fn, 'mu2', mu2, d);
  const l1 = choleskyFactor(fn, 'sigma1', sigma1);
  const l2 = choleskyFactor(fn, 'sigma2', sigma2);
  if (l1.rows !== d || l2.rows !== d) {
    throw new TypeError(
      `${fn}: covariances must be ${d}x${d}, got ${l1.rows}x${l1.rows} and ${l2.rows}x${l2.rows}`,
    );
  }
  let logDet1 = 0;
  let logDet2 = 0;
  for (let i = 0; i < d; i++) {
    logDet1 += 2 * log(l1.get(i, i));
    logDet2 += 2 * log(l2.get(i, i));
  }
  // tr(S2^-1 S1) = ||L2^-1 L1||_F^2 ; quadratic form = ||L2^-1 (mu2 - mu1)||^2
  const a = solve(l2, l1);
  let trace = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) trace += a.get(i, j) * a.get(i, j);
  const diff = Matrix.columnVector(Array.from({ length: d }, (_, i) => mu2[i]! - mu1[i]!));
  const y = solve(l2, diff);
  let quad = 0;
  for (let i = 0; i < d; i++) quad += y.get(i, 0) * y.get(i, 0);
  return Math.max(0, 0.5 * (trace + quad - d + logDet2 - logDet1));
}
