import { exp, log } from '../math/index.ts';
import { assertFinite, assertNotNaN, assertPositive } from '../validate/assert.ts';

const LOG_SQRT_2PI = 0.5 * log(2 * Math.PI);

/**
 * Log-density of $\mathcal N(\mu, \sigma^2)$ at x: $-\frac{(x-\mu)^2}{2\sigma^2} - \log\sigma -
 * \tfrac12\log 2\pi$.
 * @throws RangeError if sigma is not finite and positive
 */
export function normalLogPdf(x: number, mu = 0, sigma = 1): number {
  assertNotNaN('normalLogPdf', 'x', x);
  assertFinite('normalLogPdf', 'mu', mu);
  assertPositive('normalLogPdf', 'sigma', sigma);
  const z = (x - mu) / sigma;
  return -0.5 * z * z - log(sigma) - LOG_SQRT_2PI;
}

/**
 * Density of $\mathcal N(\mu, \sigma^2)$ at x.
 * @throws RangeError if sigma is not finite and positive
 *
 * @example
 * normalPdf(0); // 1 / sqrt(2 pi) = 0.399
 */
export function normalPdf(x: number, mu = 0, sigma = 1): number {
  assertNotNaN('normalPdf', 'x', x);
  assertFinite('normalPdf', 'mu', mu);
  assertPositive('normalPdf', 'sigma', sigma);
  return exp(normalLogPdf(x, mu, sigma));
}
