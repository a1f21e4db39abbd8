import { logBeta, type Rng } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertInRange,
  assertInteger,
  assertPositive,
  assertRng,
  readObject,
} from '@x/linalg/validate';

/** Two arms with Beta priors on their Bernoulli means; arm 0 has the higher prior mean. */
export interface IncentivizedExplorationData {
  /** Beta(alpha, beta) priors of arm 0 and arm 1. */
  readonly priors: readonly [readonly [number, number], readonly [number, number]];
  /** How many agents are sent to arm 0 before the exploration round (N0). */
  readonly initialSamples: number;
}

/** The Bayesian incentive compatibility of the exploration round. */
export interface BicAudit {
  /**
   * $E[(\mu_a - \mu_{1-a}) 1\{\text{recommend } a\}]$ for a = 0, 1: the agent told a gains this
   * much (times the probability of the recommendation) by following it; BIC iff both are >= 0.
   */
  readonly gains: Float64Array;
  /** The probability of each recommendation in the exploration round. */
  readonly recommendationProbability: Float64Array;
  /** Whether both gains are >= 0 (to 1e-12). */
  readonly compatible: boolean;
}

/**
 * Incentivized exploration by hidden exploration (Slivkins, arXiv:1904.07272, Chapter 11, the
 * basic technique): agents arrive one by one, each sees only the planner's recommendation and
 * follows it when that is Bayesian incentive compatible (BIC). Arm 0 is better a priori, so the
 * first N0 agents are sent there. In round N0 + 1 the planner recommends arm 1 when its prior mean
 * beats arm 0's posterior mean given the N0 samples (exploitation), and otherwise still with
 * probability $\epsilon$ (exploration hidden among the exploitation cases). With $p_k$ arm 0's
 * posterior mean after k successes, m its prior mean of arm 1 and $P(k)$ the Beta-binomial law,
 * the recommendation of arm 1 is BIC iff
 * $$\epsilon \le \epsilon^* = \frac{\sum_k P(k)(m - p_k)^+}{\sum_k P(k)(p_k - m)^+},$$
 * computed exactly ({@link IncentivizedExploration.maxExploration}); the audit evaluates both
 * recommendations' constraints for any $\epsilon$. After the exploration round the planner
 * recommends the arm with the higher posterior mean, which is always BIC.
 *
 * @example
 * const ie = new IncentivizedExploration({ priors: [[3, 2], [1, 1]], initialSamples: 10 });
 * const eps = ie.maxExploration(); // the most exploration that stays BIC
 * ie.audit(eps).compatible; // true; ie.audit(1.5 * eps).compatible is false
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Chapter 11
 * (hidden exploration); Kremer, Mansour and Perry, "Implementing the Wisdom of the Crowd",
 * J. Political Economy 122(5), 2014; Mansour, Slivkins and Syrgkanis, "Bayesian Incentive-
 * Compatible Bandit Exploration", EC 2015, arXiv:1502.04147.
 */
export class IncentivizedExploration {
  readonly initialSamples: number;
  readonly #a: Float64Array;
  readonly #b: Float64Array;
  /** P(k successes in N0 draws of arm 0), k = 0..N0. */
  readonly #law: Float64Array;
  /** Arm 0's posterior mean after k successes. */
  readonly #posterior: Float64Array;

  /** @throws RangeError on bad priors (arm 0 must have the higher prior mean) or N0 */
  constructor(data: IncentivizedExplorationData) {
    const fn = 'IncentivizedExploration';
    const { priors, initialSamples } = readObject(fn, 'data', data);
    if (!Array.isArray(priors) || priors.length !== 2)
      throw new TypeError(`${fn}: priors must be two [alpha, beta] pairs`);
    for (const [i, p] of priors.entries()) {
      if (!Array.isArray(p) || p.length !== 2)
        throw new TypeError(`${fn}: priors[${i}] must be an [alpha, beta] pair`);
      assertPositive(fn, `priors[${i}][0]`, p[0]);
      assertPositive(fn, `priors[${i}][1]`, p[1]);
    }
    assertInteger(fn, 'initialSamples', initialSamples, 0, 1 << 20);
    this.#a = Float64Array.of(priors[0][0], priors[1][0]);
    this.#b = Float64Array.of(priors[0][1], priors[1][1]);
    if (this.priorMean(0) < this.priorMean(1))
      throw new RangeError(
        `${fn}: arm 0 must have the higher prior mean, got ${this.priorMean(0)} < ${this.priorMean(1)}`,
      );
    this.initialSamples = initialSamples;
    const N = initialSamples;
    const a = this.#a[0]!;
    const b = this.#b[0]!;
    this.#law = new Float64Array(N + 1);
    this.#posterior = new Float64Array(N + 1);
    let logChoose = 0; // log C(N, k), built up in k
    for (let k = 0; k <= N; k++) {
      this.#law[k] = exp(logChoose + logBeta(a + k, b + N - k) - logBeta(a, b));
      this.#posterior[k] = (a + k) / (a + b + N);
      if (k < N) logChoose += log((N - k) / (k + 1));
    }
  }

  /** The prior mean of an arm. */
  priorMean(arm: number): number {
    assertInteger('IncentivizedExploration.priorMean', 'arm', arm, 0, 1);
    return this.#a[arm]! / (this.#a[arm]! + this.#b[arm]!);
  }

  /** $\epsilon^*$: the largest exploration probability that keeps recommending arm 1 BIC (at most 1). */
  maxExploration(): number {
    const m = this.priorMean(1);
    let gain = 0;
    let loss = 0;
    for (let k = 0; k < this.#law.length; k++) {
      const d = m - this.#posterior[k]!;
      if (d > 0) gain += this.#law[k]! * d;
      else loss -= this.#law[k]! * d;
    }
    return loss > 0 ? Math.min(1, gain / loss) : 1;
  }

  /**
   * The BIC constraints of the exploration round for an exploration probability.
   * @throws RangeError if `exploration` is outside [0, 1]
   */
  audit(exploration: number): BicAudit {
    assertInRange('IncentivizedExploration.audit', 'exploration', exploration, 0, 1);
    const m = this.priorMean(1);
    const gains = new Float64Array(2);
    const recommendationProbability = new Float64Array(2);
    for (let k = 0; k < this.#law.length; k++) {
      const p = this.#law[k]!;
      const d = m - this.#posterior[k]!;
      const toArm1 = d > 0 ? 1 : exploration;
      gains[1] = gains[1]! + p * toArm1 * d;
      gains[0] = gains[0]! - p * (1 - toArm1) * d;
      recommendationProbability[1] = recommendationProbability[1]! + p * toArm1;
    }
    recommendationProbability[0] = 1 - recommendationProbability[1]!;
    return {
      gains,
      recommendationProbability,
      compatible: gains[0]! >= -1e-12 && gains[1]! >= -1e-12,
    };
  }

  /**
   * The recommendation of the exploration round given the successes of arm 0 in its N0 samples.
   * @throws RangeError on a bad count or exploration probability
   */
  recommend(rng: Rng, successes: number, exploration: number): number {
    const fn = 'IncentivizedExploration.recommend';
    assertRng(fn, rng);
    assertInteger(fn, 'successes', successes, 0, this.initialSamples);
    assertInRange(fn, 'exploration', exploration, 0, 1);
    if (this.#posterior[successes]! < this.priorMean(1)) return 1;
    return rng.nextFloat64() < exploration ? 1 : 0;
  }
}
