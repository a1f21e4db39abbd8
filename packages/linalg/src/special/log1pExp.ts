import { exp, log1p } from '../math/index.ts';
import { assertNotNaN } from '../validate/assert.ts';

/**
 * $\log(1 + e^x)$ (softplus) to full precision for every x, with Machler's cut-offs:
 * $e^x$ below -37, $\log1p(e^x)$ up to 18, $x + e^{-x}$ up to 33.3, then $x$.
 *
 * @throws RangeError if x is NaN
 *
 * @example
 * log1pExp(1000); // 1000, where Math.log(1 + Math.exp(1000)) overflows
 *
 * References: Machler, "Accurately Computing log(1 - exp(-|a|))", Rmpfr vignette, 2012,
 * Section 3 (the log1pexp cut-offs).
 */
export function log1pExp(x: number): number {
  assertNotNaN('log1pExp', 'x', x);
  return log1pExpUnchecked(x);
}

/** {@link log1pExp} without the NaN check, for inner loops. */
export function log1pExpUnchecked(x: number): number {
  if (x <= -37) return exp(x);
  if (x <= 18) return log1p(exp(x));
  if (x <= 33.3) return x + exp(-x);
  return x;
}
