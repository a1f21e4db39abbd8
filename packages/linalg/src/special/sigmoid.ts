import { exp } from '../math/index.ts';
import { assertNotNaN } from '../validate/assert.ts';
import { log1pExpUnchecked } from './log1pExp.ts';

/**
 * The logistic function $\sigma(x) = 1 / (1 + e^{-x})$, evaluated without overflow on either
 * side (through $e^{x} / (1 + e^{x})$ for negative x).
 * @throws RangeError if x is NaN
 *
 * @example
 * sigmoid(0); // 0.5; logSigmoid(-800) is -800, where Math.log(sigmoid(-800)) is -Infinity
 */
export function sigmoid(x: number): number {
  assertNotNaN('sigmoid', 'x', x);
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/**
 * $\log \sigma(x) = -\log(1 + e^{-x})$, accurate for large negative x where $\sigma(x)$
 * underflows (it tends to x).
 * @throws RangeError if x is NaN
 */
export function logSigmoid(x: number): number {
  assertNotNaN('logSigmoid', 'x', x);
  return -log1pExpUnchecked(-x);
}
