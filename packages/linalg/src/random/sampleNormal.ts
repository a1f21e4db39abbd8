import { standardNormalQuantileUnchecked } from '../special/normalQuantile.ts';
import { assertFinite } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * A normal draw with mean `mu` and standard deviation `sigma`, by inversion:
 * $\mu + \sigma\,\Phi^{-1}(U)$ with $U$ uniform on $(0, 1)$. One uniform per draw and no hidden
 * cached state, so a saved {@link Rng} state reproduces the stream exactly.
 *
 * @param rng - the random source
 * @param mu - mean, finite, default 0
 * @param sigma - standard deviation, finite and >= 0, default 1
 * @throws RangeError if mu is not finite or sigma is negative or not finite
 */
export function sampleNormal(rng: Rng, mu = 0, sigma = 1): number {
  assertFinite('sampleNormal', 'mu', mu);
  assertFinite('sampleNormal', 'sigma', sigma);
  if (sigma < 0) throw new RangeError(`sampleNormal: sigma must be >= 0, got ${sigma}`);
  return mu + sigma * sampleStandardNormal(rng);
}

/** A standard normal draw, $\Phi^{-1}(U)$; the unchecked kernel of {@link sampleNormal}. */
export function sampleStandardNormal(rng: Rng): number {
  let u = rng.nextFloat64();
  while (u === 0) u = rng.nextFloat64();
  return standardNormalQuantileUnchecked(u);
}
