import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertFinite, assertPositive, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link UcbV}. */
export interface UcbVOptions {
  /** The exploration function's factor $\zeta$ in $\mathcal E_t = \zeta \log t$. @default 1.2 (the paper's, > 1) */
  readonly zeta?: number;
  /** Lower end of the reward range. @default 0 */
  readonly rewardMin?: number;
  /** Upper end of the reward range. @default 1 */
  readonly rewardMax?: number;
}

/**
 * UCB-V: an upper confidence bound from the empirical Bernstein inequality, $\hat\mu_a +
 * \sqrt{2 V_a \mathcal E_t / n_a} + 3 b\, \mathcal E_t / n_a$, where $V_a$ is the empirical
 * variance (biased, 1/n), b the reward range and $\mathcal E_t = \zeta \log t$. Low-variance arms
 * are explored much less than by UCB1.
 *
 * @example
 * const policy = new UcbV(3); // rewards in [0, 1]; the index uses each arm's empirical variance
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 0.6);
 *
 * References: Audibert, Munos and Szepesvari, "Exploration-exploitation tradeoff using variance
 * estimates in multi-armed bandits", Theoretical Computer Science 410, 2009, Section 2 (with c = 1).
 */
export class UcbV extends IndexPolicy {
  readonly #zeta: number;
  #explore = 0;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if zeta is not positive or the reward range is empty
   */
  constructor(arms: number, options: UcbVOptions = {}) {
    const { zeta = 1.2, rewardMin = 0, rewardMax = 1 } = readOptions('UcbV', options);
    assertPositive('UcbV', 'zeta', zeta);
    assertFinite('UcbV', 'rewardMin', rewardMin);
    assertFinite('UcbV', 'rewardMax', rewardMax);
    if (!(rewardMax > rewardMin))
      throw new RangeError(`UcbV: rewardMax must be > rewardMin (${rewardMin}), got ${rewardMax}`);
    super('UcbV', arms, rewardMin, rewardMax, false);
    this.#zeta = zeta;
  }

  protected params(): Record<string, JsonValue> {
    return { zeta: this.#zeta, rewardMin: this.rewardMin, rewardMax: this.rewardMax };
  }

  protected override prepareRound(): void {
    this.#explore = this.#zeta * log(Math.max(1, this.stats.total));
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const mean = this.stats.sums[arm]! / n;
    const variance = Math.max(0, this.stats.sumSquares[arm]! / n - mean * mean);
    const e = this.#explore;
    return (
      mean + Math.sqrt((2 * variance * e) / n) + (3 * (this.rewardMax - this.rewardMin) * e) / n
    );
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): UcbV {
    return PolicyBase.restore(
      'UcbV',
      state,
      (p) =>
        new UcbV(p.number('arms'), {
          zeta: p.number('zeta'),
          rewardMin: p.number('rewardMin'),
          rewardMax: p.number('rewardMax'),
        }),
    );
  }
}
