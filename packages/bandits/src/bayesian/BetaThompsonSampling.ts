import { type JsonValue, logBeta, type Rng, regularizedBeta } from '@x/linalg';
import { exp, log, log1p } from '@x/linalg/math';
import { assertPositive, readOptions, sampleBetaUnchecked } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link BetaThompsonSampling}. */
export interface BetaThompsonSamplingOptions {
  /** Prior Beta(alpha, beta) of every arm's mean. @default 1 (uniform) */
  readonly alpha?: number;
  /** @default 1 */
  readonly beta?: number;
}

/**
 * Thompson sampling with Beta priors, for rewards in [0, 1]: draw $\theta_a \sim
 * \mathrm{Beta}(\alpha + S_a, \beta + n_a - S_a)$ for every available arm and play the largest,
 * where $S_a$ is the sum of the arm's rewards. Asymptotically optimal for Bernoulli arms (its
 * regret over $\log T$ tends to the Lai-Robbins constant).
 *
 * Choice made: a reward r in [0, 1] adds r to the successes and 1 - r to the failures (the
 * fractional conjugate update). For 0/1 rewards this is the paper's algorithm; for other bounded
 * rewards the paper instead draws a Bernoulli(r) outcome, which would need randomness in
 * `update`.
 *
 * @example
 * const policy = new BetaThompsonSampling(3); // Beta(1, 1) priors
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 1); // Bernoulli rewards: a success
 *
 * References: Agrawal and Goyal, "Analysis of Thompson Sampling for the Multi-armed Bandit
 * Problem", COLT 2012, arXiv:1111.1797, Algorithms 1-2; Kaufmann, Korda and Munos, "Thompson
 * Sampling: An Asymptotically Optimal Finite Time Analysis", ALT 2012, arXiv:1205.4217.
 */
export class BetaThompsonSampling extends IndexPolicy {
  readonly #alpha: number;
  readonly #beta: number;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer or a prior parameter is not positive
   */
  constructor(arms: number, options: BetaThompsonSamplingOptions = {}) {
    const { alpha = 1, beta = 1 } = readOptions('BetaThompsonSampling', options);
    assertPositive('BetaThompsonSampling', 'alpha', alpha);
    assertPositive('BetaThompsonSampling', 'beta', beta);
    super('BetaThompsonSampling', arms, 0, 1, true);
    this.#alpha = alpha;
    this.#beta = beta;
  }

  protected params(): Record<string, JsonValue> {
    return { alpha: this.#alpha, beta: this.#beta };
  }

  /** Each arm's Beta posterior, for exact propensities by quadrature. */
  protected override posteriorMarginals() {
    const marginals = Array.from({ length: this.arms }, (_, arm) => {
      const sum = this.stats.sums[arm]!;
      const a = this.#alpha + sum;
      const b = this.#beta + this.stats.counts[arm]! - sum;
      const logB = logBeta(a, b);
      return {
        mean: a / (a + b),
        sd: Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1))),
        pdf: (x: number) => exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB),
        cdf: (x: number) => regularizedBeta(x, a, b),
      };
    });
    return { marginals, lo: 0, hi: 1 };
  }

  protected score(arm: number, rng: Rng): number {
    const s = this.stats.sums[arm]!;
    return sampleBetaUnchecked(rng, this.#alpha + s, this.#beta + this.stats.counts[arm]! - s);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): BetaThompsonSampling {
    return PolicyBase.restore(
      'BetaThompsonSampling',
      state,
      (p) =>
        new BetaThompsonSampling(p.number('arms'), {
          alpha: p.number('alpha'),
          beta: p.number('beta'),
        }),
    );
  }
}
