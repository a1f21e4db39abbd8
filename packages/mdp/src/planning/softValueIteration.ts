import { exp } from '@x/linalg/math';
import {
  assertInRange,
  assertInteger,
  assertPositive,
  formatValue,
  readOptions,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { softMaximum } from './softMaximum.ts';

/** Options of {@link softValueIteration}. */
export interface SoftValueIterationOptions {
  /** Target accuracy: the returned values are within epsilon of the regularised optimum. @default 1e-6 */
  readonly epsilon?: number;
  /** Reference policy $\pi_0(a \mid s)$, row-major S x A (rows sum to 1); uniform when omitted (entropy regularisation up to a constant). */
  readonly reference?: ArrayLike<number>;
  /** A cap on sweeps. @default 1e7 */
  readonly maxIterations?: number;
}

/** The result of {@link softValueIteration}. */
export interface SoftPlanningResult {
  readonly values: Float64Array;
  readonly q: Float64Array;
  /** The optimal regularised policy $\pi(a \mid s) \propto \pi_0(a \mid s) e^{Q(s,a)/\beta}$, row-major S x A. */
  readonly policy: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly errorBound: number;
}

/**
 * Soft (KL-regularised) value iteration: $V(s) = \beta \log \sum_a \pi_0(a \mid s)
 * e^{Q(s,a)/\beta}$ with $Q = R + \gamma P V$, the optimum of $E[\sum_t \gamma^t (r_t - \beta
 * \mathrm{KL}(\pi(\cdot|s_t) \| \pi_0(\cdot|s_t)))]$. The soft Bellman operator is a
 * $\gamma$-contraction, so the sup-norm stopping rule of {@link valueIteration} carries over:
 * $\|V - V^*_\beta\|_\infty \le \epsilon$. The soft maximum is formed in reward units, shifted by
 * the largest Q, so every KL weight gives finite values (value iteration's as $\beta \to 0$).
 *
 * @param mdp - the model
 * @param gamma - discount, in [0, 1)
 * @param beta - the KL weight $\beta > 0$, in reward units (as $\beta \to 0$ this tends to value
 *   iteration; with a uniform reference it is the entropy temperature)
 * @throws RangeError on a bad gamma, beta, option or reference policy
 *
 * References: Ziebart, "Modeling Purposeful Adaptive Behavior with the Principle of Maximum
 * Causal Entropy", PhD thesis, CMU 2010; Haarnoja et al., "Reinforcement Learning with Deep
 * Energy-Based Policies", ICML 2017, arXiv:1702.08165 (soft Bellman equations); Geist, Scherrer
 * and Pietquin, "A Theory of Regularized Markov Decision Processes", ICML 2019, arXiv:1901.11275.
 */
export function softValueIteration(
  mdp: Mdp,
  gamma: number,
  beta: number,
  options: SoftValueIterationOptions = {},
): SoftPlanningResult {
  const {
    epsilon = 1e-6,
    reference,
    maxIterations = 1e7,
  } = readOptions('softValueIteration', options);
  const fn = 'softValueIteration';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertMdp(fn, mdp, gamma);
  assertPositive(fn, 'beta', beta);
  assertPositive(fn, 'epsilon', epsilon);
  assertInteger(fn, 'maxIterations', maxIterations, 1);
  const S = mdp.states;
  const A = mdp.actions;
  const ref = new Float64Array(S * A).fill(1 / A);
  if (reference !== undefined) {
    if (reference.length !== S * A)
      throw new TypeError(
        `${fn}: reference must have length S*A = ${S * A}, got ${reference.length}`,
      );
    for (let s = 0; s < S; s++) {
      let sum = 0;
      for (let a = 0; a < A; a++) {
        const p = reference[s * A + a]!;
        if (!(p >= 0 && p <= 1))
          throw new RangeError(
            `${fn}: reference(${a} | ${s}) must be in [0, 1], got ${formatValue(p)}`,
          );
        sum += p;
        ref[s * A + a] = p;
      }
      if (Math.abs(sum - 1) > 1e-9 * A)
        throw new RangeError(`${fn}: reference policy of state ${s} sums to ${sum}, not 1`);
    }
  }
  const v = new Float64Array(S);
  const q = new Float64Array(S * A);
  const threshold = gamma === 0 ? Number.POSITIVE_INFINITY : (epsilon * (1 - gamma)) / gamma;
  let iterations = 0;
  let change = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    change = 0;
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < A; a++)
        q[s * A + a] = mdp.reward[s * A + a]! + gamma * mdp.expectedNext(s, a, v);
      const nv = softMaximum(q, s * A, ref, s * A, A, beta);
      change = Math.max(change, Math.abs(nv - v[s]!));
      v[s] = nv;
    }
    iterations++;
    if (change <= threshold) break;
  }
  const policy = new Float64Array(S * A);
  for (let s = 0; s < S; s++) {
    for (let a = 0; a < A; a++)
      q[s * A + a] = mdp.reward[s * A + a]! + gamma * mdp.expectedNext(s, a, v);
    const vs = softMaximum(q, s * A, ref, s * A, A, beta);
    // pi(a | s) = pi0(a | s) e^{(Q(s, a) - V(s)) / beta}, normalised against rounding.
    let z = 0;
    for (let a = 0; a < A; a++) {
      const p = ref[s * A + a]!;
      const w = p > 0 ? p * exp((q[s * A + a]! - vs) / beta) : 0;
      policy[s * A + a] = w;
      z += w;
    }
    for (let a = 0; a < A; a++) policy[s * A + a] = policy[s * A + a]! / z;
  }
  return {
    values: v,
    q,
    policy,
    iterations,
    converged: change <= threshold,
    errorBound: gamma === 0 ? 0 : (gamma * change) / (1 - gamma),
  };
}
