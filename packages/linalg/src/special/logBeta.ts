import betaln from '@stdlib/math-base-special-betaln';
import { assertPositive } from '../validate/assert.ts';

/**
 * $\log B(a, b) = \log\Gamma(a) + \log\Gamma(b) - \log\Gamma(a + b)$, accurate also when a or
 * b is large (stdlib's `betaln`, no cancellation of large log-gammas).
 *
 * @throws RangeError if a or b is not finite and positive
 *
 * @example
 * logBeta(2, 3); // ln B(2, 3) = ln(1/12)
 */
export function logBeta(a: number, b: number): number {
  assertPositive('logBeta', 'a', a);
  assertPositive('logBeta', 'b', b);
  return betaln(a, b);
}
