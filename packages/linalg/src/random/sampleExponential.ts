import { log1p } from '../math/index.ts';
import { assertPositive, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * An exponential draw with rate $\lambda$ (mean $1/\lambda$), by inversion: $-\log(1 - U) /
 * \lambda$, where $1 - U \in (0, 1]$ so the logarithm is always finite.
 *
 * @param rng - the random source
 * @param rate - $\lambda$, finite and > 0, default 1
 * @throws RangeError if rate is not finite and positive
 *
 * @example
 * sampleExponential(createRng(1), 2); // mean 1/2
 */
export function sampleExponential(rng: Rng, rate = 1): number {
  assertRng('sampleExponential', rng);
  assertPositive('sampleExponential', 'rate', rate);
  return -log1p(-rng.nextFloat64()) / rate;
}
