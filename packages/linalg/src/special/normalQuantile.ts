import erfcinv from '@stdlib/math-base-special-erfcinv';
import { assertFinite, assertInRange } from '../validate/assert.ts';

/**
 * Quantile (inverse CDF) of the normal distribution: $\Phi^{-1}(p) = -\sqrt 2\,
 * \mathrm{erfc}^{-1}(2p)$, scaled to mean `mu` and standard deviation `sigma`. Doubling $p$ is
 * exact, so both tails keep full relative precision.
 *
 * @param p - probability, in [0, 1] (0 and 1 give -Infinity and Infinity)
 * @param mu - mean, default 0
 * @param sigma - standard deviation, > 0, default 1
 * @throws RangeError if p is outside [0, 1] or sigma <= 0
 *
 * @example
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number, mu = 0, sigma = 1): number {
  assertInRange('normalQuantile', 'p', p, 0, 1);
  assertFinite('normalQuantile', 'mu', mu);
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw new RangeError(`normalQuantile: sigma must be finite and > 0, got ${sigma}`);
  }
  return mu - sigma * Math.SQRT2 * erfcinv(2 * p);
}
