import type { StateFields } from '@x/linalg/validate';

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

  toJSON(): { counts: number[]; sums: number[]; sumSquares: number[] } {
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
  /**
   * Loads the statistics of a stored state, checked for consistency: integer counts, sums
   * possible for that many rewards in [lo, hi], sums of squares consistent with the sums.
   * @throws TypeError or RangeError naming the field
   */
  load(stats: StateFields, lo: number, hi: number): void {
    const arms = this.counts.length;
    const counts = stats.numbers('counts', arms, { min: 0, integer: true });
    const sums = stats.numbers('sums', arms);
    const squares = stats.numbers('sumSquares', arms, { min: 0 });
    for (let a = 0; a < arms; a++) {
      const n = counts[a]!;
      const s = sums[a]!;
      const q = squares[a]!;
      if (n === 0 && (s !== 0 || q !== 0))
        throw stats.error(`arm ${a} has no pulls but sums ${s} and sumSquares ${q}`);
      if (s < n * lo - 1e-9 * n || s > n * hi + 1e-9 * n)
        throw stats.error(`sums[${a}] = ${s} is impossible for ${n} rewards in [${lo}, ${hi}]`);
      if (q * n < s * s * (1 - 1e-12) - 1e-12)
        throw stats.error(`sumSquares[${a}] = ${q} is inconsistent with the sum ${s}`);
    }
    this.counts.set(counts);
    this.sums.set(sums);
    this.sumSquares.set(squares);
    let total = 0;
    for (let a = 0; a < arms; a++) total += counts[a]!;
    this.total = total;
  }
}
