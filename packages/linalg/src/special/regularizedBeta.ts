import betainc from '@stdlib/math-base-special-betainc';
import { assertInRange, assertPositive } from '../validate/assert.ts';

/**
 * The regularized incomplete beta function $I_x(a, b) = \frac{1}{B(a,b)}\int_0^x t^{a-1}
 * (1-t)^{b-1} dt$: the CDF of Beta(a, b) at x (stdlib's `betainc`).
 *
 * @param x - in [0, 1]
 * @param a - > 0
 * @param b - > 0
 * @param upper - return the upper tail $1 - I_x(a, b)$ computed directly (accurate when it
 * is tiny), default false
 * @throws RangeError if x is outside [0, 1] or a, b are not finite and positive
 */
export function regularizedBeta(x: number, a: number, b: number, upper = false): number {
  assertInRange('regularizedBeta', 'x', x, 0, 1);
  assertPositive('regularizedBeta', 'a', a);
  assertPositive('regularizedBeta', 'b', b);
  return betainc(x, a, b, true, upper);
}
