import type { Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertInteger, readOptions } from '@x/linalg/validate';
import type { PolicyState } from '../core/BanditPolicy.ts';
import { IndexPolicy, readPolicyState } from '../core/IndexPolicy.ts';

/** Options of {@link Moss}. */
export interface MossOptions {
  /** The horizon T; without it the anytime index uses t in its place. */
  readonly horizon?: number;
}

/**
 * MOSS (Minimax Optimal Strategy in the Stochastic case), for rewards in [0, 1]: index
 * $\hat\mu_a + \sqrt{\max(0, \log(T / (K n_a))) / n_a}$. Its worst-case regret is $O(\sqrt{KT})$,
 * without UCB1's $\sqrt{\log T}$ factor.
 *
 * Choice made: without a horizon, T is replaced by the number of rewards so far t (the anytime
 * variant of Degenne and Perchet).
 *
 * References: Audibert and Bubeck, "Minimax Policies for Adversarial and Stochastic Bandits",
 * COLT 2009, Section 5; Degenne and Perchet, "Anytime optimal algorithms in stochastic
 * multi-armed bandits", ICML 2016, arXiv:1604.04390.
 */
export class Moss extends IndexPolicy {
  readonly #horizon: number | null;
  #scale = 1;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError on a bad horizon
   */
  constructor(arms: number, options: MossOptions = {}) {
    const { horizon } = readOptions('Moss', options);
    if (horizon !== undefined) assertInteger('Moss', 'horizon', horizon, 1);
    super('Moss', arms, 0, 1, false);
    this.#horizon = horizon ?? null;
  }

  protected get typeName(): string {
    return 'Moss';
  }

  protected params(): Record<string, number | null> {
    return { horizon: this.#horizon };
  }

  protected override prepare(): void {
    this.#scale = (this.#horizon ?? Math.max(1, this.stats.total)) / this.arms;
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
  static fromJSON(state: PolicyState): Moss {
    const p = readPolicyState('Moss', state);
    const horizon = p['horizon'];
    return new Moss(
      state.arms,
      horizon === null || horizon === undefined ? {} : { horizon },
    ).loadState(state);
  }
}
