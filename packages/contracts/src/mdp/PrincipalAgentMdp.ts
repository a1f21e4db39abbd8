import {
  assertFiniteVector,
  assertInteger,
  MAX_ARRAY_LENGTH,
  readObject,
} from '@x/linalg/validate';

/** The data of a {@link PrincipalAgentMdp}. */
export interface PrincipalAgentMdpData {
  /** The number of states S. */
  readonly states: number;
  /** The number of agent actions A. */
  readonly actions: number;
  /** The episode length H. */
  readonly horizon: number;
  /** $P(s' \mid s, a)$ at `transitions[(s * A + a) * S + s']`; each row sums to 1. */
  readonly transitions: ArrayLike<number>;
  /** The agent's cost $c(s, a) \ge 0$ at `costs[s * A + a]`. */
  readonly costs: ArrayLike<number>;
  /** The principal's reward $r(s, s')$ for moving from s to s', at `rewards[s * S + s']`. */
  readonly rewards: ArrayLike<number>;
  /** The state episodes start in. @default 0 */
  readonly start?: number;
}

/**
 * A principal-agent MDP (the library's reading of the model of Wu et al., arXiv:2407.01458): at
 * each step h of an episode of length H, in state s, the principal commits to payments
 * $x_h(s)(s') \ge 0$ contingent on the next state; the agent, far-sighted, picks a hidden action
 * a at cost $c(s, a)$; the next state is drawn from $P(\cdot \mid s, a)$; the agent receives
 * $x_h(s)(s')$ and the principal $r(s, s') - x_h(s)(s')$. Transitions, costs and rewards are the
 * same at every step (the library's choice; the paper allows them to depend on h).
 *
 * @example
 * // Two states; in state 0 the agent may work (cost 0.2) to reach the good state 1 more often.
 * const problem = new PrincipalAgentMdp({
 *   states: 2, actions: 2, horizon: 3,
 *   transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
 *   costs: [0, 0.2, 0, 0.2],
 *   rewards: [0, 1, 0, 1],
 * });
 * problem.probability(0, 1, 1); // 0.7
 *
 * References: Wu, Chen, Wang, Wang and Xu, "Contractual Reinforcement Learning: Pulling Arms
 * with Invisible Hands", arXiv:2407.01458 (abstract; the model here is the library's
 * reconstruction).
 */
export class PrincipalAgentMdp {
  readonly states: number;
  readonly actions: number;
  readonly horizon: number;
  readonly start: number;
  /** $P(s' \mid s, a)$, row-major (s, a, s'). @internal */
  readonly transitions: Float64Array;
  /** $c(s, a)$. @internal */
  readonly costs: Float64Array;
  /** $r(s, s')$. @internal */
  readonly rewards: Float64Array;

  /**
   * @throws TypeError on a malformed shape; RangeError on a bad size, a probability outside
   *   [0, 1], a row not summing to 1 (within 1e-9 S), a negative cost or a non-finite reward
   */
  constructor(data: PrincipalAgentMdpData) {
    const fn = 'PrincipalAgentMdp';
    const {
      states,
      actions,
      horizon,
      transitions,
      costs,
      rewards,
      start = 0,
    } = readObject(fn, 'data', data);
    assertInteger(fn, 'states', states, 1, 1 << 12);
    assertInteger(fn, 'actions', actions, 1, 1 << 12);
    assertInteger(fn, 'horizon', horizon, 1, 1 << 16);
    assertInteger(fn, 'start', start, 0, states - 1);
    const S = states;
    const A = actions;
    if (S * A * S > MAX_ARRAY_LENGTH || (horizon + 1) * S * S > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `${fn}: S x A x S and (H + 1) x S x S must be at most ${MAX_ARRAY_LENGTH}`,
      );
    assertFiniteVector(fn, 'transitions', transitions, S * A * S, { min: 0, max: 1 });
    for (let i = 0; i < S * A; i++) {
      let sum = 0;
      for (let j = 0; j < S; j++) sum += transitions[i * S + j]!;
      if (!(Math.abs(sum - 1) <= 1e-9 * S))
        throw new RangeError(
          `${fn}: transitions of state ${Math.floor(i / A)}, action ${i % A} must sum to 1, got ${sum}`,
        );
    }
    assertFiniteVector(fn, 'costs', costs, S * A, { min: 0 });
    assertFiniteVector(fn, 'rewards', rewards, S * S);
    this.states = S;
    this.actions = A;
    this.horizon = horizon;
    this.start = start;
    this.transitions = Float64Array.from(transitions);
    this.costs = Float64Array.from(costs);
    this.rewards = Float64Array.from(rewards);
  }

  /** $P(s' \mid s, a)$. */
  probability(state: number, action: number, next: number): number {
    const fn = 'PrincipalAgentMdp.probability';
    assertInteger(fn, 'state', state, 0, this.states - 1);
    assertInteger(fn, 'action', action, 0, this.actions - 1);
    assertInteger(fn, 'next', next, 0, this.states - 1);
    return this.transitions[(state * this.actions + action) * this.states + next]!;
  }

  /** Checks a contract policy: H x S x S payments, finite and >= 0, at `[(h * S + s) * S + s']`. @internal */
  assertPayments(fn: string, payments: unknown): asserts payments is ArrayLike<number> {
    const S = this.states;
    assertFiniteVector(fn, 'payments', payments, this.horizon * S * S, { min: 0 });
  }
}
