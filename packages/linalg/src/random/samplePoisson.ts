import gammaln from '@stdlib/math-base-special-gammaln';
import { exp, log } from '../math/index.ts';
import { assertNonNegative, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/** Inversion by sequential search from 0; exact, used for $\lambda < 10$. */
function poissonInversion(rng: Rng, lambda: number): number {
  let pmf = exp(-lambda);
  let cdf = pmf;
  const u = rng.nextFloat64();
  let k = 0;
  // The cap guards against u landing in the rounding gap 1 - cdf(inf) ~ 1e-16.
  while (u >= cdf && k < 1000) {
    k++;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/** Hormann's PTRS transformed rejection, for $\lambda \ge 10$. */
function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const loglam = log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.nextFloat64() - 0.5;
    const v = rng.nextFloat64();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = log(v) + log(invalpha) - log(a / (us * us) + b);
    if (lhs <= -lambda + k * loglam - gammaln(k + 1)) return k;
  }
}

/**
 * A Poisson($\lambda$) draw. Exact inversion for $\lambda < 10$, Hormann's PTRS rejection
 * sampler (constant expected time) above.
 *
 * @param rng - the random source
 * @param lambda - the mean, finite and >= 0
 * @returns a non-negative integer
 * @throws RangeError if lambda is negative or not finite
 *
 * @example
 * samplePoisson(createRng(1), 4.5); // mean and variance 4.5
 *
 * References: Hormann, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12, 1993 (algorithm PTRS).
 */
export function samplePoisson(rng: Rng, lambda: number): number {
  assertRng('samplePoisson', rng);
  assertNonNegative('samplePoisson', 'lambda', lambda);
  if (lambda === 0) return 0;
  return lambda < 10 ? poissonInversion(rng, lambda) : poissonPtrs(rng, lambda);
}
