import type { MatrixLike, Rng } from '@x/linalg';
import {
  assertFiniteVector,
  assertInteger,
  assertPositive,
  assertRng,
  MAX_ROUNDS,
  readObject,
  toMatrix,
} from '@x/linalg/validate';

/** The data of a {@link KnapsackBandit}. */
export interface KnapsackBanditData {
  /** Each arm's mean reward, in [0, 1]. */
  readonly rewards: ArrayLike<number>;
  /** Each arm's mean consumption of each resource, K rows of d entries in [0, 1]. */
  readonly consumption: MatrixLike;
  /** The budget B of every resource (rescale resources so they share one). */
  readonly budget: number;
  /** The number of rounds T. */
  readonly rounds: number;
}

/**
 * A stochastic bandit with knapsacks: each pull of arm a gives a Bernoulli reward of mean
 * $r(a)$ and consumes each resource i with a Bernoulli draw of mean $c_i(a)$; play stops when
 * some resource has less than one unit left (a pull could then overdraw it) or after T rounds.
 * A null arm (index K: no reward, no consumption) is appended, so stopping early is possible.
 *
 * @example
 * const env = new KnapsackBandit({
 *   rewards: [0.9, 0.5], consumption: [[0.8], [0.1]], budget: 100, rounds: 1000,
 * });
 * env.arms; // 3: the two arms and the null arm
 *
 * References: Badanidiyuru, Kleinberg and Slivkins, "Bandits with Knapsacks", FOCS 2013 and
 * J. ACM 2018, arXiv:1305.2545; Slivkins, arXiv:1904.07272, Chapter 10.
 */
export class KnapsackBandit {
  /** K + 1: the given arms and the null arm. */
  readonly arms: number;
  /** The number of resources d. */
  readonly resources: number;
  readonly budget: number;
  readonly rounds: number;
  /** Mean rewards, the null arm's last. @internal */
  readonly rewardMeans: Float64Array;
  /** Mean consumptions, row-major (arm, resource). @internal */
  readonly consumptionMeans: Float64Array;

  /** @throws TypeError or RangeError on malformed data (means outside [0, 1], sizes, budget) */
  constructor(data: KnapsackBanditData) {
    const fn = 'KnapsackBandit';
    const { rewards, consumption, budget, rounds } = readObject(fn, 'data', data);
    assertFiniteVector(fn, 'rewards', rewards, undefined, { min: 0, max: 1 });
    const K = rewards.length;
    if (K === 0) throw new RangeError(`${fn}: rewards must not be empty`);
    const c = toMatrix(fn, 'consumption', consumption);
    if (c.rows !== K)
      throw new TypeError(`${fn}: consumption must have ${K} rows (one per arm), got ${c.rows}`);
    const d = c.columns;
    assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
    assertPositive(fn, 'budget', budget);
    if (budget > rounds)
      throw new RangeError(`${fn}: budget must be at most rounds (${rounds}), got ${budget}`);
    this.arms = K + 1;
    this.resources = d;
    this.budget = budget;
    this.rounds = rounds;
    this.rewardMeans = Float64Array.from({ length: K + 1 }, (_, a) => (a < K ? rewards[a]! : 0));
    this.consumptionMeans = new Float64Array((K + 1) * d);
    for (let a = 0; a < K; a++) {
      const row = c.getRow(a);
      assertFiniteVector(fn, `consumption[${a}]`, row, d, { min: 0, max: 1 });
      this.consumptionMeans.set(row, a * d);
    }
  }

  /**
   * One pull: the reward, and the consumption written into `out` (length d).
   * @throws RangeError on a bad arm or `out`
   */
  pull(rng: Rng, arm: number, out: Float64Array): number {
    const fn = 'KnapsackBandit.pull';
    assertRng(fn, rng);
    assertInteger(fn, 'arm', arm, 0, this.arms - 1);
    if (!(out instanceof Float64Array && out.length === this.resources))
      throw new TypeError(`${fn}: out must be a Float64Array of length ${this.resources}`);
    return this.pullUnchecked(rng, arm, out);
  }

  /** {@link KnapsackBandit.pull} without checks. @internal */
  pullUnchecked(rng: Rng, arm: number, out: Float64Array): number {
    const d = this.resources;
    const reward = rng.nextFloat64() < this.rewardMeans[arm]! ? 1 : 0;
    for (let i = 0; i < d; i++)
      out[i] = rng.nextFloat64() < this.consumptionMeans[arm * d + i]! ? 1 : 0;
    return reward;
  }
}
