import { exp, log1p } from '../math/index.ts';
import { assertNotNaN } from '../validate/assert.ts';

/**
 * $\log(e^a + e^b)$ as $\max(a, b) + \log(1 + e^{-|a - b|})$; exact when either is -Infinity.
 * @throws RangeError if a or b is NaN
 *
 * @example
 * logAddExp(-1000, -1000); // -1000 + ln 2, where the exponentials underflow
 */
export function logAddExp(a: number, b: number): number {
  assertNotNaN('logAddExp', 'a', a);
  assertNotNaN('logAddExp', 'b', b);
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const max = Math.max(a, b);
  if (max === Number.POSITIVE_INFINITY) return max;
  return max + log1p(exp(-Math.abs(a - b)));
}
