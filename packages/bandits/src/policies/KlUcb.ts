import {
  assertFinite,
  assertPositive,
  klBernoulliUpperBoundCeiling,
  klBernoulliUpperBoundUnchecked,
  type Rng,
} from '@x/linalg';
import type { PolicyState } from '../BanditPolicy.ts';
import { IndexPolicy, readPolicyState } from '../IndexPolicy.ts';

/** Options of {@link KlUcb}. */
export interface KlUcbOptions {
  /**
   * The reward model whose divergence defines the index: Bernoulli rewards in [0, 1], or
   * Gaussian rewards with known noise `sigma`, where the index is $\hat\mu_a + \sigma
   * \sqrt{2 \ell_t / n_a}$ in closed form. @default 'bernoulli'
   */
  readonly family?: 'bernoulli' | 'gaussian';
  /** Noise standard deviation of the Gaussian family. @default 1 */
  readonly sigma?: number;
  /**
   * The constant c in the exploration level $\log t + c \log\log t$. @default 0 (the paper
   * proves its bound for c = 3 and recommends c = 0 in practice)
   */
  readonly c?: number;
}

/**
 * KL-UCB: play the arm with the largest $q$ such that $n_a\, \mathrm{kl}(\hat\mu_a, q) \le
 * \ell_t = \log t + c\log\log t$, where kl is the Bernoulli KL divergence (rewards in [0, 1]) or
 * the Gaussian one $(q - \mu)^2 / (2\sigma^2)$ (family 'gaussian', closed-form index).
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
  readonly #gaussian: boolean;
  readonly #sigma: number;
  #level = 0;
  /** Scratch: each candidate's Pinsker bound this round. */
  #uppers: Float64Array;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer or c is negative or not finite
   */
  constructor(arms: number, { c = 0, family = 'bernoulli', sigma = 1 }: KlUcbOptions = {}) {
    assertFinite('KlUcb', 'c', c);
    if (c < 0) throw new RangeError(`KlUcb: c must be >= 0, got ${c}`);
    if (family !== 'bernoulli' && family !== 'gaussian') {
      throw new RangeError(
        `KlUcb: family must be 'bernoulli' or 'gaussian', got ${String(family)}`,
      );
    }
    assertPositive('KlUcb', 'sigma', sigma);
    const gaussian = family === 'gaussian';
    super(
      'KlUcb',
      arms,
      gaussian ? Number.NEGATIVE_INFINITY : 0,
      gaussian ? Number.POSITIVE_INFINITY : 1,
      false,
    );
    this.#c = c;
    this.#gaussian = gaussian;
    this.#sigma = sigma;
    this.#uppers = new Float64Array(arms);
  }

  protected get typeName(): string {
    return 'KlUcb';
  }

  protected params(): Record<string, number | null> {
    // family is encoded as sigma: null for Bernoulli
    return { c: this.#c, sigma: this.#gaussian ? this.#sigma : null };
  }

  protected override prepare(): void {
    const t = Math.max(1, this.stats.total);
    const logT = Math.log(t);
    this.#level = t >= 3 ? logT + this.#c * Math.log(logT) : logT;
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    if (this.#gaussian)
      return this.stats.sums[arm]! / n + this.#sigma * Math.sqrt((2 * this.#level) / n);
    const mean = Math.min(1, Math.max(0, this.stats.sums[arm]! / n));
    return klBernoulliUpperBoundUnchecked(mean, this.#level / n);
  }

  /**
   * A cheap ceiling on the index, never below it: klBernoulliUpperBoundCeiling (second-order
   * tight for small d), and for large d also the entropy bound.
   */
  #upper(arm: number): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const mean = Math.min(1, Math.max(0, this.stats.sums[arm]! / n));
    const d = this.#level / n;
    const ceiling = klBernoulliUpperBoundCeiling(mean, d);
    if (d <= 0.1 || mean >= 1) return ceiling;
    // For large d the entropy bound 1 - exp(-(d + H(p)) / (1 - p)) is much tighter (exact at p = 0).
    const h = mean > 0 ? -mean * Math.log(mean) - (1 - mean) * Math.log1p(-mean) : 0;
    return Math.min(ceiling, -Math.expm1(-(d + h) / (1 - mean)));
  }

  /**
   * The argmax of the indices without computing them all: the arm with the largest ceiling
   * (klBernoulliUpperBoundCeiling) is solved first, and any arm whose ceiling is below the best
   * index so far is skipped
   * (it can neither win nor tie). Same choice law as the full argmax, ties at random.
   */
  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    if (this.#gaussian) return this.argmax(rng, candidates);
    const uppers = this.#uppers;
    let first = candidates[0]!;
    let firstUpper = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const u = this.#upper(a);
      uppers[a] = u;
      if (u > firstUpper) {
        first = a;
        firstUpper = u;
      }
    }
    let best = first;
    let bestScore = this.score(first, rng);
    let ties = 1;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      if (a === first || uppers[a]! < bestScore) continue;
      const s = this.score(a, rng);
      if (s > bestScore) {
        best = a;
        bestScore = s;
        ties = 1;
      } else if (s === bestScore) {
        ties++;
        if (rng.nextFloat64() * ties < 1) best = a;
      }
    }
    return best;
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: PolicyState): KlUcb {
    const p = readPolicyState('KlUcb', state);
    const sigma = p['sigma'];
    const family =
      sigma === null || sigma === undefined ? {} : { family: 'gaussian' as const, sigma };
    return new KlUcb(state.arms, { c: p['c'] ?? Number.NaN, ...family }).loadState(state);
  }
}
