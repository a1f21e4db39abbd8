/** What a planner returns. */
export interface PlanningResult {
  /** State values V(s). */
  readonly values: Float64Array;
  /** Action values Q(s, a), row-major S x A. */
  readonly q: Float64Array;
  /** A greedy policy: an action per state (ties to the lowest action, for reproducible plans). */
  readonly policy: Int32Array;
  /** Iterations (sweeps, or policy improvements) performed. */
  readonly iterations: number;
  /** Whether the stopping rule's guarantee was reached (false only when the iteration cap hit first). */
  readonly converged: boolean;
  /** A guaranteed bound on $\|V - V^*\|_\infty$ for the returned values (0 for exact methods). */
  readonly errorBound: number;
}

/** Q(s, a) = R(s, a) + gamma * sum_s' P(s'|s,a) V(s'), and the greedy policy and its values. */
export function greedyFromValues(
  mdp: {
    states: number;
    actions: number;
    reward: Float64Array;
    expectedNext(s: number, a: number, v: ArrayLike<number>): number;
  },
  gamma: number,
  values: Float64Array,
): { q: Float64Array; policy: Int32Array } {
  const S = mdp.states;
  const A = mdp.actions;
  const q = new Float64Array(S * A);
  const policy = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) {
      const v = mdp.reward[s * A + a]! + gamma * mdp.expectedNext(s, a, values);
      q[s * A + a] = v;
      if (v > best) {
        best = v;
        policy[s] = a;
      }
    }
  }
  return { q, policy };
}
