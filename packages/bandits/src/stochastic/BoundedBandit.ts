import { type Rng, sampleBeta } from '@x/linalg';
import { assertFinite, assertRng, formatValue } from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm } from '../core/validation.ts';

/** One arm of a {@link BoundedBandit}: its mean (for regret) and a sampler of its rewards. */
export interface BoundedArm {
  readonly mean: number;
  readonly sample: (rng: Rng) => number;
}

/**
 * A stochastic bandit with arbitrary reward distributions on a bounded interval $[a, b]$: each
 * arm is a sampler with a known mean (used only for regret). Every draw is checked against the
 * interval, so a mis-specified arm fails loudly instead of corrupting a run.
 *
 * @example
 * // Beta-distributed rewards: skewed, not Bernoulli
 * const env = BoundedBandit.beta([[2, 5], [5, 2], [1, 1]]);
 */
export class BoundedBandit implements BanditEnvironment {
  readonly arms: number;
  readonly rewardMin: number;
  readonly rewardMax: number;
  readonly #arms: readonly BoundedArm[];

  /**
   * @param arms - the arms, at least one, each mean within the interval
   * @param rewardMin - a, default 0
   * @param rewardMax - b > a, default 1
   * @throws RangeError on an empty list, a bad interval or a mean outside it
   */
  constructor(arms: readonly BoundedArm[], rewardMin = 0, rewardMax = 1) {
    assertFinite('BoundedBandit', 'rewardMin', rewardMin);
    assertFinite('BoundedBandit', 'rewardMax', rewardMax);
    if (!(rewardMax > rewardMin))
      throw new RangeError(
        `BoundedBandit: rewardMax must be > rewardMin (${rewardMin}), got ${rewardMax}`,
      );
    if (!Array.isArray(arms) || arms.length === 0)
      throw new RangeError('BoundedBandit: arms must be a non-empty array');
    arms.forEach((a, i) => {
      if (typeof a?.sample !== 'function')
        throw new TypeError(`BoundedBandit: arms[${i}].sample must be a function`);
      if (!(a.mean >= rewardMin && a.mean <= rewardMax))
        throw new RangeError(
          `BoundedBandit: arms[${i}].mean must be in [${rewardMin}, ${rewardMax}], got ${formatValue(a.mean)}`,
        );
    });
    this.arms = arms.length;
    this.rewardMin = rewardMin;
    this.rewardMax = rewardMax;
    this.#arms = [...arms];
  }

  /**
   * Arms with Beta(alpha, beta) rewards on [0, 1] (means alpha / (alpha + beta)).
   * @throws RangeError on non-positive parameters
   */
  static beta(parameters: readonly (readonly [number, number])[]): BoundedBandit {
    return new BoundedBandit(
      parameters.map(([a, b]) => ({
        mean: a / (a + b),
        sample: (rng: Rng) => sampleBeta(rng, a, b),
      })),
    );
  }

  expectedReward(_t: number, arm: number): number {
    assertArm('BoundedBandit.expectedReward', arm, this.#arms.length);
    return this.#arms[arm]!.mean;
  }

  pull(rng: Rng, _t: number, arm: number): number {
    assertRng('BoundedBandit.pull', rng);
    assertArm('BoundedBandit.pull', arm, this.#arms.length);
    const r = this.#arms[arm]!.sample(rng);
    if (!(r >= this.rewardMin && r <= this.rewardMax)) {
      throw new RangeError(
        `BoundedBandit.pull: arm ${arm} drew ${formatValue(r)}, outside [${this.rewardMin}, ${this.rewardMax}]`,
      );
    }
    return r;
  }
}
