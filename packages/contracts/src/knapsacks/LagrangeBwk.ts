import { Exp3, Hedge } from '@x/bandits';
import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import {
  asCaller,
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertPositive,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readObject,
} from '@x/linalg/validate';

/** The sizes a {@link LagrangeBwk} learner needs; a {@link KnapsackBandit} has them. */
export interface KnapsackShape {
  /** Arms, the null arm (no reward, no consumption) last. */
  readonly arms: number;
  readonly resources: number;
  readonly budget: number;
  readonly rounds: number;
}

/**
 * LagrangeBwK: bandits with knapsacks as a repeated Lagrangian game. The primal player (EXP3
 * over the arms) maximises and the dual player (Hedge over the resources and a dummy resource
 * consumed at rate B/T, standing for time) minimises
 * $$L(a, \lambda) = r(a) + \sum_i \lambda_i \big(1 - \tfrac{T}{B} c_i(a)\big),$$
 * each round on the observed reward and consumption (the primal's payoff is L at the dual's
 * current mixture, rescaled from $[1 - T/B, 2]$ to [0, 1]). Play moves to the null arm once some
 * resource has less than one unit left. Regret against the LP benchmark is $O(\tfrac{T}{B}
 * (R_1(T) + R_2(T)))$ with $R_1, R_2$ the two players' regret bounds, about $\tfrac{T}{B}\sqrt{TK
 * \log K}$ here.
 *
 * @example
 * const env = new KnapsackBandit({ rewards: [0.9, 0.5], consumption: [[0.8], [0.1]], budget: 100, rounds: 1000 });
 * const learner = new LagrangeBwk(env);
 * const arm = learner.select(createRng(1));
 * learner.update(arm, 1, [0]); // the reward and each resource's consumption
 *
 * References: Immorlica, Sankararaman, Schapire and Slivkins, "Adversarial Bandits with
 * Knapsacks", FOCS 2019, arXiv:1811.11881 (LagrangeBwK, the stochastic analysis); Slivkins,
 * arXiv:1904.07272, Chapter 10.
 */
export class LagrangeBwk {
  readonly arms: number;
  readonly resources: number;
  readonly budget: number;
  readonly rounds: number;
  #primal: Exp3;
  #dual: Hedge;
  readonly #spent: Float64Array;
  readonly #dualReward: Float64Array;
  readonly #lambda: Float64Array;

  /** @throws RangeError on bad sizes, budget or rounds */
  constructor(shape: KnapsackShape) {
    const fn = 'LagrangeBwk';
    const { arms, resources, budget, rounds } = readObject(fn, 'shape', shape);
    assertInteger(fn, 'arms', arms, 2, 1 << 20);
    assertInteger(fn, 'resources', resources, 1, 1 << 16);
    assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
    assertPositive(fn, 'budget', budget);
    if (budget > rounds)
      throw new RangeError(`${fn}: budget must be at most rounds (${rounds}), got ${budget}`);
    this.arms = arms;
    this.resources = resources;
    this.budget = budget;
    this.rounds = rounds;
    this.#primal = new Exp3(arms, { rounds });
    this.#dual = new Hedge(resources + 1, { rounds });
    this.#spent = new Float64Array(resources);
    this.#dualReward = new Float64Array(resources + 1);
    this.#lambda = new Float64Array(resources + 1);
  }

  /** Whether some resource has less than one unit left: play is then the null arm. */
  get exhausted(): boolean {
    for (let i = 0; i < this.resources; i++) if (this.budget - this.#spent[i]! < 1) return true;
    return false;
  }

  /** The arm to pull: EXP3's choice, or the null arm once a resource is exhausted. */
  select(rng: Rng): number {
    if (this.exhausted) return this.arms - 1;
    return asCaller('LagrangeBwk.select', () => this.#primal.select(rng));
  }

  /**
   * Learns from a pull: its reward and each resource's consumption, all in [0, 1].
   * @throws RangeError on a bad arm, reward or consumption (nothing is changed)
   */
  update(arm: number, reward: number, consumption: ArrayLike<number>): void {
    const fn = 'LagrangeBwk.update';
    assertInteger(fn, 'arm', arm, 0, this.arms - 1);
    assertInRange(fn, 'reward', reward, 0, 1);
    assertFiniteVector(fn, 'consumption', consumption, this.resources, { min: 0, max: 1 });
    const d = this.resources;
    const scale = this.rounds / this.budget;
    const lambda = this.#dual.probabilities(this.#lambda);
    let lagrangian = reward;
    for (let i = 0; i < d; i++) lagrangian += lambda[i]! * (1 - scale * consumption[i]!);
    // L lies in [1 - T/B, 2]: rescaled to [0, 1] for EXP3 (clipped against rounding).
    const payoff = Math.min(1, Math.max(0, (lagrangian - (1 - scale)) / (1 + scale)));
    asCaller(fn, () => this.#primal.update(arm, payoff));
    for (let i = 0; i < d; i++) this.#dualReward[i] = consumption[i]!;
    this.#dualReward[d] = this.budget / this.rounds;
    this.#dual.update(this.#dualReward);
    for (let i = 0; i < d; i++) this.#spent[i] = this.#spent[i]! + consumption[i]!;
  }

  /** The learner as JSON data: its sizes, both players' states and the resources spent. */
  toJSON(): LearnerState {
    return {
      type: 'LagrangeBwk',
      version: LEARNER_STATE_VERSION,
      params: {
        arms: this.arms,
        resources: this.resources,
        budget: this.budget,
        rounds: this.rounds,
      },
      stats: {
        primal: this.#primal.toJSON() as unknown as JsonValue,
        dual: this.#dual.toJSON() as unknown as JsonValue,
        spent: Array.from(this.#spent),
      },
    };
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): LagrangeBwk {
    const fn = 'LagrangeBwk.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'LagrangeBwk');
    const learner = asCaller(
      fn,
      () =>
        new LagrangeBwk({
          arms: params.number('arms'),
          resources: params.number('resources'),
          budget: params.number('budget'),
          rounds: params.number('rounds'),
        }),
    );
    const primal = asCaller(fn, () => Exp3.fromJSON(stats.value('primal')));
    const dual = asCaller(fn, () => Hedge.fromJSON(stats.value('dual')));
    const p = primal.toJSON().params;
    const q = dual.toJSON().params;
    if (
      p['arms'] !== learner.arms ||
      p['rounds'] !== learner.rounds ||
      p['implicitExploration'] !== false
    )
      throw new RangeError(
        `${fn}: state.stats.primal does not match ${learner.arms} arms and ${learner.rounds} rounds`,
      );
    if (
      q['experts'] !== learner.resources + 1 ||
      q['rounds'] !== learner.rounds ||
      q['learningRate'] !== null
    )
      throw new RangeError(
        `${fn}: state.stats.dual does not match ${learner.resources + 1} resources and ${learner.rounds} rounds`,
      );
    learner.#primal = primal;
    learner.#dual = dual;
    learner.#spent.set(stats.numbers('spent', learner.resources, { min: 0, max: learner.budget }));
    return learner;
  }
}
