import type { JsonValue, Rng } from '@x/linalg';
import { assertInRange, assertPositive, readOptions, sampleIntUnchecked } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link EpsilonGreedy}. */
export interface EpsilonGreedyOptions {
  /** Fixed exploration probability, used when `decay` is not given. @default 0.1 */
  readonly epsilon?: number;
  /**
   * Decaying exploration $\varepsilon_t = \min(1, cK/(d^2 t))$ of Auer et al., with d a lower
   * bound on the smallest gap. Overrides `epsilon`.
   */
  readonly decay?: { readonly c: number; readonly d: number };
  /** Lower end of the reward range. @default 0 */
  readonly rewardMin?: number;
  /** Upper end of the reward range. @default 1 */
  readonly rewardMax?: number;
}

/**
 * Epsilon-greedy: with probability $\varepsilon_t$ play an available arm uniformly at random,
 * otherwise the arm with the best empirical mean (ties at random). With a fixed $\varepsilon$
 * the regret is linear; the decaying schedule $\varepsilon_t = \min(1, cK/(d^2 t))$ with
 * $c > 5$ and $0 < d \le \min_a \Delta_a$ gives logarithmic regret.
 *
 * @example
 * const policy = new EpsilonGreedy(3, { epsilon: 0.1 });
 * const arm = policy.select(createRng(1)); // the best mean, or a uniform arm with probability 0.1
 * policy.update(arm, 0.4);
 *
 * References: Auer, Cesa-Bianchi and Fischer, "Finite-time Analysis of the Multiarmed Bandit
 * Problem", Machine Learning 47, 2002, Section 3 and Theorem 3 ($\varepsilon_n$-greedy);
 * Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Section 1.2.
 */
export class EpsilonGreedy extends IndexPolicy {
  readonly #epsilon: number;
  readonly #c: number | null;
  readonly #d: number | null;
  #eps = 0;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer, epsilon is outside [0, 1], or c, d
   * are not positive
   */
  constructor(arms: number, options: EpsilonGreedyOptions = {}) {
    const {
      epsilon = 0.1,
      decay,
      rewardMin = 0,
      rewardMax = 1,
    } = readOptions('EpsilonGreedy', options);
    assertInRange('EpsilonGreedy', 'epsilon', epsilon, 0, 1);
    if (decay !== undefined) {
      assertPositive('EpsilonGreedy', 'decay.c', decay.c);
      assertPositive('EpsilonGreedy', 'decay.d', decay.d);
    }
    if (!(Number.isFinite(rewardMin) && Number.isFinite(rewardMax) && rewardMax > rewardMin)) {
      throw new RangeError(
        `EpsilonGreedy: need finite rewardMin < rewardMax, got [${rewardMin}, ${rewardMax}]`,
      );
    }
    super('EpsilonGreedy', arms, rewardMin, rewardMax, false);
    this.#epsilon = epsilon;
    this.#c = decay?.c ?? null;
    this.#d = decay?.d ?? null;
  }

  protected params(): Record<string, JsonValue> {
    return {
      epsilon: this.#epsilon,
      decay: this.#c === null || this.#d === null ? null : { c: this.#c, d: this.#d },
      rewardMin: this.rewardMin,
      rewardMax: this.rewardMax,
    };
  }

  /** The exploration probability of the next decision. */
  get currentEpsilon(): number {
    this.prepareRound();
    return this.#eps;
  }

  protected override prepareRound(): void {
    if (this.#c === null || this.#d === null) {
      this.#eps = this.#epsilon;
      return;
    }
    const t = Math.max(1, this.stats.total);
    this.#eps = Math.min(1, (this.#c * this.arms) / (this.#d * this.#d * t));
  }

  protected score(arm: number, _rng: Rng): number {
    return this.stats.mean(arm);
  }

  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    if (this.#eps > 0 && rng.nextFloat64() < this.#eps)
      return candidates[sampleIntUnchecked(rng, candidates.length)]!;
    return this.argmax(rng, candidates);
  }

  protected override exactProbabilities(rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const greedy = super.exactProbabilities(rng, candidates);
    const explore = this.#eps / candidates.length;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      greedy[a] = explore + (1 - this.#eps) * greedy[a]!;
    }
    return greedy;
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): EpsilonGreedy {
    return PolicyBase.restore('EpsilonGreedy', state, (p) => {
      const decay = p.value('decay');
      return new EpsilonGreedy(p.number('arms'), {
        epsilon: p.number('epsilon'),
        ...(decay === null ? {} : { decay: decay as { c: number; d: number } }),
        rewardMin: p.number('rewardMin'),
        rewardMax: p.number('rewardMax'),
      });
    });
  }
}
