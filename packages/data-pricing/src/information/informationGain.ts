import { logDetSpd, Matrix, type MatrixLike } from '@x/linalg';
import { assertPositive, assertSymmetricPositiveDefinite, toMatrix } from '@x/linalg/validate';

/**
 * The value of a data request to a Bayesian linear-regression buyer: with prior $\theta \sim
 * \mathcal N(\mu, \Sigma)$ (which encodes the data the buyer already has) and n new labels $y =
 * X\theta + \varepsilon$, $\varepsilon \sim \mathcal N(0, \sigma^2 I)$, the value is the
 * information gain
 * $$\tfrac12 \log\frac{\det\Sigma}{\det\Sigma_{post}} = \tfrac12\log\det(I + \Sigma X^\top
 * X/\sigma^2), \qquad \Sigma_{post}^{-1} = \Sigma^{-1} + X^\top X/\sigma^2,$$
 * equal to the mutual information between $\theta$ and $y$ and to the expected KL divergence
 * from posterior to prior. It does not depend on the labels, only on the request X and the prior.
 *
 * @param priorCovariance - $\Sigma$, d x d symmetric positive-definite
 * @param request - X, n x d (n >= 1 rows of features to be labelled)
 * @param noiseStd - the label noise's standard deviation $\sigma > 0$
 * @returns the information gain in nats, >= 0
 * @throws TypeError on mismatched sizes; RangeError on a noise standard deviation <= 0 or a covariance that
 * is not symmetric positive-definite
 *
 * @example
 * const prior = [[1, 0], [0, 0.01]]; // already sure about the second weight
 * informationGain(prior, [[1, 0]], 1); // 0.347 nats: a label along the first feature
 * informationGain(prior, [[0, 1]], 1); // 0.005 nats: along the second
 *
 * References: Ai, Lyu, Wang, Yang and Xu, "An Instrumental Value for Data Production and its
 * Application to Data Pricing", arXiv:2412.18140 (in Bayesian linear regression the value of
 * data is the information gain); Lindley, "On a Measure of the Information Provided by an
 * Experiment", Ann. Math. Statist. 1956.
 */
export function informationGain(
  priorCovariance: MatrixLike,
  request: MatrixLike,
  noiseStd: number,
): number {
  const fn = 'informationGain';
  assertPositive(fn, 'noiseStd', noiseStd);
  return informationGainOf(fn, 'priorCovariance', priorCovariance, 'request', request, noiseStd);
}

/** {@link informationGain} with the caller's names in its messages; noiseStd checked. @internal */
export function informationGainOf(
  fn: string,
  priorName: string,
  priorCovariance: MatrixLike,
  requestName: string,
  request: MatrixLike,
  noiseStd: number,
): number {
  assertSymmetricPositiveDefinite(fn, priorName, priorCovariance);
  const sigma = toMatrix(fn, priorName, priorCovariance, { square: true });
  const x = toMatrix(fn, requestName, request);
  if (x.columns !== sigma.rows)
    throw new TypeError(`${fn}: ${requestName} must have ${sigma.rows} columns, got ${x.columns}`);
  // I + L^T X^T X L / sigma^2 with Sigma = L L^T would be symmetric; the same determinant comes
  // from the n x n form I + X Sigma X^T / sigma^2, which is symmetric positive-definite.
  const inner = x
    .mmul(sigma)
    .mmul(x.transpose())
    .div(noiseStd * noiseStd);
  const gram = Matrix.eye(x.rows).add(inner);
  // Symmetrise against rounding before the Cholesky factor.
  const sym = gram.add(gram.transpose()).div(2);
  return Math.max(0, 0.5 * logDetSpd(sym));
}
