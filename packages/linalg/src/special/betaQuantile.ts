import stdlibBetaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { assertInRange, assertPositive } from '../validate/assert.ts';

/**
 * Quantile of the Beta(a, b) distribution: the x with $I_x(a, b) = p$ (stdlib's inverse of the
 * regularized incomplete beta function).
 *
 * @param p - probability, in [0, 1]
 * @param a - > 0
 * @param b - > 0
 * @throws RangeError if p is outside [0, 1] or a, b are not finite and positive
 *
 * @example
 * betaQuantile(0.5, 2, 2) // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  assertInRange('betaQuantile', 'p', p, 0, 1);
  assertPositive('betaQuantile', 'a', a);
  assertPositive('betaQuantile', 'b', b);
  return stdlibBetaQuantile(p, a, b);
}
