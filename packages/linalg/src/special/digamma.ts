import stdlibDigamma from '@stdlib/math-base-special-digamma';
import { assertFinite } from '../validate/assert.ts';

/**
 * The digamma function $\psi(x) = \frac{d}{dx}\log\Gamma(x)$ (stdlib's implementation).
 *
 * @param x - finite; at non-positive integers the result is NaN (a pole)
 * @throws RangeError if x is not finite
 *
 * @example
 * digamma(1) // -0.5772156649015329 (minus the Euler-Mascheroni constant)
 */
export function digamma(x: number): number {
  assertFinite('digamma', 'x', x);
  if (x <= 0 && Number.isInteger(x))
    throw new RangeError(`digamma: x must not be a pole (0 or a negative integer), got ${x}`);
  return stdlibDigamma(x);
}
