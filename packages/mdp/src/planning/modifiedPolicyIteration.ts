import { assertInRange, assertInteger, assertPositive, readOptions } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { greedyFromValues, type PlanningResult } from './PlanningResult.ts';

/** Options of {@link modifiedPolicyIteration}. */
export interface ModifiedPolicyIterationOptions {
  /** Target accuracy: stops when $\|TV - V\|_\infty \le \epsilon(1-\gamma)$, so $\|V - V^*\|_\infty \le \epsilon$. @default 1e-6 */
  readonly epsilon?: number;
  /** Partial evaluation sweeps m per improvement (m = 0 is value iteration, m -> infinity policy iteration). @default 20 */
  readonly sweeps?: number;
  /** A cap on improvements. @default 1e6 */
  readonly maxIterations?: number;
}

/**
 * Modified policy iteration: improve greedily, $\pi_{k+1} \in \arg\max_\pi T_\pi V_k$, then
 * evaluate partially, $V_{k+1} = (T_{\pi_{k+1}})^{m+1} V_k$. It interpolates between value
 * iteration (m = 0) and policy iteration. Stopping rule: $\|TV_k - V_k\|_\infty \le
 * \epsilon(1-\gamma)$, which guarantees $\|V_k - V^*\|_\infty \le \|TV_k - V_k\|_\infty/(1-\gamma)
 * \le \epsilon$ (T is a $\gamma$-contraction).
 *
 * @param mdp - the model
 * @param gamma - discount, in [0, 1)
 * @throws RangeError on a bad gamma or option
 *
 * @example
 * const result = modifiedPolicyIteration(garnet(createRng(1), 50, 4, 5), 0.99, { sweeps: 10 });
 * result.converged; // true, in far fewer iterations than value iteration needs at gamma = 0.99
 *
 * References: Puterman and Shin, "Modified Policy Iteration Algorithms for Discounted Markov
 * Decision Problems", Management Science 24(11), 1978; Puterman, Markov Decision Processes, 1994,
 * Section 6.5.
 */
export function modifiedPolicyIteration(
  mdp: Mdp,
  gamma: number,
  options: ModifiedPolicyIterationOptions = {},
): PlanningResult {
  const {
    epsilon = 1e-6,
    sweeps = 20,
    maxIterations = 1e6,
  } = readOptions('modifiedPolicyIteration', options);
  const fn = 'modifiedPolicyIteration';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertMdp(fn, mdp, gamma);
  assertPositive(fn, 'epsilon', epsilon);
  assertInteger(fn, 'sweeps', sweeps, 0, 1e6);
  assertInteger(fn, 'maxIterations', maxIterations, 1);
  const S = mdp.states;
  const A = mdp.actions;
  let v = new Float64Array(S);
  let w = new Float64Array(S);
  const policy = new Int32Array(S);
  let iterations = 0;
  let residual = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    // Improvement with the Bellman residual ||TV - V||.
    residual = 0;
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const q = mdp.reward[s * A + a]! + gamma * mdp.expectedNext(s, a, v);
        if (q > best) {
          best = q;
          policy[s] = a;
        }
      }
      residual = Math.max(residual, Math.abs(best - v[s]!));
      w[s] = best;
    }
    iterations++;
    if (residual <= epsilon * (1 - gamma)) break;
    [v, w] = [w, v];
    // Partial evaluation of the greedy policy: m more sweeps of T_pi.
    for (let k = 0; k < sweeps; k++) {
      for (let s = 0; s < S; s++)
        w[s] = mdp.reward[s * A + policy[s]!]! + gamma * mdp.expectedNext(s, policy[s]!, v);
      [v, w] = [w, v];
    }
  }
  const converged = residual <= epsilon * (1 - gamma);
  const { q, policy: greedy } = greedyFromValues(mdp, gamma, v);
  return {
    values: v,
    q,
    policy: greedy,
    iterations,
    converged,
    errorBound: residual / (1 - gamma),
  };
}
