import { assertRng, assertWeights } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * One draw from the categorical distribution with the given (unnormalised) weights, by a
 * linear scan: $O(K)$ per draw and no set-up. For many draws from one distribution use
 * {@link AliasTable} ($O(1)$ per draw).
 *
 * @param rng - the random source
 * @param weights - non-negative finite weights with a positive sum
 * @returns an index i with probability $w_i / \sum_j w_j$; never an index of zero weight
 * @throws RangeError on a negative or non-finite weight or a zero sum
 *
 * @example
 * sampleCategorical(createRng(1), [1, 2, 7]); // 2 with probability 0.7 (weights need not sum to 1)
 */
export function sampleCategorical(rng: Rng, weights: ArrayLike<number>): number {
  assertRng('sampleCategorical', rng);
  assertWeights('sampleCategorical', 'weights', weights);
  return sampleCategoricalUnchecked(rng, weights);
}

/** `sampleCategorical` without checks, for inner loops over validated weights. */
export function sampleCategoricalUnchecked(rng: Rng, weights: ArrayLike<number>): number {
  const k = weights.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += weights[i]!;
  const target = rng.nextFloat64() * total;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    acc += w;
    last = i;
    if (target < acc) return i;
  }
  return last; // rounding: target landed in [acc, total)
}
