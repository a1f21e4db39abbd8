import { type JsonValue, type Rng, sampleGamma, sampleStandardNormal } from '@x/linalg';
import { assertFinite, assertPositive, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link NormalGammaThompsonSampling}: the Normal-Gamma prior of every arm. */
export interface NormalGammaThompsonSamplingOptions {
  /** Prior mean $\mu_0$. @default 0 */
  readonly priorMean?: number;
  /** Prior pseudo-count of the mean $\kappa_0$. @default 1 */
  readonly priorCount?: number;
  /** Shape $\alpha_0$ of the Gamma prior on the noise precision. @default 1 */
  readonly shape?: number;
  /** Rate $\beta_0$ of the Gamma prior on the noise precision. @default 1 */
  readonly rate?: number;
}

/**
 * Thompson sampling for Gaussian rewards with unknown mean and unknown variance, under a
 * conjugate Normal-Gamma prior. After $n$ rewards with mean $\bar x$ and centred sum of squares
 * $S$: $\kappa_n = \kappa_0 + n$, $\mu_n = (\kappa_0\mu_0 + n\bar x)/\kappa_n$, $\alpha_n =
 * \alpha_0 + n/2$, $\beta_n = \beta_0 + S/2 + \kappa_0 n(\bar x - \mu_0)^2/(2\kappa_n)$; a draw
 * takes a precision $\tau \sim \mathrm{Gamma}(\alpha_n, \text{rate } \beta_n)$, then $\mu \sim
 * \mathcal N(\mu_n, 1/(\kappa_n\tau))$, and the arm with the largest $\mu$ is played.
 *
 * Choice made: a proper prior ($\kappa_0 = \alpha_0 = \beta_0 = 1$ by default). Honda and
 * Takemura show the prior matters for optimality with unknown variance (improper priors with
 * $\alpha_0 < 0$ are optimal); set `shape` and `rate` small for a flatter prior.
 *
 * @example
 * const policy = new NormalGammaThompsonSampling(3); // unknown means and variances
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 2.5);
 *
 * References: Honda and Takemura, "Optimality of Thompson Sampling for Gaussian Bandits Depends
 * on Priors", AISTATS 2014, arXiv:1311.1894; Murphy, "Conjugate Bayesian analysis of the
 * Gaussian distribution", 2007, Section 3 (the update).
 */
export class NormalGammaThompsonSampling extends IndexPolicy {
  readonly #mu0: number;
  readonly #kappa0: number;
  readonly #alpha0: number;
  readonly #beta0: number;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if a prior parameter is not finite (and positive, except the mean)
   */
  constructor(arms: number, options: NormalGammaThompsonSamplingOptions = {}) {
    const fn = 'NormalGammaThompsonSampling';
    const { priorMean = 0, priorCount = 1, shape = 1, rate = 1 } = readOptions(fn, options);
    assertFinite(fn, 'priorMean', priorMean);
    assertPositive(fn, 'priorCount', priorCount);
    assertPositive(fn, 'shape', shape);
    assertPositive(fn, 'rate', rate);
    super(fn, arms, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, true);
    this.#mu0 = priorMean;
    this.#kappa0 = priorCount;
    this.#alpha0 = shape;
    this.#beta0 = rate;
  }

  protected params(): Record<string, JsonValue> {
    return {
      priorMean: this.#mu0,
      priorCount: this.#kappa0,
      shape: this.#alpha0,
      rate: this.#beta0,
    };
  }

  protected score(arm: number, rng: Rng): number {
    const n = this.stats.counts[arm]!;
    const k0 = this.#kappa0;
    const kn = k0 + n;
    const mean = n > 0 ? this.stats.sums[arm]! / n : 0;
    const ss = n > 0 ? Math.max(0, this.stats.sumSquares[arm]! - n * mean * mean) : 0;
    const mun = (k0 * this.#mu0 + n * mean) / kn;
    const an = this.#alpha0 + n / 2;
    const shift = mean - this.#mu0;
    const bn = this.#beta0 + ss / 2 + (k0 * n * shift * shift) / (2 * kn);
    const tau = sampleGamma(rng, an, 1 / bn);
    return mun + sampleStandardNormal(rng) / Math.sqrt(kn * tau);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): NormalGammaThompsonSampling {
    return PolicyBase.restore(
      'NormalGammaThompsonSampling',
      state,
      (p) =>
        new NormalGammaThompsonSampling(p.number('arms'), {
          priorMean: p.number('priorMean'),
          priorCount: p.number('priorCount'),
          shape: p.number('shape'),
          rate: p.number('rate'),
        }),
    );
  }
}
