import { assertInRange, assertInteger, luSolve, Matrix } from '@x/linalg';
import type { Mdp } from '../model/Mdp.ts';
import { greedyFromValues, type PlanningResult } from './PlanningResult.ts';

/**
 * The exact value of a stationary policy: the solution of $(I - \gamma P_\pi) V = R_\pi$ by LU
 * decomposition (ml-matrix), $O(S^3)$.
 *
 * @throws RangeError if gamma is outside [0, 1) or the policy names an invalid action
 *
 * References: Puterman, Markov Decision Processes, 1994, Theorem 6.1.1.
 */
export function evaluatePolicy(mdp: Mdp, gamma: number, policy: ArrayLike<number>): Float64Array {
  const fn = 'evaluatePolicy';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  const S = mdp.states;
  const A = mdp.actions;
  if (policy.length !== S)
    throw new TypeError(`${fn}: policy must have length ${S}, got ${policy.length}`);
  const m = Matrix.eye(S);
  const rhs = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const a = policy[s]!;
    assertInteger(fn, `policy[${s}]`, a, 0, A - 1);
    const r = s * A + a;
    rhs[s] = mdp.reward[r]!;
    for (let k = mdp.rowStart[r]!; k < mdp.rowStart[r + 1]!; k++) {
      const j = mdp.next[k]!;
      m.set(s, j, m.get(s, j) - gamma * mdp.prob[k]!);
    }
  }
  return luSolve(m, rhs);
}

/**
 * Policy iteration (Howard): evaluate the current policy exactly, switch each state to a greedy
 * action when it improves the value by more than a rounding margin, repeat until no state
 * changes; the final policy is optimal and its values are $V^*$ up to the solver's rounding.
 *
 * @param mdp - the model
 * @param gamma - discount factor, in [0, 1)
 * @throws RangeError if gamma is outside [0, 1)
 *
 * References: Howard, Dynamic Programming and Markov Processes, 1960; Puterman, Markov Decision
 * Processes, 1994, Section 6.4 (Theorem 6.4.2: finite convergence).
 */
export function policyIteration(
  mdp: Mdp,
  gamma: number,
  { maxIterations = 10_000 }: { readonly maxIterations?: number } = {},
): PlanningResult {
  const fn = 'policyIteration';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertInteger(fn, 'maxIterations', maxIterations, 1);
  const S = mdp.states;
  const A = mdp.actions;
  let policy = new Int32Array(S);
  let values = evaluatePolicy(mdp, gamma, policy);
  let iterations = 0;
  let stable = false;
  while (!stable && iterations < maxIterations) {
    iterations++;
    stable = true;
    const improved = new Int32Array(policy);
    for (let s = 0; s < S; s++) {
      const current =
        mdp.reward[s * A + policy[s]!]! + gamma * mdp.expectedNext(s, policy[s]!, values);
      let best = current;
      // Switch only on a real improvement: the margin keeps rounding from cycling between ties.
      const margin = 1e-12 * (1 + Math.abs(current));
      for (let a = 0; a < A; a++) {
        const q = mdp.reward[s * A + a]! + gamma * mdp.expectedNext(s, a, values);
        if (q > best + margin) {
          best = q;
          improved[s] = a;
          stable = false;
        }
      }
    }
    if (!stable) {
      policy = improved;
      values = evaluatePolicy(mdp, gamma, policy);
    }
  }
  const { q } = greedyFromValues(mdp, gamma, values);
  return { values, q, policy, iterations, converged: stable, errorBound: 0 };
}
