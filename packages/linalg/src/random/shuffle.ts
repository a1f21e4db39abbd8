import { assertArrayLike, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleIntUnchecked } from './sampleInt.ts';

/**
 * Shuffles `array` in place by Fisher-Yates (Durstenfeld's form): every permutation is equally
 * likely.
 *
 * @param rng - the random source
 * @param array - any mutable array or typed array
 * @returns the same array, shuffled
 *
 * @example
 * shuffle(createRng(1), [1, 2, 3, 4]); // the array, permuted in place uniformly (Fisher-Yates)
 *
 * References: Knuth, The Art of Computer Programming, Vol. 2, Section 3.4.2, Algorithm P.
 */
export function shuffle<T extends { length: number; [i: number]: unknown }>(rng: Rng, array: T): T {
  assertRng('shuffle', rng);
  assertArrayLike('shuffle', 'array', array);
  for (let i = array.length - 1; i > 0; i--) {
    const j = sampleIntUnchecked(rng, i + 1);
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}
