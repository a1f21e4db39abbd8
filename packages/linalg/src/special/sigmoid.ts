import { log1pExp } from './log1pExp.ts';

/**
 * The logistic function $\sigma(x) = 1 / (1 + e^{-x})$, evaluated without overflow on either
 * side (through $e^{x} / (1 + e^{x})$ for negative x).
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * $\log \sigma(x) = -\log(1 + e^{-x})$, accurate for large negative x where $\sigma(x)$
 * underflows (it tends to x).
 */
export function logSigmoid(x: number): number {
  return -log1pExp(-x);
}
