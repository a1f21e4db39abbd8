import { assertFinite, klBernoulliUpperBound, type Rng } from '@x/linalg';
import type { PolicyState } from '../BanditPolicy.ts';
import { IndexPolicy, readPolicyState } from '../IndexPolicy.ts';

/** Options of {@link KlUcb}. */
export interface KlUcbOptions {
  /**
   * The constant c in the exploration level $\log t + c \log\log t$. @default 0 (the paper
   * proves its bound for c = 3 and recommends c = 0 in practice)
   */
  readonly c?: number;
}

/**
 * KL-UCB for rewards in [0, 1]: play the arm with the largest $q$ such that $n_a\,
 * \mathrm{kl}(\hat\mu_a, q) \le \log t + c\log\log t$, where kl is the Bernoulli KL divergence.
 * Asymptotically optimal for Bernoulli arms: $\limsup R(T)/\log T \le \sum_{a: \Delta_a > 0}
 * \Delta_a / \mathrm{kl}(\mu_a, \mu^*)$, the Lai-Robbins constant. Arms never pulled come first.
 *
 * Choices made: t counts rewards received (late rewards are handled consistently), and
 * $\log\log t$ is taken as 0 while t < 3 (where it is negative or undefined).
 *
 * References: Garivier and Cappe, "The KL-UCB Algorithm for Bounded Stochastic Bandits and
 * Beyond", COLT 2011, arXiv:1102.2490, Algorithm 1 and Theorem 1.
 */
export class KlUcb extends IndexPolicy {
  readonly #c: number;
  #level = 0;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer or c is negative or not finite
   */
  constructor(arms: number, { c = 0 }: KlUcbOptions = {}) {
    assertFinite('KlUcb', 'c', c);
    if (c < 0) throw new RangeError(`KlUcb: c must be >= 0, got ${c}`);
    super('KlUcb', arms, 0, 1, false);
    this.#c = c;
  }

  protected get typeName(): string {
    return 'KlUcb';
  }

  protected params(): Record<string, number | null> {
    return { c: this.#c };
  }

  protected override prepare(): void {
    const t = Math.max(1, this.stats.total);
    const logT = Math.log(t);
    this.#level = t >= 3 ? logT + this.#c * Math.log(logT) : logT;
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const mean = Math.min(1, Math.max(0, this.stats.sums[arm]! / n));
    return klBernoulliUpperBound(mean, this.#level / n);
  }

  /**
   * Restores a policy from {@link KlUcb.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: PolicyState): KlUcb {
    const p = readPolicyState('KlUcb', state);
    return new KlUcb(state.arms, { c: p['c'] ?? Number.NaN }).loadState(state);
  }
}
