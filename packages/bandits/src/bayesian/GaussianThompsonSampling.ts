import { type JsonValue, normalCdf, normalPdf, type Rng, sampleStandardNormal } from '@x/linalg';
import { assertFinite, assertPositive, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link GaussianThompsonSampling}. */
export interface GaussianThompsonSamplingOptions {
  /** Prior mean of every arm. @default 0 */
  readonly priorMean?: number;
  /** Prior standard deviation of every arm's mean. @default 1 */
  readonly priorStd?: number;
  /** Known standard deviation of the reward noise. @default 1 */
  readonly noiseStd?: number;
}

/**
 * Thompson sampling for real-valued rewards with Gaussian noise of known standard deviation
 * $\sigma$ and a Gaussian prior $\mathcal N(m_0, s_0^2)$ on each mean: the posterior of arm a
 * after $n_a$ rewards summing to $S_a$ has precision $\tau_a = 1/s_0^2 + n_a/\sigma^2$ and mean
 * $(m_0/s_0^2 + S_a/\sigma^2)/\tau_a$; draw from each posterior and play the largest.
 *
 * With the defaults ($m_0 = 0$, $s_0 = \sigma = 1$) the posterior is $\mathcal N(S_a/(n_a + 1),
 * 1/(n_a + 1))$, the Gaussian Thompson sampling analysed by Agrawal and Goyal.
 *
 * @example
 * const policy = new GaussianThompsonSampling(3, { priorStd: 1, noiseStd: 0.5 });
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 0.8);
 *
 * References: Agrawal and Goyal, "Further Optimal Regret Bounds for Thompson Sampling",
 * AISTATS 2013, arXiv:1209.3353, Algorithm 2; Russo et al., "A Tutorial on Thompson Sampling",
 * arXiv:1707.02038, Section 4.
 */
export class GaussianThompsonSampling extends IndexPolicy {
  readonly #m0: number;
  readonly #s0: number;
  readonly #noiseStd: number;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if arms is not a positive integer or a parameter is not finite (and
   * positive, for the standard deviations)
   */
  constructor(arms: number, options: GaussianThompsonSamplingOptions = {}) {
    const fn = 'GaussianThompsonSampling';
    const { priorMean = 0, priorStd = 1, noiseStd = 1 } = readOptions(fn, options);
    assertFinite(fn, 'priorMean', priorMean);
    assertPositive(fn, 'priorStd', priorStd);
    assertPositive(fn, 'noiseStd', noiseStd);
    super(fn, arms, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, true);
    this.#m0 = priorMean;
    this.#s0 = priorStd;
    this.#noiseStd = noiseStd;
  }

  protected params(): Record<string, JsonValue> {
    return { priorMean: this.#m0, priorStd: this.#s0, noiseStd: this.#noiseStd };
  }

  /** Each arm's normal posterior, for exact propensities by quadrature. */
  protected override posteriorMarginals() {
    const v0 = this.#s0 * this.#s0;
    const v = this.#noiseStd * this.#noiseStd;
    const marginals = Array.from({ length: this.arms }, (_, arm) => {
      const precision = 1 / v0 + this.stats.counts[arm]! / v;
      const mean = (this.#m0 / v0 + this.stats.sums[arm]! / v) / precision;
      const sd = 1 / Math.sqrt(precision);
      return {
        mean,
        sd,
        pdf: (x: number) => normalPdf(x, mean, sd),
        cdf: (x: number) => normalCdf(x, mean, sd),
      };
    });
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const m of marginals) {
      lo = Math.min(lo, m.mean - 40 * m.sd);
      hi = Math.max(hi, m.mean + 40 * m.sd);
    }
    return { marginals, lo, hi };
  }

  protected score(arm: number, rng: Rng): number {
    const v0 = this.#s0 * this.#s0;
    const v = this.#noiseStd * this.#noiseStd;
    const precision = 1 / v0 + this.stats.counts[arm]! / v;
    const mean = (this.#m0 / v0 + this.stats.sums[arm]! / v) / precision;
    return mean + sampleStandardNormal(rng) / Math.sqrt(precision);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): GaussianThompsonSampling {
    return PolicyBase.restore(
      'GaussianThompsonSampling',
      state,
      (p) =>
        new GaussianThompsonSampling(p.number('arms'), {
          priorMean: p.number('priorMean'),
          priorStd: p.number('priorStd'),
          noiseStd: p.number('noiseStd'),
        }),
    );
  }
}
