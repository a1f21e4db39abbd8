import type { MatrixLike } from '@x/linalg';
import { assertPositive } from '@x/linalg/validate';
import { informationGainOf } from '../information/informationGain.ts';

/**
 * The values matrix of a data market in Bayesian linear regression: type $\theta$ (its prior
 * covariance $\Sigma_\theta$, which encodes the data it already has) values a data product (a
 * request X of feature rows to be labelled with noise variance $\sigma^2$) at its information
 * gain $\frac12\log\det(I + X\Sigma_\theta X^\top/\sigma^2)$. Feed the result to `evaluateMenu`.
 *
 * @param priors - one covariance per buyer type (all d x d)
 * @param products - one request per product (n_k x d)
 * @returns the types x products values, as rows
 * @throws TypeError or RangeError as {@link informationGain} does, naming the prior or product
 *
 * @example
 * const priors = [[[1, 0], [0, 0.01]], [[0.01, 0], [0, 1]]]; // each type knows one weight well
 * const requests = [[[1, 0]], [[0, 1]]]; // one label along each feature
 * dataProductValues(priors, requests, 1); // [[0.35, 0.005], [0.005, 0.35]]
 *
 * References: Ai, Lyu, Wang, Yang and Xu, arXiv:2412.18140 (the value of data in Bayesian linear
 * regression is the information gain).
 */
export function dataProductValues(
  priors: readonly MatrixLike[],
  products: readonly MatrixLike[],
  noiseStd: number,
): Float64Array[] {
  assertPositive('dataProductValues', 'noiseStd', noiseStd);
  const fn = 'dataProductValues';
  if (!Array.isArray(priors) || !Array.isArray(products))
    throw new TypeError(`${fn}: priors and products must be arrays of matrices`);
  if (!(priors.length >= 1 && products.length >= 1))
    throw new RangeError(`${fn}: priors and products must not be empty`);
  return priors.map((sigma, i) =>
    Float64Array.from(products, (x, k) =>
      informationGainOf(fn, `priors[${i}]`, sigma, `products[${k}]`, x, noiseStd),
    ),
  );
}
