import gammaln from '@stdlib/math-base-special-gammaln';
import { assertFinite, assertInteger } from '../validate/assert.ts';

/**
 * Log-probability of k under Poisson($\lambda$): $k \log\lambda - \lambda - \log k!$;
 * -Infinity for negative k.
 *
 * The absolute error is a few ulps of the largest term ($k\log\lambda$ or $\log k!$).
 *
 * @param k - an integer (negative gives -Infinity)
 * @param lambda - the mean, finite and >= 0
 * @throws RangeError if k is not an integer or lambda is negative or not finite
 */
export function poissonLogPmf(k: number, lambda: number): number {
  assertInteger('poissonLogPmf', 'k', k, Number.MIN_SAFE_INTEGER);
  assertFinite('poissonLogPmf', 'lambda', lambda);
  if (lambda < 0) throw new RangeError(`poissonLogPmf: lambda must be >= 0, got ${lambda}`);
  if (k < 0) return Number.NEGATIVE_INFINITY;
  if (lambda === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  return k * Math.log(lambda) - lambda - gammaln(k + 1);
}
