import type { LinearProgram, LinearProgramOptions, LinearProgramResult } from '@x/linalg';
import {
  assertNonNegative,
  HIGHS_INFINITY,
  readOptions,
  solveLinearProgramsAs,
} from '@x/linalg/validate';
import { ContractProblem } from './ContractProblem.ts';

/** Options of {@link leastPaymentContracts} and {@link optimalContract}. */
/**
 * Options of the contract designs: the incentive margin, and the HiGHS options (presolve is off
 * by default here: the programs are small, and presolve would dominate their time).
 */
export interface ContractDesignOptions extends LinearProgramOptions {
  /**
   * The incentive margin $\delta \ge 0$: the target action must beat every other by $\delta$ in
   * the agent's utility, so it is induced strictly (a robust contract). @default 0
   */
  readonly margin?: number;
}

/** The cheapest way to induce one action. */
export interface ActionImplementation {
  /** The target action. */
  readonly action: number;
  /** Whether some contract induces it (with the margin). */
  readonly implementable: boolean;
  /** The least-payment contract (one payment per outcome), or null when not implementable. */
  readonly contract: Float64Array | null;
  /** Its expected payment $T_a$ under the target action; Infinity when not implementable. */
  readonly payment: number;
}

/**
 * For every action a, the least-payment contract that induces it: the linear program
 * $$\min_{x \ge 0} \sum_j p_{aj} x_j \quad\text{s.t.}\quad \sum_j (p_{aj} - p_{a'j}) x_j \ge c_a -
 * c_{a'} + \delta \quad \forall a' \ne a,$$
 * solved by HiGHS, all n programs through one model. An action no contract induces (it is
 * dominated by a mixture of cheaper actions) is reported as not implementable. The contracts are
 * HiGHS's optima, feasible to its tolerance (about 1e-7 relative); payments are clipped at 0.
 *
 * @throws TypeError if `problem` is not a {@link ContractProblem}; RangeError on a bad margin
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * const [shirk, work] = await leastPaymentContracts(problem);
 * work.payment; // 8/7: pay 10/7 on success, the least that makes working worth its cost
 *
 * References: Grossman and Hart, "An Analysis of the Principal-Agent Problem", Econometrica
 * 51(1), 1983 (the min-pay program); Dutting, Roughgarden and Talgam-Cohen, "Simple versus
 * Optimal Contracts", EC 2019, arXiv:1808.03713.
 */
export function leastPaymentContracts(
  problem: ContractProblem,
  options: ContractDesignOptions = {},
): Promise<ActionImplementation[]> {
  return leastPaymentContractsAs('leastPaymentContracts', problem, options);
}

/** {@link leastPaymentContracts} naming the caller. @internal */
export async function leastPaymentContractsAs(
  fn: string,
  problem: ContractProblem,
  options: ContractDesignOptions,
): Promise<ActionImplementation[]> {
  if (!(problem instanceof ContractProblem))
    throw new TypeError(`${fn}: problem must be a ContractProblem`);
  const { margin = 0, highs, presolve = false } = readOptions(fn, options);
  assertNonNegative(fn, 'margin', margin);
  const results = await solveLinearProgramsAs(fn, leastPaymentPrograms(fn, problem, margin), {
    presolve,
    ...(highs === undefined ? {} : { highs }),
  });
  return readImplementations(problem, results);
}

/**
 * The least-payment linear program of every action of `problem` (see
 * {@link leastPaymentContracts}), in action order. @internal
 */
export function leastPaymentPrograms(
  fn: string,
  problem: ContractProblem,
  margin: number,
): LinearProgram[] {
  const n = problem.actions;
  const m = problem.outcomes;
  let spread = 0;
  for (let a = 0; a < n; a++) spread = Math.max(spread, problem.cost(a));
  if (!(spread + margin < HIGHS_INFINITY))
    throw new RangeError(
      `${fn}: margin + the largest cost must be below 1e20 (HiGHS's infinity), got margin ${margin} and cost ${spread}`,
    );
  const p = (a: number, j: number) => problem.probabilityUnchecked(a, j);
  const lps: LinearProgram[] = [];
  for (let a = 0; a < n; a++) {
    const rows = n - 1;
    const starts = new Int32Array(rows + 1);
    const indices = new Int32Array(rows * m);
    const values = new Float64Array(rows * m);
    const rowLower = new Float64Array(rows);
    let r = 0;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      for (let j = 0; j < m; j++) {
        indices[r * m + j] = j;
        values[r * m + j] = p(a, j) - p(b, j);
      }
      rowLower[r] = problem.cost(a) - problem.cost(b) + margin;
      starts[++r] = r * m;
    }
    lps.push({
      sense: 'minimize',
      cost: Float64Array.from({ length: m }, (_, j) => p(a, j)),
      colLower: new Float64Array(m),
      colUpper: new Float64Array(m).fill(Number.POSITIVE_INFINITY),
      rowLower,
      rowUpper: new Float64Array(rows).fill(Number.POSITIVE_INFINITY),
      matrix: { starts, indices, values },
    });
  }
  return lps;
}

/** The implementations read from the programs' results, in action order. @internal */
export function readImplementations(
  problem: ContractProblem,
  results: readonly LinearProgramResult[],
): ActionImplementation[] {
  return results.map((result, action) => {
    // Bounded below by 0, so "unbounded" cannot occur; only infeasibility means "not implementable".
    if (result.status !== 'optimal')
      return { action, implementable: false, contract: null, payment: Number.POSITIVE_INFINITY };
    const contract = result.x.map((x) => Math.max(0, x));
    return {
      action,
      implementable: true,
      contract,
      payment: problem.expectedPaymentUnchecked(action, contract),
    };
  });
}
