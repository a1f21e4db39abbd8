import type { Rng } from '@x/linalg';
import {
  assertFiniteVector,
  assertFunction,
  assertInteger,
  MAX_ARRAY_LENGTH,
} from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm } from '../core/validation.ts';

/**
 * An oblivious adversary: the rewards of every arm in every round are fixed in advance in a
 * table (rows are rounds). The regret of {@link simulateBandit} is then measured against the best
 * fixed arm in hindsight.
 *
 * @example
 * // Rewards chosen in advance: arm 1 is best for the first half, arm 0 for the second.
 * const env = AdversarialBandit.fromFunction(1000, 2, (t, arm) => (t < 500 ? arm : 1 - arm));
 * simulateBandit(createRng(1), env, (e) => new Exp3(e.arms, { rounds: 1000 }), { rounds: 1000 });
 */
export class AdversarialBandit implements BanditEnvironment {
  readonly arms: number;
  /** T: the rounds the table covers (later rounds repeat it). */
  readonly rounds: number;
  readonly #table: Float64Array;

  /**
   * @param rewards - row-major T x K table of rewards in [0, 1]
   * @param arms - K
   * @throws RangeError if the table is not a whole number of rows or a reward is outside [0, 1]
   */
  constructor(rewards: ArrayLike<number>, arms: number) {
    assertInteger('AdversarialBandit', 'arms', arms, 1);
    assertFiniteVector('AdversarialBandit', 'rewards', rewards, undefined, { min: 0, max: 1 });
    if (rewards.length === 0 || rewards.length % arms !== 0) {
      throw new RangeError(
        `AdversarialBandit: rewards must hold T rows of ${arms}, got length ${rewards.length}`,
      );
    }
    this.arms = arms;
    this.rounds = rewards.length / arms;
    this.#table = Float64Array.from(rewards);
  }

  /**
   * A table from a function of (t, arm), e.g. a switching or periodic adversary.
   * @throws RangeError as the constructor
   */
  static fromFunction(
    rounds: number,
    arms: number,
    reward: (t: number, arm: number) => number,
  ): AdversarialBandit {
    assertInteger('AdversarialBandit.fromFunction', 'rounds', rounds, 1);
    assertInteger('AdversarialBandit.fromFunction', 'arms', arms, 1);
    if (rounds * arms > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `AdversarialBandit.fromFunction: rounds * arms must be at most ${MAX_ARRAY_LENGTH}, got ${rounds * arms}`,
      );
    assertFunction('AdversarialBandit.fromFunction', 'reward', reward);
    const table = new Float64Array(rounds * arms);
    for (let t = 0; t < rounds; t++)
      for (let a = 0; a < arms; a++) table[t * arms + a] = reward(t, a);
    return new AdversarialBandit(table, arms);
  }

  expectedReward(t: number, arm: number): number {
    assertInteger('AdversarialBandit.expectedReward', 't', t, 0);
    assertArm('AdversarialBandit.expectedReward', arm, this.arms);
    return this.#table[(t % this.rounds) * this.arms + arm]!;
  }

  pull(_rng: Rng, t: number, arm: number): number {
    assertInteger('AdversarialBandit.pull', 't', t, 0);
    assertArm('AdversarialBandit.pull', arm, this.arms);
    return this.#table[(t % this.rounds) * this.arms + arm]!;
  }
}
