import { type Rng, sampleStandardNormal } from '@x/linalg';
import { assertPositive, assertRng } from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm, assertFiniteMeans } from '../core/validation.ts';

/**
 * Stochastic bandit with Gaussian arms: arm a pays $\mu_a + \sigma Z$ with Z standard normal.
 *
 * @example
 * const env = new GaussianBandit([0, 0.5, 1], 1); // means, noise standard deviation 1
 * simulateBandit(createRng(1), env, (e) => new KlUcb(e.arms, { family: 'gaussian' }), {
 *   rounds: 5000,
 * });
 */
export class GaussianBandit implements BanditEnvironment {
  readonly arms: number;
  readonly #means: Float64Array;
  readonly #noiseStd: number;

  /**
   * @param means - the arms' means, finite, at least one
   * @param noiseStd - noise standard deviation $\sigma$, > 0, default 1
   * @throws RangeError on an empty list, a non-finite mean or a non-positive noiseStd
   */
  constructor(means: ArrayLike<number>, noiseStd = 1) {
    assertFiniteMeans('GaussianBandit', means, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    assertPositive('GaussianBandit', 'noiseStd', noiseStd);
    this.arms = means.length;
    this.#means = Float64Array.from(means);
    this.#noiseStd = noiseStd;
  }

  /** A copy of the arms' means. */
  get means(): Float64Array {
    return Float64Array.from(this.#means);
  }

  expectedReward(_t: number, arm: number): number {
    assertArm('GaussianBandit.expectedReward', arm, this.#means.length);
    return this.#means[arm]!;
  }

  pull(rng: Rng, _t: number, arm: number): number {
    assertRng('GaussianBandit.pull', rng);
    assertArm('GaussianBandit.pull', arm, this.#means.length);
    return this.#means[arm]! + this.#noiseStd * sampleStandardNormal(rng);
  }
}
