import { exp } from '../math/index.ts';
import { assertPositive, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleGammaLargeShapeUnchecked, sampleLogGammaUnchecked } from './sampleGamma.ts';

/**
 * A Beta(a, b) draw as $G_a / (G_a + G_b)$ for independent Gamma draws; when a shape is below
 * one, from their logarithms as $1 / (1 + e^{\log G_b - \log G_a})$ so that small shapes (where
 * both Gamma draws underflow) still give a valid draw in [0, 1].
 *
 * @param rng - the random source
 * @param a - first shape, finite and > 0
 * @param b - second shape, finite and > 0
 * @returns a draw in [0, 1]
 * @throws RangeError if a or b is not finite and positive
 *
 * @example
 * sampleBeta(createRng(1), 2, 5); // a draw from Beta(2, 5), mean 2/7
 */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  assertRng('sampleBeta', rng);
  assertPositive('sampleBeta', 'a', a);
  assertPositive('sampleBeta', 'b', b);
  return sampleBetaUnchecked(rng, a, b);
}

/**
 * `sampleBeta` without checks, for inner loops (Thompson sampling) that validated a, b.
 * With both shapes >= 1 the Gamma draws cannot underflow and are used directly (no logarithms).
 */
export function sampleBetaUnchecked(rng: Rng, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const ga = sampleGammaLargeShapeUnchecked(rng, a);
    return ga / (ga + sampleGammaLargeShapeUnchecked(rng, b));
  }
  const la = sampleLogGammaUnchecked(rng, a);
  const lb = sampleLogGammaUnchecked(rng, b);
  return 1 / (1 + exp(lb - la));
}
