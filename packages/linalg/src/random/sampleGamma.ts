import { exp, log } from '../math/index.ts';
import { assertPositive, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleStandardNormal } from './sampleNormal.ts';

/**
 * A Gamma(shape, 1) draw for shape >= 1 by Marsaglia and Tsang's squeeze method, unchecked:
 * $d v$ with $d = a - 1/3$, $v = (1 + c x)^3$, $c = 1/\sqrt{9d}$, x standard normal, accepted by
 * the squeeze $u < 1 - 0.0331 x^4$ or the exact test $\log u < x^2/2 + d(1 - v + \log v)$.
 *
 * @example
 * sampleGamma(createRng(1), 0.5, 2); // shape 0.5, scale 2: mean 1
 *
 * References: Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS
 * 26(3), 2000, Section 3.
 */
export function sampleGammaLargeShapeUnchecked(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextFloat64();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (u > 0 && log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/**
 * The logarithm of a Gamma(shape, 1) draw: Marsaglia and Tsang's method for shape >= 1; for
 * shape < 1 the boost $G_{a} = G_{a+1} U^{1/a}$ done in log space, so that tiny shapes give a
 * very negative log instead of underflowing to 0.
 *
 * References: Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS
 * 26(3), 2000, Sections 3 and 7 (the boost for shape < 1).
 */
export function sampleLogGammaUnchecked(rng: Rng, shape: number): number {
  if (shape < 1) {
    let u = rng.nextFloat64();
    while (u === 0) u = rng.nextFloat64();
    return log(sampleGammaLargeShapeUnchecked(rng, shape + 1)) + log(u) / shape;
  }
  return log(sampleGammaLargeShapeUnchecked(rng, shape));
}

/**
 * A Gamma draw with the given shape $k$ and scale $\theta$ (mean $k\theta$, variance
 * $k\theta^2$), by Marsaglia and Tsang's method.
 *
 * @param rng - the random source
 * @param shape - $k$, finite and > 0
 * @param scale - $\theta$, finite and > 0, default 1
 * @returns a draw, > 0 except that shapes below about 1e-3 can underflow to 0
 * @throws RangeError if shape or scale is not finite and positive
 *
 * References: Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS
 * 26(3), 2000.
 */
export function sampleGamma(rng: Rng, shape: number, scale = 1): number {
  assertRng('sampleGamma', rng);
  assertPositive('sampleGamma', 'shape', shape);
  assertPositive('sampleGamma', 'scale', scale);
  if (shape >= 1) return scale * sampleGammaLargeShapeUnchecked(rng, shape);
  return scale * exp(sampleLogGammaUnchecked(rng, shape));
}
