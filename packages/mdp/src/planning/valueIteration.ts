import {
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertOneOf,
  assertPositive,
  readOptions,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { greedyFromValues, type PlanningResult } from './PlanningResult.ts';

/** Options of {@link valueIteration}. */
export interface ValueIterationOptions {
  /** Target accuracy $\epsilon$: the returned values satisfy $\|V - V^*\|_\infty \le \epsilon$. @default 1e-6 */
  readonly epsilon?: number;
  /** 'jacobi' (synchronous sweeps) or 'gauss-seidel' (in-place sweeps, usually fewer). @default 'gauss-seidel' */
  readonly method?: 'jacobi' | 'gauss-seidel';
  /** A cap on sweeps; if it is hit first, `converged` is false and `errorBound` says how far off the values may be. @default 1e7 */
  readonly maxIterations?: number;
  /** Starting values (length S). @default zeros */
  readonly initialValues?: ArrayLike<number>;
}

/**
 * Value iteration for a discounted MDP: $V_{k+1}(s) = \max_a [R(s,a) + \gamma \sum_{s'}
 * P(s'|s,a) V_k(s')]$ (Jacobi), or the same update in place (Gauss-Seidel). It stops as soon as
 * $\|V_{k+1} - V_k\|_\infty \le \epsilon(1-\gamma)/\gamma$, which guarantees $\|V_{k+1} -
 * V^*\|_\infty \le \gamma\|V_{k+1} - V_k\|_\infty / (1 - \gamma) \le \epsilon$ because both
 * updates are $\gamma$-contractions in the sup norm. (A span-based stopping rule does not give
 * this: it bounds the greedy policy's loss, while the values themselves may be far from $V^*$.)
 * The iteration cap never overrides the guarantee silently: `converged` and `errorBound` report
 * what holds.
 *
 * @param mdp - the model
 * @param gamma - discount factor, in [0, 1)
 * @throws RangeError if gamma is outside [0, 1) or an option is invalid
 *
 * @example
 * const result = valueIteration(riverSwim(6), 0.95, { epsilon: 1e-8 });
 * result.policy; // Int32Array: swim right (action 1) in every state
 * result.errorBound; // a guaranteed bound on |V - V*|, at most 1e-8
 *
 * References: Puterman, Markov Decision Processes, 1994, Theorem 6.3.1 (value iteration) and
 * Section 6.3.3 (Gauss-Seidel); Bertsekas, Dynamic Programming and Optimal Control, Vol. II,
 * Section 1.3.
 */
export function valueIteration(
  mdp: Mdp,
  gamma: number,
  options: ValueIterationOptions = {},
): PlanningResult {
  const {
    epsilon = 1e-6,
    method = 'gauss-seidel',
    maxIterations = 1e7,
    initialValues,
  } = readOptions('valueIteration', options);
  const fn = 'valueIteration';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertMdp(fn, mdp, gamma);
  assertPositive(fn, 'epsilon', epsilon);
  assertInteger(fn, 'maxIterations', maxIterations, 1);
  assertOneOf(fn, 'method', method, ['jacobi', 'gauss-seidel']);
  const S = mdp.states;
  const A = mdp.actions;
  let v = new Float64Array(S);
  if (initialValues !== undefined) {
    assertFiniteVector(fn, 'initialValues', initialValues, S);
    v.set(initialValues);
  }
  let w = method === 'jacobi' ? new Float64Array(S) : v;
  const { rowStart, next, prob, reward } = mdp;
  const threshold = gamma === 0 ? Number.POSITIVE_INFINITY : (epsilon * (1 - gamma)) / gamma;
  let iterations = 0;
  let change = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    change = 0;
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const r = s * A + a;
        let e = 0;
        for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) e += prob[k]! * v[next[k]!]!;
        const q = reward[r]! + gamma * e;
        if (q > best) best = q;
      }
      const d = Math.abs(best - v[s]!);
      if (d > change) change = d;
      w[s] = best;
    }
    iterations++;
    if (method === 'jacobi') [v, w] = [w, v];
    if (change <= threshold) break;
  }
  const converged = change <= threshold;
  const errorBound = gamma === 0 ? 0 : (gamma * change) / (1 - gamma);
  const { q, policy } = greedyFromValues(mdp, gamma, v);
  return { values: v, q, policy, iterations, converged, errorBound };
}
