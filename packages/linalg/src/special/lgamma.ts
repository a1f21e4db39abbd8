import gammaln from '@stdlib/math-base-special-gammaln';
import { assertFinite } from '../validate/assert.ts';

/**
 * The natural logarithm of the absolute value of the gamma function, $\log|\Gamma(x)|$
 * (stdlib's `gammaln`, accurate to a few ulps).
 *
 * @param x - finite, not a non-positive integer (where it is +Infinity)
 * @throws RangeError if x is not finite
 *
 * @example
 * lgamma(5) // log(24) = 3.1780538303479458
 */
export function lgamma(x: number): number {
  assertFinite('lgamma', 'x', x);
  return gammaln(x);
}
