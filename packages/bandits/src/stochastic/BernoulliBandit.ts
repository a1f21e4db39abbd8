import type { Rng } from '@x/linalg';
import { assertRng } from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm, assertFiniteMeans } from '../core/validation.ts';

/**
 * Stochastic bandit with Bernoulli arms: arm a pays 1 with probability $\mu_a$, else 0.
 *
 * @example
 * const env = new BernoulliBandit([0.1, 0.5, 0.45]);
 */
export class BernoulliBandit implements BanditEnvironment {
  readonly arms: number;
  readonly #means: Float64Array;

  /**
   * @param means - success probabilities, each in [0, 1], at least one
   * @throws RangeError on an empty list or a probability outside [0, 1]
   */
  constructor(means: ArrayLike<number>) {
    assertFiniteMeans('BernoulliBandit', means, 0, 1);
    this.arms = means.length;
    this.#means = Float64Array.from(means);
  }

  /** A copy of the arms' means. */
  get means(): Float64Array {
    return Float64Array.from(this.#means);
  }

  expectedReward(_t: number, arm: number): number {
    assertArm('BernoulliBandit.expectedReward', arm, this.#means.length);
    return this.#means[arm]!;
  }

  pull(rng: Rng, _t: number, arm: number): number {
    assertRng('BernoulliBandit.pull', rng);
    assertArm('BernoulliBandit.pull', arm, this.#means.length);
    return rng.nextFloat64() < this.#means[arm]! ? 1 : 0;
  }
}
