import gammainc from '@stdlib/math-base-special-gammainc';
import { assertNonNegative, assertPositive } from '../validate/assert.ts';

/**
 * The regularized lower incomplete gamma function $P(a, x) = \gamma(a, x) / \Gamma(a)$: the
 * CDF of Gamma(a, 1) at x; with `upper`, $Q(a, x) = 1 - P(a, x)$ computed directly (accurate
 * in the far tail). stdlib's `gammainc`.
 *
 * @param a - shape, > 0
 * @param x - >= 0
 * @param upper - return $Q(a, x)$ instead, default false
 * @throws RangeError if a is not finite and positive or x is negative or not finite
 *
 * @example
 * regularizedGamma(1, 2); // P(1, 2) = 1 - e^-2 = 0.865
 */
export function regularizedGamma(a: number, x: number, upper = false): number {
  assertPositive('regularizedGamma', 'a', a);
  assertNonNegative('regularizedGamma', 'x', x);
  return gammainc(x, a, true, upper);
}
