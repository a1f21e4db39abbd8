import { assertFinite, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * A uniform draw from $[a, b)$: $a + (b - a) U$ with $U$ from {@link Rng.nextFloat64}.
 *
 * @param rng - the random source
 * @param a - lower end, finite, default 0
 * @param b - upper end, finite and >= a, default 1
 * @throws RangeError if a or b is not finite or b < a
 *
 * @example
 * sampleUniform(createRng(1), -1, 1); // uniform on [-1, 1)
 */
export function sampleUniform(rng: Rng, a = 0, b = 1): number {
  assertRng('sampleUniform', rng);
  assertFinite('sampleUniform', 'a', a);
  assertFinite('sampleUniform', 'b', b);
  if (b < a) throw new RangeError(`sampleUniform: b must be >= a (${a}), got ${b}`);
  return a + (b - a) * rng.nextFloat64();
}
