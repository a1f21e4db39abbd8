import type { MatrixLike } from '@x/linalg';
import {
  assertFiniteVector,
  assertInteger,
  assertNonNegative,
  assertProbabilityVector,
  readObject,
  readOptions,
  toMatrix,
} from '@x/linalg/validate';

/** The data of a {@link ContractProblem}: n actions, m outcomes. */
export interface ContractProblemData {
  /** Each action's distribution over the outcomes: n rows of m probabilities summing to 1. */
  readonly outcomes: MatrixLike;
  /** Each action's cost to the agent, >= 0. */
  readonly costs: ArrayLike<number>;
  /** The principal's reward for each outcome. */
  readonly rewards: ArrayLike<number>;
}

/** Options of {@link ContractProblem.bestResponse}. */
export interface BestResponseOptions {
  /**
   * Actions whose utility is within `tolerance` of the agent's best count as tied. @default
   * 1e-7 x max(1, largest payment, largest cost): the feasibility tolerance of the linear
   * programs that design contracts, so a contract that makes the target exactly indifferent
   * still induces it
   */
  readonly tolerance?: number;
}

/**
 * A hidden-action principal-agent problem: the agent takes one of n actions at a cost $c_a$;
 * the action draws one of m outcomes from $p_a$; the principal, who sees only the outcome, earns
 * $r_j$ and pays the contract $x_j \ge 0$ (limited liability). The agent's utility is
 * $T_a - c_a$ with $T_a = \sum_j p_{aj} x_j$, the principal's $R_a - T_a$ with $R_a = \sum_j
 * p_{aj} r_j$. The agent best-responds, ties broken in the principal's favour. The standard
 * model has a free action (cost 0, the agent's outside option), which keeps the agent's utility
 * >= 0; it is not required here, but without it the agent may be held below 0.
 *
 * @example
 * // Shirk (free, success 10%) or work (cost 1, success 80%); success is worth 10.
 * const problem = new ContractProblem({
 *   outcomes: [[0.9, 0.1], [0.2, 0.8]],
 *   costs: [0, 1],
 *   rewards: [0, 10],
 * });
 * problem.bestResponse([0, 2]); // 1: paying 2 on success makes working worth it (1.6 - 1 > 0.2)
 *
 * References: Grossman and Hart, "An Analysis of the Principal-Agent Problem", Econometrica
 * 51(1), 1983; Dutting, Roughgarden and Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019,
 * arXiv:1808.03713 (the notation).
 */
export class ContractProblem {
  /** The number of actions n. */
  readonly actions: number;
  /** The number of outcomes m. */
  readonly outcomes: number;
  readonly #p: Float64Array;
  readonly #costs: Float64Array;
  readonly #rewards: Float64Array;
  readonly #expectedRewards: Float64Array;

  /**
   * @throws TypeError on a malformed shape; RangeError on a probability outside [0, 1], a row
   *   not summing to 1 (within 1e-9 m), a negative or non-finite cost or a non-finite reward
   */
  constructor(data: ContractProblemData) {
    const fn = 'ContractProblem';
    const { outcomes, costs, rewards } = readObject(fn, 'data', data);
    const p = toMatrix(fn, 'outcomes', outcomes);
    const n = p.rows;
    const m = p.columns;
    assertInteger(fn, 'n x m', n * m, 1, 1 << 24);
    assertFiniteVector(fn, 'costs', costs, n, { min: 0 });
    assertFiniteVector(fn, 'rewards', rewards, m);
    this.actions = n;
    this.outcomes = m;
    this.#p = new Float64Array(n * m);
    for (let a = 0; a < n; a++) {
      const row = p.getRow(a);
      assertProbabilityVector(fn, `outcomes[${a}]`, row, m);
      this.#p.set(row, a * m);
    }
    this.#costs = Float64Array.from(costs);
    this.#rewards = Float64Array.from(rewards);
    this.#expectedRewards = new Float64Array(n);
    for (let a = 0; a < n; a++)
      this.#expectedRewards[a] = this.expectedPaymentUnchecked(a, rewards);
  }

  /** $p_a(j)$, the probability that action a draws outcome j. */
  probability(action: number, outcome: number): number {
    this.#assertAction('ContractProblem.probability', action);
    assertInteger('ContractProblem.probability', 'outcome', outcome, 0, this.outcomes - 1);
    return this.#p[action * this.outcomes + outcome]!;
  }

  /** The agent's cost $c_a$ of an action. */
  cost(action: number): number {
    this.#assertAction('ContractProblem.cost', action);
    return this.#costs[action]!;
  }

  /** The principal's reward $r_j$ for an outcome. */
  reward(outcome: number): number {
    assertInteger('ContractProblem.reward', 'outcome', outcome, 0, this.outcomes - 1);
    return this.#rewards[outcome]!;
  }

  /** The expected reward $R_a = \sum_j p_{aj} r_j$ of an action. */
  expectedReward(action: number): number {
    this.#assertAction('ContractProblem.expectedReward', action);
    return this.#expectedRewards[action]!;
  }

  /** The expected payment $T_a = \sum_j p_{aj} x_j$ of an action under a contract. */
  expectedPayment(action: number, contract: ArrayLike<number>): number {
    const fn = 'ContractProblem.expectedPayment';
    this.#assertAction(fn, action);
    this.assertContract(fn, contract);
    return this.expectedPaymentUnchecked(action, contract);
  }

  /**
   * The action the agent takes under a contract: the largest utility $T_a - c_a$, ties (within
   * `tolerance`) broken in the principal's favour (the largest $R_a - T_a$, then the lowest
   * index).
   * @throws RangeError on a contract of the wrong length or with a negative or non-finite payment
   */
  bestResponse(contract: ArrayLike<number>, options: BestResponseOptions = {}): number {
    const fn = 'ContractProblem.bestResponse';
    const { tolerance } = readOptions(fn, options);
    this.assertContract(fn, contract);
    if (tolerance !== undefined) assertNonNegative(fn, 'tolerance', tolerance);
    return this.bestResponseUnchecked(contract, tolerance ?? this.defaultTolerance(contract));
  }

  /** The default tie tolerance of {@link ContractProblem.bestResponse} for a contract. @internal */
  defaultTolerance(contract: ArrayLike<number>): number {
    let scale = 1;
    for (let j = 0; j < contract.length; j++) scale = Math.max(scale, contract[j]!);
    for (let a = 0; a < this.actions; a++) scale = Math.max(scale, this.#costs[a]!);
    return 1e-7 * scale;
  }

  /** {@link ContractProblem.bestResponse} without its checks. @internal */
  bestResponseUnchecked(contract: ArrayLike<number>, tolerance: number): number {
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < this.actions; a++)
      best = Math.max(best, this.expectedPaymentUnchecked(a, contract) - this.#costs[a]!);
    let choice = -1;
    let principal = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < this.actions; a++) {
      const t = this.expectedPaymentUnchecked(a, contract);
      if (t - this.#costs[a]! < best - tolerance) continue;
      const u = this.#expectedRewards[a]! - t;
      if (u > principal) {
        principal = u;
        choice = a;
      }
    }
    return choice;
  }

  /** $p_a(j)$ without checks. @internal */
  probabilityUnchecked(action: number, outcome: number): number {
    return this.#p[action * this.outcomes + outcome]!;
  }

  /** $\sum_j p_{aj} x_j$ without checks. @internal */
  expectedPaymentUnchecked(action: number, x: ArrayLike<number>): number {
    const m = this.outcomes;
    let t = 0;
    for (let j = 0; j < m; j++) t += this.#p[action * m + j]! * x[j]!;
    return t;
  }

  /** Checks a contract: m payments, finite and >= 0 (limited liability). @internal */
  assertContract(fn: string, contract: unknown): asserts contract is ArrayLike<number> {
    assertFiniteVector(fn, 'contract', contract, this.outcomes, { min: 0 });
  }

  #assertAction(fn: string, action: number): void {
    assertInteger(fn, 'action', action, 0, this.actions - 1);
  }
}
