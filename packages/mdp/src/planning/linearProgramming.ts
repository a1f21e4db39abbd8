import type { LinearProgramOptions } from '@x/linalg';
import {
  assertInRange,
  assertProbabilityVector,
  readOptions,
  solveOptimalLinearProgramAs,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { greedyFromValues, type PlanningResult } from './PlanningResult.ts';

/** Options of {@link linearProgramming}. */
export interface LinearProgrammingOptions extends LinearProgramOptions {
  /**
   * Weights $\mu(s) > 0$ of the objective $\min \sum_s \mu(s) V(s)$; the dual solution is the
   * discounted occupancy of an optimal policy started from $\mu$. @default uniform
   */
  readonly initial?: ArrayLike<number>;
}

/** What {@link linearProgramming} returns in addition to a {@link PlanningResult}. */
export interface LinearProgrammingResult extends PlanningResult {
  /** Optimal $\sum_s \mu(s) V^*(s)$ as reported by HiGHS. */
  readonly objective: number;
  /**
   * The dual solution, row-major S x A: the discounted state-action occupancy $d(s, a) =
   * \sum_t \gamma^t \Pr(s_t = s, a_t = a)$ of an optimal policy started from $\mu$.
   */
  readonly occupancy: Float64Array;
}

/**
 * Solves a discounted MDP through its linear program with HiGHS (compiled to WebAssembly):
 *
 * $$\min_V \sum_s \mu(s) V(s) \quad\text{s.t.}\quad V(s) - \gamma\sum_{s'} P(s'|s,a) V(s') \ge R(s,a)
 * \;\; \forall s, a,$$
 *
 * whose solution is $V^*$ for any $\mu > 0$; the constraint matrix is passed sparse (one row per
 * state-action pair, one entry per successor). HiGHS solves to its feasibility tolerance
 * (about 1e-7), so the returned `errorBound` is computed afterwards from the Bellman residual,
 * $\|V - V^*\|_\infty \le \|TV - V\|_\infty/(1 - \gamma)$, a guarantee rather than HiGHS's own
 * tolerance. The policy is greedy in the returned values (ties to the lowest action).
 *
 * @throws RangeError on bad arguments, or an Error if HiGHS does not report an optimum
 *
 * @example
 * const lp = await linearProgramming(riverSwim(6), 0.95); // HiGHS, WebAssembly
 * lp.values; // V*, equal to value iteration's within its error bound
 *
 * References: Puterman, Markov Decision Processes, 1994, Section 6.9; Huangfu and Hall,
 * "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10, 2018 (HiGHS).
 */
export async function linearProgramming(
  mdp: Mdp,
  gamma: number,
  options: LinearProgrammingOptions = {},
): Promise<LinearProgrammingResult> {
  const { initial, highs } = readOptions('linearProgramming', options);
  const fn = 'linearProgramming';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertMdp(fn, mdp, gamma);
  const S = mdp.states;
  const A = mdp.actions;
  let mu: Float64Array;
  if (initial === undefined) mu = new Float64Array(S).fill(1 / S);
  else {
    assertProbabilityVector(fn, 'initial', initial, S);
    mu = Float64Array.from(initial);
    for (let s = 0; s < S; s++)
      if (!(mu[s]! > 0))
        throw new RangeError(`${fn}: initial[${s}] must be positive, got ${mu[s]}`);
  }
  const { rowStart, next, prob } = mdp;
  const rows = S * A;
  const starts = new Int32Array(rows + 1);
  const indices = new Int32Array(mdp.nonZeros + rows);
  const coefficients = new Float64Array(mdp.nonZeros + rows);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const s = Math.floor(r / A);
    starts[r] = k;
    indices[k] = s;
    coefficients[k++] = 1;
    for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) {
      if (next[j] === s) coefficients[starts[r]!] = coefficients[starts[r]!]! - gamma * prob[j]!;
      else {
        indices[k] = next[j]!;
        coefficients[k++] = -gamma * prob[j]!;
      }
    }
  }
  starts[rows] = k;
  // Feasible (large V satisfies every row) and bounded below (V >= V* with mu > 0).
  const solution = await solveOptimalLinearProgramAs(
    fn,
    {
      sense: 'minimize',
      cost: mu,
      colLower: new Float64Array(S).fill(Number.NEGATIVE_INFINITY),
      colUpper: new Float64Array(S).fill(Number.POSITIVE_INFINITY),
      rowLower: mdp.reward,
      rowUpper: new Float64Array(rows).fill(Number.POSITIVE_INFINITY),
      matrix: { starts, indices: indices.subarray(0, k), values: coefficients.subarray(0, k) },
    },
    highs === undefined ? {} : { highs },
  );
  const { x: values, rowDuals: occupancy, objective } = solution;
  const { q, policy } = greedyFromValues(mdp, gamma, values);
  let residual = 0;
  for (let s = 0; s < S; s++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) best = Math.max(best, q[s * A + a]!);
    residual = Math.max(residual, Math.abs(best - values[s]!));
  }
  return {
    values,
    q,
    policy,
    iterations: 1,
    converged: true,
    errorBound: residual / (1 - gamma),
    objective,
    occupancy,
  };
}
