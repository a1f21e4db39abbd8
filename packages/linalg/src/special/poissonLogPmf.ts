import { log } from '../math/index.ts';
import { assertInteger, assertNonNegative } from '../validate/assert.ts';
import { deviance, stirlingError } from './stirlingError.ts';

const LOG_2PI = log(2 * Math.PI);

/**
 * Log-probability of k under Poisson($\lambda$): $k \log\lambda - \lambda - \log k!$;
 * -Infinity for negative k.
 *
 * Computed in Loader's form $-\delta(k) - D(k, \lambda) - \tfrac12\log(2\pi k)$ (Stirling error
 * $\delta$, deviance $D$ without cancellation), accurate to a few ulps of the result for every
 * k up to $2^{53}$; the plain form loses all digits near k = 1e15.
 *
 * @param k - an integer (negative gives -Infinity)
 * @param lambda - the mean, finite and >= 0
 * @throws RangeError if k is not an integer or lambda is negative or not finite
 *
 * @example
 * poissonLogPmf(2, 1) // log(e^-1 / 2) = -1.6931471805599454
 *
 * References: Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000.
 */
export function poissonLogPmf(k: number, lambda: number): number {
  assertInteger('poissonLogPmf', 'k', k, Number.MIN_SAFE_INTEGER);
  assertNonNegative('poissonLogPmf', 'lambda', lambda);
  if (k < 0) return Number.NEGATIVE_INFINITY;
  if (lambda === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (k === 0) return -lambda;
  return -stirlingError(k) - deviance(k, lambda) - 0.5 * (LOG_2PI + log(k));
}
