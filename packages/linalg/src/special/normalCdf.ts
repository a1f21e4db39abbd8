import stdlibErfc from '@stdlib/math-base-special-erfc';
import { assertFinite, assertNotNaN, assertPositive } from '../validate/assert.ts';

/**
 * CDF of $\mathcal N(\mu, \sigma^2)$: $\Phi(z) = \tfrac12\,\mathrm{erfc}(-z/\sqrt2)$ with
 * $z = (x - \mu)/\sigma$, which keeps full relative precision in the lower tail.
 * @throws RangeError if sigma is not finite and positive
 *
 * @example
 * normalCdf(1.96); // 0.975
 */
export function normalCdf(x: number, mu = 0, sigma = 1): number {
  assertNotNaN('normalCdf', 'x', x);
  assertFinite('normalCdf', 'mu', mu);
  assertPositive('normalCdf', 'sigma', sigma);
  return 0.5 * stdlibErfc(-(x - mu) / (sigma * Math.SQRT2));
}
