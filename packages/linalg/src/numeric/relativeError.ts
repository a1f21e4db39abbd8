import { assertPositive, formatValue } from '../validate/assert.ts';

/**
 * Relative error $|a - e| / \max(|e|, \text{floor})$ of an actual value against an expected
 * one; the floor (default the smallest normal double) keeps it finite at $e = 0$, where it
 * becomes an absolute error scaled by the floor. Equal infinities and equal NaN-free values
 * give 0; NaN on either side gives Infinity so that comparisons fail loudly.
 *
 * @example
 * relativeError(1.0000001, 1) // 1e-7 (about)
 */
export function relativeError(
  actual: number,
  expected: number,
  floor = 2.2250738585072014e-308,
): number {
  for (const [name, v] of [
    ['actual', actual],
    ['expected', expected],
  ] as const) {
    if (typeof v !== 'number')
      throw new TypeError(`relativeError: ${name} must be a number, got ${formatValue(v)}`);
  }
  assertPositive('relativeError', 'floor', floor);
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.POSITIVE_INFINITY;
  if (actual === expected) return 0;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return Number.POSITIVE_INFINITY;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}
