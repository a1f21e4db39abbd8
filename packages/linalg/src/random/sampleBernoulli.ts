import { assertInRange, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * A Bernoulli(p) draw: 1 with probability p, else 0 ($U < p$).
 *
 * @param rng - the random source
 * @param p - success probability, in [0, 1]
 * @returns 0 or 1
 * @throws RangeError if p is outside [0, 1]
 *
 * @example
 * sampleBernoulli(createRng(1), 0.3); // 1 with probability 0.3, else 0
 */
export function sampleBernoulli(rng: Rng, p: number): 0 | 1 {
  assertRng('sampleBernoulli', rng);
  assertInRange('sampleBernoulli', 'p', p, 0, 1);
  return rng.nextFloat64() < p ? 1 : 0;
}
