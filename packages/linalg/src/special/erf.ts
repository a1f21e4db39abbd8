import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import { assertNotNaN } from '../validate/assert.ts';

/**
 * The error function $\mathrm{erf}(x) = \frac{2}{\sqrt\pi}\int_0^x e^{-t^2} dt$ (stdlib).
 * @throws RangeError if x is NaN
 *
 * @example
 * erf(1); // 0.8427; erfc(5) = 1.5e-12 keeps its digits where 1 - erf(5) cannot
 */
export function erf(x: number): number {
  assertNotNaN('erf', 'x', x);
  return stdlibErf(x);
}

/**
 * The complementary error function $\mathrm{erfc}(x) = 1 - \mathrm{erf}(x)$, computed directly
 * so that it keeps full relative precision for large x (stdlib).
 * @throws RangeError if x is NaN
 */
export function erfc(x: number): number {
  assertNotNaN('erfc', 'x', x);
  return stdlibErfc(x);
}
