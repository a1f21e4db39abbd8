import type { Rng } from '../random/Rng.ts';
import { sampleIntUnchecked } from '../random/sampleInt.ts';
import {
  assertFiniteVector,
  assertFunction,
  assertInRange,
  assertInteger,
  assertRng,
  formatValue,
  MAX_ARRAY_LENGTH,
  readOptions,
} from '../validate/assert.ts';
import { quantileSorted } from './quantile.ts';

/** Options of {@link bootstrapCi}. */
export interface BootstrapOptions {
  /** Confidence level. @default 0.95 */
  level?: number;
  /** Number of bootstrap resamples. @default 2000 */
  resamples?: number;
}

/** A point estimate with a confidence interval. */
export interface ConfidenceInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * Percentile bootstrap confidence interval of a statistic: resample the data with replacement
 * B times, evaluate the statistic on each resample, and take the $(1 \mp \text{level})/2$
 * quantiles of those values. One resample buffer is reused.
 *
 * @param rng - the random source
 * @param data - finite sample, non-empty
 * @param statistic - maps a sample (a Float64Array it must not keep) to a number
 * @throws RangeError on an empty or non-finite sample, a bad level or resample count, or a
 * statistic that returns a non-finite value
 *
 * @example
 * const data = [2.1, 1.9, 2.4, 2.0, 2.2, 1.8, 2.3];
 * const median = (s: Float64Array) => quantile(s, 0.5);
 * bootstrapCi(createRng(1), data, median, { resamples: 2000, level: 0.9 }); // { lower, upper, ... }
 *
 * References: Efron and Tibshirani, An Introduction to the Bootstrap, 1993, Chapter 13.
 */
export function bootstrapCi(
  rng: Rng,
  data: ArrayLike<number>,
  statistic: (sample: Float64Array) => number,
  options: BootstrapOptions = {},
): ConfidenceInterval {
  const { level = 0.95, resamples = 2000 } = readOptions('bootstrapCi', options);
  assertRng('bootstrapCi', rng);
  assertFiniteVector('bootstrapCi', 'data', data);
  const n = data.length;
  if (n === 0) throw new RangeError('bootstrapCi: data must not be empty');
  assertInRange('bootstrapCi', 'level', level, 0, 1, { loOpen: true, hiOpen: true });
  assertInteger('bootstrapCi', 'resamples', resamples, 1, MAX_ARRAY_LENGTH);
  assertFunction('bootstrapCi', 'statistic', statistic);
  const original = Float64Array.from(data);
  const estimate = statistic(Float64Array.from(original));
  if (typeof estimate !== 'number' || !Number.isFinite(estimate))
    throw new RangeError(`bootstrapCi: statistic returned ${formatValue(estimate)} on the data`);
  const buf = new Float64Array(n);
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) buf[i] = original[sampleIntUnchecked(rng, n)]!;
    const s = statistic(buf);
    if (typeof s !== 'number' || !Number.isFinite(s))
      throw new RangeError(`bootstrapCi: statistic returned ${formatValue(s)} on resample ${b}`);
    stats[b] = s;
  }
  stats.sort();
  const alpha = (1 - level) / 2;
  return {
    estimate,
    lower: quantileSorted(stats, alpha),
    upper: quantileSorted(stats, 1 - alpha),
    level,
  };
}
