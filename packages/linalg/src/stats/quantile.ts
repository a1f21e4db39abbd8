import { assertFiniteVector, assertInRange } from '../validate/assert.ts';

/**
 * The p-quantile of a sample by linear interpolation between order statistics at position
 * $(n - 1)p$ (Hyndman and Fan's type 7, the default of R and numpy).
 *
 * @param values - finite sample, non-empty (not modified)
 * @param p - in [0, 1]
 * @throws RangeError on an empty sample, a non-finite value or p outside [0, 1]
 *
 * @example
 * quantile([3, 1, 4, 1, 5], 0.5); // 3, the median (linear interpolation between order statistics)
 *
 * References: Hyndman and Fan, "Sample Quantiles in Statistical Packages", The American
 * Statistician 50(4), 1996.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  assertFiniteVector('quantile', 'values', values);
  if (values.length === 0) throw new RangeError('quantile: values must not be empty');
  assertInRange('quantile', 'p', p, 0, 1);
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, p);
}

/** {@link quantile} of an already sorted sample, unchecked. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
