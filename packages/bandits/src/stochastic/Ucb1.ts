import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertFinite, assertPositive, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link Ucb1}. */
export interface Ucb1Options {
  /** The exploration constant c in $\sqrt{c \log t / n_a}$. @default 2 (the paper's) */
  readonly c?: number;
  /** Lower end of the reward range. @default 0 */
  readonly rewardMin?: number;
  /** Upper end of the reward range. @default 1 */
  readonly rewardMax?: number;
}

/**
 * UCB1: play the arm with the largest upper confidence bound $\hat\mu_a + (b - a)\sqrt{c \log
 * t / n_a}$, where $\hat\mu_a$ is the empirical mean of the $n_a$ rewards of arm a, t the total
 * number of rewards, and $[a, b]$ the reward range; arms never pulled come first (random
 * order). With c = 2 the expected regret after T rounds is at most $\sum_{a: \Delta_a > 0}
 * 8 \log T / \Delta_a + (1 + \pi^2/3) \sum_a \Delta_a$.
 *
 * Choice made: t counts rewards received, not decisions, so late rewards are handled
 * consistently (the paper has one reward per round, where the two agree).
 *
 * References: Auer, Cesa-Bianchi and Fischer, "Finite-time Analysis of the Multiarmed Bandit
 * Problem", Machine Learning 47, 2002, Figure 1 and Theorem 1; Slivkins, "Introduction to
 * Multi-Armed Bandits", arXiv:1904.07272, Section 1.3.
 *
 * @example
 * const policy = new Ucb1(3);
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 1);
 */
export class Ucb1 extends IndexPolicy {
  readonly #c: number;
  #logT = 0;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer, c <= 0, or the reward range is empty
   */
  constructor(arms: number, options: Ucb1Options = {}) {
    const { c = 2, rewardMin = 0, rewardMax = 1 } = readOptions('Ucb1', options);
    assertPositive('Ucb1', 'c', c);
    assertFinite('Ucb1', 'rewardMin', rewardMin);
    assertFinite('Ucb1', 'rewardMax', rewardMax);
    if (!(rewardMax > rewardMin))
      throw new RangeError(`Ucb1: rewardMax must be > rewardMin (${rewardMin}), got ${rewardMax}`);
    super('Ucb1', arms, rewardMin, rewardMax, false);
    this.#c = c;
  }

  protected params(): Record<string, JsonValue> {
    return { c: this.#c, rewardMin: this.rewardMin, rewardMax: this.rewardMax };
  }

  protected override prepareRound(): void {
    this.#logT = log(Math.max(1, this.stats.total));
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    return (
      this.stats.sums[arm]! / n +
      (this.rewardMax - this.rewardMin) * Math.sqrt((this.#c * this.#logT) / n)
    );
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): Ucb1 {
    return PolicyBase.restore(
      'Ucb1',
      state,
      (p) =>
        new Ucb1(p.number('arms'), {
          c: p.number('c'),
          rewardMin: p.number('rewardMin'),
          rewardMax: p.number('rewardMax'),
        }),
    );
  }
}
