import { assertFinite, assertNonNegative, formatValue } from '../validate/assert.ts';

/** The serialised form of {@link RunningStats}. */
export interface RunningStatsState {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * Running mean and variance by Welford's update, numerically stable in one pass:
 * $\delta = x - \bar x$, $\bar x \mathrel{+}= \delta / n$, $M_2 \mathrel{+}= \delta (x - \bar
 * x)$. Two accumulators merge exactly (Chan et al.), so parallel workers can be combined.
 *
 * References: Welford, Technometrics 4(3), 1962; Chan, Golub and LeVeque, "Algorithms for
 * Computing the Sample Variance", The American Statistician 37(3), 1983.
 *
 * @example
 * const s = new RunningStats();
 * for (const x of [1, 2, 3, 4]) s.push(x);
 * s.mean; // 2.5
 * s.variance; // 1.6666666666666667 (unbiased)
 */
export class RunningStats {
  #n = 0;
  #mean = 0;
  #m2 = 0;
  #min = Number.POSITIVE_INFINITY;
  #max = Number.NEGATIVE_INFINITY;

  /**
   * Adds one observation.
   * @throws RangeError if x is not finite (the accumulator is unchanged)
   */
  push(x: number): this {
    assertFinite('RunningStats.push', 'x', x);
    const n = this.#n + 1;
    const delta = x - this.#mean;
    const mean = this.#mean + delta / n;
    const m2 = this.#m2 + delta * (x - mean);
    if (!Number.isFinite(mean) || !Number.isFinite(m2))
      throw new RangeError(
        `RunningStats.push: x = ${x} would overflow the sum of squares (the accumulator is unchanged)`,
      );
    this.#n = n;
    this.#mean = mean;
    this.#m2 = m2;
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
    return this;
  }

  /** Adds the observations of another accumulator, exactly as if pushed here. */
  merge(other: RunningStats): this {
    if (!(other instanceof RunningStats))
      throw new TypeError(
        `RunningStats.merge: other must be a RunningStats, got ${formatValue(other)}`,
      );
    const nb = other.#n;
    if (nb === 0) return this;
    const na = this.#n;
    const n = na + nb;
    const delta = other.#mean - this.#mean;
    const mean = this.#mean + (delta * nb) / n;
    const m2 = this.#m2 + other.#m2 + (delta * delta * na * nb) / n;
    if (!Number.isFinite(mean) || !Number.isFinite(m2))
      throw new RangeError(
        'RunningStats.merge: the merged sum of squares would overflow (the accumulator is unchanged)',
      );
    this.#mean = mean;
    this.#m2 = m2;
    this.#n = n;
    this.#min = Math.min(this.#min, other.#min);
    this.#max = Math.max(this.#max, other.#max);
    return this;
  }

  /** Number of observations. */
  get count(): number {
    return this.#n;
  }
  /** Sample mean (NaN when empty). */
  get mean(): number {
    return this.#n === 0 ? Number.NaN : this.#mean;
  }
  /** Unbiased sample variance $M_2 / (n - 1)$ (NaN below two observations). */
  get variance(): number {
    return this.#n < 2 ? Number.NaN : this.#m2 / (this.#n - 1);
  }
  /** Sample standard deviation. */
  get std(): number {
    return Math.sqrt(this.variance);
  }
  /** Standard error of the mean, $s / \sqrt n$. */
  get standardError(): number {
    return Math.sqrt(this.variance / this.#n);
  }
  /** Smallest observation (NaN when empty). */
  get min(): number {
    return this.#n === 0 ? Number.NaN : this.#min;
  }
  /** Largest observation (NaN when empty). */
  get max(): number {
    return this.#n === 0 ? Number.NaN : this.#max;
  }

  /** Plain JSON state; {@link RunningStats.fromJSON} restores it exactly. */
  toJSON(): RunningStatsState {
    const empty = this.#n === 0;
    return {
      count: this.#n,
      mean: this.#mean,
      m2: this.#m2,
      min: empty ? null : this.#min,
      max: empty ? null : this.#max,
    };
  }

  /**
   * Restores an accumulator from {@link RunningStats.toJSON}'s output.
   * @throws TypeError if not an object; RangeError on an inconsistent state
   */
  static fromJSON(state: RunningStatsState): RunningStats {
    const fn = 'RunningStats.fromJSON';
    if (state === null || typeof state !== 'object')
      throw new TypeError(`${fn}: state must be an object, got ${formatValue(state)}`);
    const { count, mean, m2, min, max } = state;
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`${fn}: count must be an integer >= 0, got ${formatValue(count)}`);
    assertFinite(fn, 'mean', mean);
    assertNonNegative(fn, 'm2', m2);
    const s = new RunningStats();
    if (count > 0) {
      assertFinite(fn, 'min', min);
      assertFinite(fn, 'max', max);
      if (!(min <= mean + 1e-12 * Math.abs(mean) && mean <= max + 1e-12 * Math.abs(mean))) {
        throw new RangeError(`${fn}: need min <= mean <= max, got ${min}, ${mean}, ${max}`);
      }
      s.#min = min;
      s.#max = max;
    }
    s.#n = count;
    s.#mean = mean;
    s.#m2 = m2;
    return s;
  }
}
