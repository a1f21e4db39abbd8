import { assertInRange, assertProbabilityVector } from '@x/linalg';
import type { Highs } from 'highs';
import type { Mdp } from '../model/Mdp.ts';
import { greedyFromValues, type PlanningResult } from './PlanningResult.ts';

/** Options of {@link linearProgramming}. */
export interface LinearProgrammingOptions {
  /**
   * Weights $\mu(s) > 0$ of the objective $\min \sum_s \mu(s) V(s)$; the dual solution is the
   * discounted occupancy of an optimal policy started from $\mu$. @default uniform
   */
  readonly initial?: ArrayLike<number>;
  /**
   * A loaded HiGHS instance (`await highsLoader()` from the `highs` package). In the browser,
   * load it yourself with `locateFile` pointing at `highs.wasm`. @default loaded on first use
   */
  readonly highs?: Highs;
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

let loaded: Promise<Highs> | undefined;

/** HiGHS, loaded once on first use. */
function loadHighs(): Promise<Highs> {
  // highs ships ESM at runtime (the "import" condition) but one CJS-flavoured types file, so
  // TypeScript under NodeNext sees the loader one level too deep: name the ESM shape here.
  loaded ??= import('highs').then((m) =>
    (m as unknown as { default: () => Promise<Highs> }).default(),
  );
  return loaded;
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
 * References: Puterman, Markov Decision Processes, 1994, Section 6.9; Huangfu and Hall,
 * "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10, 2018 (HiGHS).
 */
export async function linearProgramming(
  mdp: Mdp,
  gamma: number,
  { initial, highs }: LinearProgrammingOptions = {},
): Promise<LinearProgrammingResult> {
  const fn = 'linearProgramming';
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
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
  const solver = highs ?? (await loadHighs());
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
  const solution = solver.withModel(
    {
      numCols: S,
      numRows: rows,
      sense: solver.constants.objectiveSense.minimize,
      colCost: mu,
      colLower: new Float64Array(S).fill(-solver.infinity),
      colUpper: new Float64Array(S).fill(solver.infinity),
      rowLower: mdp.reward,
      rowUpper: new Float64Array(rows).fill(solver.infinity),
      matrix: {
        format: 'csr',
        numRows: rows,
        numCols: S,
        starts,
        indices: indices.subarray(0, k),
        values: coefficients.subarray(0, k),
      },
    },
    (model) => {
      model.options.set('output_flag', false);
      const status = model.run().modelStatus;
      if (status !== solver.constants.modelStatus.optimal)
        throw new Error(`${fn}: HiGHS did not reach an optimum (model status ${status})`);
      const sol = model.getSolution();
      return {
        values: Float64Array.from(sol.colValue),
        occupancy: Float64Array.from(sol.rowDual),
        objective: model.getObjectiveValue(),
      };
    },
  );
  const { values, occupancy, objective } = solution;
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
