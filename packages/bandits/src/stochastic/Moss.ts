import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertInteger, MAX_ROUNDS, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link Moss}. */
export interface MossOptions {
  /** The number of rounds T; without it the anytime index uses t in its place. */
  readonly rounds?: number;
}

/**
 * MOSS (Minimax Optimal Strategy in the Stochastic case), for rewards in [0, 1]: index
 * $\hat\mu_a + \sqrt{\max(0, \log(T / (K n_a))) / n_a}$. Its worst-case regret is $O(\sqrt{KT})$,
 * without UCB1's $\sqrt{\log T}$ factor.
 *
 * Choice made: without `rounds`, T is replaced by the number of rewards so far t (the anytime
 * variant of Degenne and Perchet).
 *
 * @example
 * const policy = new Moss(3, { rounds: 10_000 });
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 0.6);
 *
 * References: Audibert and Bubeck, "Minimax Policies for Adversarial and Stochastic Bandits",
 * COLT 2009, Section 5; Degenne and Perchet, "Anytime optimal algorithms in stochastic
 * multi-armed bandits", ICML 2016, arXiv:1604.04390.
 */
export class Moss extends IndexPolicy {
  readonly #rounds: number | null;
  #scale = 1;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError on a bad `rounds`
   */
  constructor(arms: number, options: MossOptions = {}) {
    const { rounds } = readOptions('Moss', options);
    if (rounds !== undefined) assertInteger('Moss', 'rounds', rounds, 1, MAX_ROUNDS);
    super('Moss', arms, 0, 1, false);
    this.#rounds = rounds ?? null;
  }

  protected params(): Record<string, JsonValue> {
    return { rounds: this.#rounds };
  }

  protected override prepareRound(): void {
    this.#scale = (this.#rounds ?? Math.max(1, this.stats.total)) / this.arms;
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    return this.stats.sums[arm]! / n + Math.sqrt(Math.max(0, log(this.#scale / n)) / n);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): Moss {
    return PolicyBase.restore('Moss', state, (p) => {
      const rounds = p.optionalNumber('rounds');
      return new Moss(p.number('arms'), rounds === undefined ? {} : { rounds });
    });
  }
}
