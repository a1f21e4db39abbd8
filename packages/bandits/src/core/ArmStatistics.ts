import { formatValue } from '@x/linalg/validate';

/**
 * Per-arm sufficient statistics of the stochastic policies: pull counts, reward sums and sums
 * of squares, in Float64Arrays (no allocation per update).
 */
export class ArmStatistics {
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  readonly sumSquares: Float64Array;
  /** Total number of updates. */
  total = 0;

  constructor(arms: number) {
    this.counts = new Float64Array(arms);
    this.sums = new Float64Array(arms);
    this.sumSquares = new Float64Array(arms);
  }

  add(arm: number, reward: number): void {
    this.counts[arm] = this.counts[arm]! + 1;
    this.sums[arm] = this.sums[arm]! + reward;
    this.sumSquares[arm] = this.sumSquares[arm]! + reward * reward;
    this.total++;
  }

  /** Empirical mean of an arm (0 before its first pull). */
  mean(arm: number): number {
    const n = this.counts[arm]!;
    return n > 0 ? this.sums[arm]! / n : 0;
  }

  reset(): void {
    this.counts.fill(0);
    this.sums.fill(0);
    this.sumSquares.fill(0);
    this.total = 0;
  }

  toJSON(): Record<string, number[]> {
    return {
      counts: Array.from(this.counts),
      sums: Array.from(this.sums),
      sumSquares: Array.from(this.sumSquares),
    };
  }

  /**
   * Loads serialised statistics after validating them: arrays of length K, counts
   * non-negative integers, sums finite and consistent with the reward range.
   * @throws TypeError on a missing or mis-sized array; RangeError on an invalid value
   */
  load(
    fn: string,
    stats: Readonly<Record<string, readonly number[]>>,
    lo: number,
    hi: number,
  ): void {
    const arms = this.counts.length;
    const read = (name: string): readonly number[] => {
      const v = stats[name];
      if (!Array.isArray(v) || v.length !== arms) {
        throw new TypeError(
          `${fn}: stats.${name} must be an array of ${arms} numbers, got ${formatValue(v)}`,
        );
      }
      return v;
    };
    const counts = read('counts');
    const sums = read('sums');
    const squares = read('sumSquares');
    for (let a = 0; a < arms; a++) {
      const n = counts[a];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        throw new RangeError(
          `${fn}: stats.counts[${a}] must be an integer >= 0, got ${formatValue(n)}`,
        );
      }
      const s = sums[a];
      const q = squares[a];
      if (n === 0 && (s !== 0 || q !== 0)) {
        throw new RangeError(
          `${fn}: arm ${a} has no pulls but stats.sums = ${formatValue(s)}, stats.sumSquares = ${formatValue(q)}`,
        );
      }
      if (
        typeof s !== 'number' ||
        !Number.isFinite(s) ||
        s < n * lo - 1e-9 * n ||
        s > n * hi + 1e-9 * n
      ) {
        throw new RangeError(
          `${fn}: stats.sums[${a}] = ${formatValue(s)} is impossible for ${n} rewards in [${lo}, ${hi}]`,
        );
      }
      if (
        typeof q !== 'number' ||
        !Number.isFinite(q) ||
        q < 0 ||
        q * n < s * s * (1 - 1e-12) - 1e-12
      ) {
        throw new RangeError(
          `${fn}: stats.sumSquares[${a}] = ${formatValue(q)} is inconsistent with the sum ${s}`,
        );
      }
    }
    let total = 0;
    for (let a = 0; a < arms; a++) {
      this.counts[a] = counts[a]!;
      this.sums[a] = sums[a]!;
      this.sumSquares[a] = squares[a]!;
      total += counts[a]!;
    }
    this.total = total;
  }
}
