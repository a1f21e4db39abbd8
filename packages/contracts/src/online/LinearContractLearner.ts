import { Ucb1 } from '@x/bandits';
import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import {
  asCaller,
  assertInteger,
  assertPositive,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';

/** Options of {@link LinearContractLearner}. */
export interface LinearContractLearnerOptions {
  /** The number of rounds T the grid is tuned for: $K = \lceil T^{1/3} \rceil$. */
  readonly rounds: number;
  /** The largest reward of any outcome (a known bound): the principal earns within $[0, r_{\max}]$. */
  readonly rewardMax: number;
  /** The grid size K (shares $0, 1/K, \dots, 1$). @default $\lceil T^{1/3} \rceil$ */
  readonly gridSize?: number;
}

/**
 * Learning the best linear contract online when the agent's costs and outcome laws are unknown
 * (the discretised learner of Zhu et al., arXiv:2211.05732, for linear contracts): UCB1 over the
 * shares $0, 1/K, \dots, 1$ with the principal's utility $(1 - \alpha) r_j$ as the reward. As the
 * share grows the agent's expected reward never falls, so the grid point just above the best
 * share loses at most $r_{\max}/K$ per round; with $K = \lceil T^{1/3} \rceil$ the regret against
 * the best linear contract is $O(r_{\max} T^{2/3}\sqrt{\log T})$.
 *
 * @example
 * const learner = new LinearContractLearner({ rounds: 1000, rewardMax: 10 });
 * const share = learner.select(createRng(1)); // the share offered this round
 * learner.update(share, 8.5); // the principal kept 8.5 of the outcome's reward
 *
 * References: Zhu, Bates, Yang, Wang, Jiao and Jordan, "The Sample Complexity of Online Contract
 * Design", arXiv:2211.05732 (linear contracts, T^{2/3}); Auer, Cesa-Bianchi and Fischer,
 * "Finite-time Analysis of the Multiarmed Bandit Problem", Machine Learning 47, 2002 (UCB1).
 */
export class LinearContractLearner {
  /** The shares on offer, $i/K$ for $i = 0, \dots, K$. */
  readonly shares: Float64Array;
  readonly #rounds: number;
  readonly #rewardMax: number;
  #ucb: Ucb1;

  /** @throws RangeError on bad options */
  constructor(options: LinearContractLearnerOptions) {
    const fn = 'LinearContractLearner';
    if (options === undefined)
      throw new TypeError(`${fn}: options { rounds, rewardMax } are required`);
    const { rounds, rewardMax, gridSize } = readOptions(fn, options);
    assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
    assertPositive(fn, 'rewardMax', rewardMax);
    // ceil(T^(1/3)) in integers (at most 1291 steps for T < 2^31): no engine-dependent cbrt.
    let K = 1;
    while (K * K * K < rounds) K++;
    if (gridSize !== undefined) K = gridSize;
    assertInteger(fn, 'gridSize', K, 1, 1 << 20);
    this.shares = Float64Array.from({ length: K + 1 }, (_, i) => i / K);
    this.#rounds = rounds;
    this.#rewardMax = rewardMax;
    this.#ucb = new Ucb1(K + 1, { rewardMin: 0, rewardMax });
  }

  /** The share to offer this round. */
  select(rng: Rng): number {
    return this.shares[asCaller('LinearContractLearner.select', () => this.#ucb.select(rng))]!;
  }

  /**
   * Records what the principal kept, $(1 - \alpha) r_j$, under an offered share.
   * @throws RangeError if `share` is not on the grid or the utility is outside [0, rewardMax]
   */
  update(share: number, utility: number): void {
    const fn = 'LinearContractLearner.update';
    const i = this.shares.indexOf(share);
    if (i === -1)
      throw new RangeError(
        `${fn}: share must be one of the grid's ${this.shares.length} shares, got ${share}`,
      );
    asCaller(fn, () => this.#ucb.update(i, utility));
  }

  /** The learner as JSON data (parameters and the UCB statistics), for saving and resuming. */
  toJSON(): LearnerState {
    return {
      type: 'LinearContractLearner',
      version: LEARNER_STATE_VERSION,
      params: {
        rounds: this.#rounds,
        rewardMax: this.#rewardMax,
        gridSize: this.shares.length - 1,
      },
      stats: { ucb: this.#ucb.toJSON() as unknown as JsonValue },
    };
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): LinearContractLearner {
    const fn = 'LinearContractLearner.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'LinearContractLearner');
    const learner = asCaller(
      fn,
      () =>
        new LinearContractLearner({
          rounds: params.number('rounds'),
          rewardMax: params.number('rewardMax'),
          gridSize: params.number('gridSize'),
        }),
    );
    const ucb = asCaller(fn, () => Ucb1.fromJSON(stats.value('ucb')));
    const { params: stored } = ucb.toJSON();
    if (
      stored['arms'] !== learner.shares.length ||
      stored['rewardMin'] !== 0 ||
      stored['rewardMax'] !== learner.#rewardMax
    )
      throw new RangeError(
        `${fn}: state.stats.ucb does not match the grid (${learner.shares.length} shares, rewards in [0, ${learner.#rewardMax}])`,
      );
    learner.#ucb = ucb;
    return learner;
  }
}
