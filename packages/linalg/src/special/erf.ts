import stdlibErf from '@stdlib/math-base-special-erf';
import stdlibErfc from '@stdlib/math-base-special-erfc';

/** The error function $\mathrm{erf}(x) = \frac{2}{\sqrt\pi}\int_0^x e^{-t^2} dt$ (stdlib). NaN in, NaN out. */
export function erf(x: number): number {
  return stdlibErf(x);
}

/**
 * The complementary error function $\mathrm{erfc}(x) = 1 - \mathrm{erf}(x)$, computed directly
 * so that it keeps full relative precision for large x (stdlib). NaN in, NaN out.
 */
export function erfc(x: number): number {
  return stdlibErfc(x);
}
