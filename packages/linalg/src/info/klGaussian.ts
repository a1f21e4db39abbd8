import { log } from '../math/index.ts';
import { assertFinite, assertPositive } from '../validate/assert.ts';

/**
 * KL divergence between univariate normals, $\mathrm{KL}(\mathcal N(\mu_1, \sigma_1^2) \,\|\,
 * \mathcal N(\mu_2, \sigma_2^2)) = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 -
 * \mu_2)^2}{2\sigma_2^2} - \frac12$, in nats.
 *
 * @throws RangeError if a mean is not finite or a standard deviation is not finite and positive
 *
 * @example
 * klGaussian(0, 1, 1, 1); // (mu1 - mu2)^2 / (2 sigma^2) = 0.5
 */
export function klGaussian(mu1: number, sigma1: number, mu2: number, sigma2: number): number {
  assertFinite('klGaussian', 'mu1', mu1);
  assertPositive('klGaussian', 'sigma1', sigma1);
  assertFinite('klGaussian', 'mu2', mu2);
  assertPositive('klGaussian', 'sigma2', sigma2);
  const r = sigma1 / sigma2;
  const z = (mu1 - mu2) / sigma2;
  return Math.max(0, -log(r) + 0.5 * (r * r + z * z) - 0.5);
}
