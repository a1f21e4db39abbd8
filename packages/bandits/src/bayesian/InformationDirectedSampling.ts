import { type JsonValue, klBernoulli, logBeta, type Rng } from '@x/linalg';
import { exp, log, log1p } from '@x/linalg/math';
import {
  assertInteger,
  assertOneOf,
  assertPositive,
  readOptions,
  sampleIntUnchecked,
} from '@x/linalg/validate';
import type { SelectOptions } from '../core/BanditPolicy.ts';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';
import { candidateArms } from '../core/validation.ts';
import { type IdsDistribution, informationRatioMinimizers } from './informationRatio.ts';
import { posteriorSummariesUnchecked } from './posteriorSummaries.ts';

/** Options of {@link InformationDirectedSampling}. */
export interface InformationDirectedSamplingOptions {
  /**
   * 'bernoulli': rewards in [0, 1], Beta(1, 1) priors (fractional updates as in
   * {@link BetaThompsonSampling}); 'gaussian': Gaussian rewards with known noise `noiseStd` and
   * $\mathcal N(0, 1)$ priors. @default 'bernoulli'
   */
  readonly family?: 'bernoulli' | 'gaussian';
  /**
   * 'mutual-information': $g_a = I(A^*; Y_a)$ (Bernoulli only); 'variance': the variance-based
   * approximation $v_a = \mathrm{Var}(E[\theta_a \mid A^*])$. @default 'mutual-information' for
   * Bernoulli, 'variance' for Gaussian
   */
  readonly measure?: 'mutual-information' | 'variance';
  /** Noise standard deviation of the Gaussian family. @default 1 */
  readonly noiseStd?: number;
  /** Grid points per arm for the posterior integrals. @default 64 */
  readonly gridPerArm?: number;
}

/** What IDS sees in a decision: its distribution and the per-arm quantities behind it. */
export interface IdsAnalysis extends IdsDistribution {
  /** $\Delta_a$ per arm (0 outside the candidates). */
  readonly regrets: Float64Array;
  /** $g_a$ (or $v_a$) per arm. */
  readonly informations: Float64Array;
  /** $P(A^* = a)$ per arm: Thompson sampling's distribution. */
  readonly optimalProbability: Float64Array;
}

/**
 * Information-directed sampling for independent Bernoulli or Gaussian arms: each round, play the
 * action distribution $\pi$ minimising the information ratio $\Delta(\pi)^2 / g(\pi)$, the squared
 * expected regret over the information gained about the optimal arm $A^*$. The minimiser is
 * found exactly over pairs of arms (see {@link minimizeInformationRatio}); the posterior
 * quantities come from grid integrals (see {@link posteriorSummaries}). Regret $\le \sqrt{\bar\Psi
 * H(A^*) T}$ with information ratio at most K/2 for the mutual-information form.
 *
 * Choices made: Beta(1, 1) or $\mathcal N(0, 1)$ priors; for Gaussian arms the variance-based
 * measure (the paper's approximation, as its mutual information has no closed form); the grid
 * puts `gridPerArm` points on each arm's posterior mean $\pm 8$ standard deviations (clipped to
 * (0, 1) for Beta posteriors), merged; arms with $P(A^* = b) < 10^{-12}$ are left out of the
 * conditional means, which they do not affect.
 *
 * @example
 * const policy = new InformationDirectedSampling(3); // Bernoulli arms, mutual information
 * const rng = createRng(1);
 * const arm = policy.select(rng); // drawn from the minimiser of regret^2 / information
 * policy.update(arm, 1);
 *
 * References: Russo and Van Roy, "Learning to Optimize via Information-Directed Sampling",
 * arXiv:1403.5556 (Operations Research 66(1), 2018), Sections 4-7.
 */
export class InformationDirectedSampling extends IndexPolicy {
  readonly #gaussian: boolean;
  readonly #variance: boolean;
  readonly #noiseStd: number;
  readonly #gridPerArm: number;
  #analysis: IdsAnalysis | undefined;
  #minimizers: IdsDistribution[] = [];

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError on a bad option (mutual information with Gaussian arms included)
   */
  constructor(arms: number, options: InformationDirectedSamplingOptions = {}) {
    const fn = 'InformationDirectedSampling';
    const {
      family = 'bernoulli',
      measure,
      noiseStd = 1,
      gridPerArm = 64,
    } = readOptions(fn, options);
    assertOneOf(fn, 'family', family, ['bernoulli', 'gaussian']);
    const m = measure ?? (family === 'gaussian' ? 'variance' : 'mutual-information');
    assertOneOf(fn, 'measure', m, ['mutual-information', 'variance']);
    if (family === 'gaussian' && m === 'mutual-information')
      throw new RangeError(`${fn}: the Gaussian family supports only the variance measure`);
    assertPositive(fn, 'noiseStd', noiseStd);
    assertInteger(fn, 'gridPerArm', gridPerArm, 8, 100_000);
    const gaussian = family === 'gaussian';
    super(
      fn,
      arms,
      gaussian ? Number.NEGATIVE_INFINITY : 0,
      gaussian ? Number.POSITIVE_INFINITY : 1,
      false,
    );
    // (IDS is randomised, but its law is exact: see exactProbabilities.)
    this.#gaussian = gaussian;
    this.#variance = m === 'variance';
    this.#noiseStd = noiseStd;
    this.#gridPerArm = gridPerArm;
  }

  protected params(): Record<string, JsonValue> {
    return {
      family: this.#gaussian ? 'gaussian' : 'bernoulli',
      ...(this.#gaussian ? { noiseStd: this.#noiseStd } : {}),
      measure: this.#variance ? 'variance' : 'mutual-information',
      gridPerArm: this.#gridPerArm,
    };
  }

  /** Posterior parameters of an arm: Beta (a, b), or Gaussian (mean, sd). */
  #posterior(arm: number): [number, number] {
    const n = this.stats.counts[arm]!;
    const s = this.stats.sums[arm]!;
    if (!this.#gaussian) return [1 + s, 1 + n - s];
    const precision = 1 + n / (this.#noiseStd * this.#noiseStd);
    return [s / (this.#noiseStd * this.#noiseStd) / precision, 1 / Math.sqrt(precision)];
  }

  /** The posterior mean: used to rank slates, and as the greedy score. */
  protected score(arm: number, _rng: Rng): number {
    const [p, q] = this.#posterior(arm);
    return this.#gaussian ? p : p / (p + q);
  }

  #analyse(candidates: ArrayLike<number>, rng?: Rng): IdsAnalysis {
    const k = this.arms;
    const m = this.#gridPerArm;
    const points: number[] = [];
    const params = Array.from({ length: k }, (_, a) => this.#posterior(a));
    for (let c = 0; c < candidates.length; c++) {
      const [p, q] = params[candidates[c]!]!;
      // Mean +- 8 standard deviations (clipped to the support for Beta posteriors).
      const mean = this.#gaussian ? p : p / (p + q);
      const sd = this.#gaussian ? q : Math.sqrt((p * q) / ((p + q) * (p + q) * (p + q + 1)));
      const lo = this.#gaussian ? mean - 8 * sd : Math.max(1e-12, mean - 8 * sd);
      const hi = this.#gaussian ? mean + 8 * sd : Math.min(1 - 1e-12, mean + 8 * sd);
      for (let i = 0; i < m; i++) points.push(lo + ((hi - lo) * i) / (m - 1));
    }
    const grid = Float64Array.from(points).sort();
    const n = grid.length;
    const pdf = new Float64Array(k * n);
    const means = new Float64Array(k);
    for (let c = 0; c < candidates.length; c++) {
      const a = candidates[c]!;
      const [p, q] = params[a]!;
      means[a] = this.#gaussian ? p : p / (p + q);
      const lb = this.#gaussian ? 0 : logBeta(p, q);
      for (let t = 0; t < n; t++) {
        const x = grid[t]!;
        let f: number;
        if (this.#gaussian) {
          const z = (x - p) / q;
          f = exp(-0.5 * z * z) / (q * Math.sqrt(2 * Math.PI));
        } else {
          f = x <= 0 || x >= 1 ? 0 : exp((p - 1) * log(x) + (q - 1) * log1p(-x) - lb);
        }
        pdf[a * n + t] = f;
      }
    }
    const s = posteriorSummariesUnchecked(grid, pdf, means, candidates, k);
    let rho = 0;
    for (let c = 0; c < candidates.length; c++) {
      const b = candidates[c]!;
      rho += s.optimalProbability[b]! * s.conditionalMean[b * k + b]!;
    }
    const regrets = new Float64Array(k);
    const informations = new Float64Array(k);
    for (let c = 0; c < candidates.length; c++) {
      const a = candidates[c]!;
      regrets[a] = Math.max(0, rho - means[a]!);
      let g = 0;
      for (let e = 0; e < candidates.length; e++) {
        const b = candidates[e]!;
        const mab = s.conditionalMean[a * k + b]!;
        if (this.#variance) g += s.optimalProbability[b]! * (mab - means[a]!) * (mab - means[a]!);
        else
          g +=
            s.optimalProbability[b]! *
            klBernoulli(Math.min(1, Math.max(0, mab)), Math.min(1, Math.max(0, means[a]!)));
      }
      informations[a] = g;
    }
    const minimizers = informationRatioMinimizers(regrets, informations, candidates);
    this.#minimizers = minimizers;
    const d =
      rng === undefined || minimizers.length === 1
        ? minimizers[0]!
        : minimizers[sampleIntUnchecked(rng, minimizers.length)]!;
    return { ...d, regrets, informations, optimalProbability: s.optimalProbability };
  }

  /**
   * The distribution IDS plays now and the quantities behind it (expected regret, information,
   * the information ratio and Thompson sampling's distribution $P(A^* = a)$).
   * @throws RangeError on invalid available arms
   */
  analyse(options?: SelectOptions): IdsAnalysis {
    const candidates = candidateArms(
      'InformationDirectedSampling.analyse',
      options?.available,
      Int32Array.from({ length: this.arms }, (_, i) => i),
      new Uint8Array(this.arms),
    );
    return this.#analyse(candidates);
  }

  /** The analysis of the latest decision (undefined before the first). */
  get lastAnalysis(): IdsAnalysis | undefined {
    return this.#analysis;
  }

  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    const a = this.#analyse(candidates, rng);
    this.#analysis = a;
    if (a.first === a.second) return a.first;
    return rng.nextFloat64() < a.q ? a.first : a.second;
  }

  /** The choice law: a uniform mixture of the tied minimisers' distributions. */
  protected override exactProbabilities(_rng: Rng, candidates: ArrayLike<number>): Float64Array {
    this.#analyse(candidates);
    const p = new Float64Array(this.arms);
    const w = 1 / this.#minimizers.length;
    for (const m of this.#minimizers) {
      p[m.first] = p[m.first]! + w * m.q;
      p[m.second] = p[m.second]! + w * (1 - m.q);
    }
    return p;
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): InformationDirectedSampling {
    return PolicyBase.restore('InformationDirectedSampling', state, (p) => {
      const family = p.oneOf('family', ['bernoulli', 'gaussian']);
      return new InformationDirectedSampling(p.number('arms'), {
        family,
        ...(family === 'gaussian' ? { noiseStd: p.number('noiseStd') } : {}),
        measure: p.oneOf('measure', ['mutual-information', 'variance']),
        gridPerArm: p.number('gridPerArm'),
      });
    });
  }
}
