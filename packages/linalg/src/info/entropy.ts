import { log } from '../math/index.ts';
import { assertProbabilityVector } from '../validate/assert.ts';

/**
 * Shannon entropy $H(p) = -\sum_i p_i \log p_i$ in nats (with $0 \log 0 = 0$).
 *
 * @param p - a probability vector (entries in [0, 1] summing to 1 within $10^{-9} n$)
 * @returns $H(p) \in [0, \log n]$
 * @throws RangeError if p is not a probability vector
 *
 * @example
 * entropy([0.5, 0.5]); // ln 2 = 0.693 nats
 *
 * References: Cover and Thomas, Elements of Information Theory, 2nd ed., Section 2.1.
 */
export function entropy(p: ArrayLike<number>): number {
  assertProbabilityVector('entropy', 'p', p);
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi > 0) h -= pi * log(pi);
  }
  return h;
}
