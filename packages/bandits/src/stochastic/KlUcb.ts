import type { JsonValue, Rng } from '@x/linalg';
import { expm1, log, log1p } from '@x/linalg/math';
import {
  assertNonNegative,
  assertOneOf,
  assertPositive,
  klBernoulliUpperBoundCeiling,
  klBernoulliUpperBoundUnchecked,
  readOptions,
} from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/**
 * Slack on the cached bounds of the index: the solver's error is about 1e-15, and a bound off
 * by more than this would be a bug, not rounding.
 */
const MARGIN = 1e-12;

/** Options of {@link KlUcb}. */
export interface KlUcbOptions {
  /**
   * The reward model whose divergence defines the index: Bernoulli rewards in [0, 1], or
   * Gaussian rewards with known noise standard deviation `noiseStd` = $\sigma$, where the index is $\hat\mu_a + \sigma
   * \sqrt{2 \ell_t / n_a}$ in closed form. @default 'bernoulli'
   */
  readonly family?: 'bernoulli' | 'gaussian';
  /** Noise standard deviation of the Gaussian family. @default 1 */
  readonly noiseStd?: number;
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
 * @example
 * const policy = new KlUcb(3); // Bernoulli KL-UCB
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 1);
 *
 * References: Garivier and Cappe, "The KL-UCB Algorithm for Bounded Stochastic Bandits and
 * Beyond", COLT 2011, arXiv:1102.2490, Algorithm 1 and Theorem 1.
 */
export class KlUcb extends IndexPolicy {
  readonly #c: number;
  readonly #gaussian: boolean;
  readonly #noiseStd: number;
  #level = 0;
  /** Scratch: an upper bound on each candidate's index this round. */
  #uppers: Float64Array;
  /**
   * Each arm's last exact index and the count, sum and level it was computed at. While an arm's
   * statistics stay the same its index only grows with the level, so the cached index is a
   * lower bound and one Newton step from it an upper bound: most rounds need no new solve.
   */
  #cacheCount: Float64Array;
  #cacheSum: Float64Array;
  #cacheLevel: Float64Array;
  #cacheIndex: Float64Array;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer or c is negative or not finite
   */
  constructor(arms: number, options: KlUcbOptions = {}) {
    const { c = 0, family = 'bernoulli', noiseStd = 1 } = readOptions('KlUcb', options);
    assertNonNegative('KlUcb', 'c', c);
    assertOneOf('KlUcb', 'family', family, ['bernoulli', 'gaussian']);
    assertPositive('KlUcb', 'noiseStd', noiseStd);
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
    this.#noiseStd = noiseStd;
    this.#uppers = new Float64Array(arms);
    this.#cacheCount = new Float64Array(arms).fill(-1);
    this.#cacheSum = new Float64Array(arms);
    this.#cacheLevel = new Float64Array(arms);
    this.#cacheIndex = new Float64Array(arms);
  }

  protected params(): Record<string, JsonValue> {
    return this.#gaussian
      ? { c: this.#c, family: 'gaussian', noiseStd: this.#noiseStd }
      : { c: this.#c, family: 'bernoulli' };
  }

  protected override prepareRound(): void {
    const t = Math.max(1, this.stats.total);
    const logT = log(t);
    this.#level = t >= 3 ? logT + this.#c * log(logT) : logT;
  }

  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    if (this.#gaussian)
      return this.stats.sums[arm]! / n + this.#noiseStd * Math.sqrt((2 * this.#level) / n);
    const mean = Math.min(1, Math.max(0, this.stats.sums[arm]! / n));
    return klBernoulliUpperBoundUnchecked(mean, this.#level / n);
  }

  /** Whether the arm's cached index belongs to its current statistics and a level not above this round's. */
  #cached(arm: number): boolean {
    return (
      this.#cacheCount[arm] === this.stats.counts[arm] &&
      this.#cacheSum[arm] === this.stats.sums[arm] &&
      this.#cacheLevel[arm]! <= this.#level
    );
  }

  /** The exact index (cached for the arm's statistics and this round's level). */
  #exact(arm: number, rng: Rng): number {
    if (this.#cached(arm) && this.#cacheLevel[arm] === this.#level) return this.#cacheIndex[arm]!;
    const index = this.score(arm, rng);
    this.#cacheCount[arm] = this.stats.counts[arm]!;
    this.#cacheSum[arm] = this.stats.sums[arm]!;
    this.#cacheLevel[arm] = this.#level;
    this.#cacheIndex[arm] = index;
    return index;
  }

  /**
   * An upper bound on the index, never below it (by MARGIN, far above the solver's error): from
   * a cached index q at a lower level, one Newton step on the convex, increasing $q \mapsto
   * \mathrm{kl}(p, q) - d$ started left of its root, $q + (d - d_q)\, q(1 - q)/(q - p)$, which
   * lands right of the root (and costs no logarithm); otherwise klBernoulliUpperBoundCeiling and,
   * for large d, the entropy bound.
   */
  #upper(arm: number): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const mean = Math.min(1, Math.max(0, this.stats.sums[arm]! / n));
    const d = this.#level / n;
    let ceiling = klBernoulliUpperBoundCeiling(mean, d);
    if (this.#cached(arm)) {
      const q = this.#cacheIndex[arm]!;
      if (this.#cacheLevel[arm] === this.#level) return q;
      if (q > mean && q < 1)
        ceiling = Math.min(
          ceiling,
          q + ((d - this.#cacheLevel[arm]! / n) * q * (1 - q)) / (q - mean) + MARGIN,
        );
      return ceiling;
    }
    if (d <= 0.1 || mean >= 1) return ceiling;
    // For large d the entropy bound 1 - exp(-(d + H(p)) / (1 - p)) is much tighter (exact at p = 0).
    const h = mean > 0 ? -mean * log(mean) - (1 - mean) * log1p(-mean) : 0;
    return Math.min(ceiling, -expm1(-(d + h) / (1 - mean)));
  }

  /**
   * The argmax of the indices without computing them all. If the largest cached index (a lower
   * bound) exceeds every other arm's upper bound, that arm wins outright. Otherwise the arm with
   * the largest upper bound is solved first, and any arm whose upper bound is below the best
   * index so far is skipped (it can neither win nor tie). Same choice law as the full argmax,
   * ties at random.
   */
  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    if (this.#gaussian) return this.argmax(rng, candidates);
    const uppers = this.#uppers;
    let first = candidates[0]!;
    let firstUpper = Number.NEGATIVE_INFINITY;
    let leader = -1;
    let leaderLower = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const u = this.#upper(a);
      uppers[a] = u;
      if (u > firstUpper) {
        first = a;
        firstUpper = u;
      }
      if (this.#cached(a) && this.#cacheIndex[a]! - MARGIN > leaderLower) {
        leader = a;
        leaderLower = this.#cacheIndex[a]! - MARGIN;
      }
    }
    if (leader !== -1) {
      let separated = true;
      for (let i = 0; i < candidates.length && separated; i++) {
        const a = candidates[i]!;
        if (a !== leader && uppers[a]! >= leaderLower) separated = false;
      }
      if (separated) return leader;
    }
    // The largest exact index, computing only the arms whose upper bound can reach it.
    let bestScore = this.#exact(first, rng);
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      if (a !== first && uppers[a]! >= bestScore)
        bestScore = Math.max(bestScore, this.#exact(a, rng));
    }
    // Ties broken uniformly by a reservoir draw over the tied arms in candidate order: which
    // arms were cached above (and so which bounds were tight) never changes the choice or the
    // draws, so a policy restored from JSON decides exactly like the original.
    let best = -1;
    let ties = 0;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      if (uppers[a]! < bestScore || this.#exact(a, rng) !== bestScore) continue;
      ties++;
      if (ties === 1 || rng.nextFloat64() * ties < 1) best = a;
    }
    return best;
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): KlUcb {
    return PolicyBase.restore('KlUcb', state, (p) => {
      const family = p.oneOf('family', ['bernoulli', 'gaussian']);
      return new KlUcb(p.number('arms'), {
        c: p.number('c'),
        family,
        ...(family === 'gaussian' ? { noiseStd: p.number('noiseStd') } : {}),
      });
    });
  }
}
