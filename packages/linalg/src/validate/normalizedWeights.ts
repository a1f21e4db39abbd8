import { assertWeights } from './assert.ts';

/**
 * Checks a vector of weights (or probabilities, or masses) and returns it normalised to sum 1:
 * non-negative, finite, a positive sum, `length` entries; uniform when omitted. For priors over
 * environments, populations of buyer types and the like.
 *
 * @param fn - the calling function's name, for the error message
 * @param name - the argument's name, for the error message
 * @throws TypeError if the length differs; RangeError on a negative or non-finite weight or a
 *   zero sum
 */
export function normalizedWeights(
  fn: string,
  name: string,
  weights: ArrayLike<number> | undefined,
  length: number,
): Float64Array {
  if (weights === undefined) return new Float64Array(length).fill(1 / length);
  assertWeights(fn, name, weights);
  if (weights.length !== length)
    throw new TypeError(`${fn}: ${name} must have ${length} entries, got ${weights.length}`);
  let total = 0;
  for (let i = 0; i < length; i++) total += weights[i]!;
  return Float64Array.from(weights, (w) => w / total);
}
