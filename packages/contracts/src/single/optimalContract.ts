import type { ContractProblem } from './ContractProblem.ts';
import {
  type ActionImplementation,
  type ContractDesignOptions,
  leastPaymentContractsAs,
} from './leastPaymentContracts.ts';

/** The principal's optimal contract and what it induces. */
export interface OptimalContract {
  /** The induced action. */
  readonly action: number;
  /** The payment for each outcome. */
  readonly contract: Float64Array;
  /** The expected payment $T_a$. */
  readonly payment: number;
  /** The principal's expected utility $R_a - T_a$. */
  readonly principalUtility: number;
  /** The agent's expected utility $T_a - c_a$: its rent. */
  readonly agentUtility: number;
  /** The least-payment implementation of every action (which are implementable, at what payment). */
  readonly implementations: readonly ActionImplementation[];
}

/**
 * The principal's optimal contract with limited liability: the least-payment contract of every
 * action ({@link leastPaymentContracts}), then the action with the largest $R_a - T_a$ (ties to
 * the lower index). With `margin` $\delta > 0$ the induced action beats every other by
 * $\delta$, so the agent takes it even without the principal-favourable tie-break.
 *
 * @throws TypeError if `problem` is not a ContractProblem; RangeError on a bad margin, or when
 *   no action can be induced with it (possible only with a margin)
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * const best = await optimalContract(problem);
 * best.action; // 1 (work): 8 - 8/7 beats shirking's 1
 * best.contract; // [0, 10/7]
 *
 * References: Grossman and Hart, Econometrica 51(1), 1983; Dutting, Roughgarden and
 * Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019, arXiv:1808.03713.
 */
export async function optimalContract(
  problem: ContractProblem,
  options: ContractDesignOptions = {},
): Promise<OptimalContract> {
  const fn = 'optimalContract';
  const implementations = await leastPaymentContractsAs(fn, problem, options);
  let best: ActionImplementation | undefined;
  let bestUtility = Number.NEGATIVE_INFINITY;
  for (const impl of implementations) {
    if (!impl.implementable) continue;
    const u = problem.expectedReward(impl.action) - impl.payment;
    if (u > bestUtility) {
      bestUtility = u;
      best = impl;
    }
  }
  if (best === undefined)
    throw new RangeError(
      `${fn}: no action can be induced with margin ${options.margin}; lower the margin`,
    );
  return {
    action: best.action,
    contract: best.contract!,
    payment: best.payment,
    principalUtility: bestUtility,
    agentUtility: best.payment - problem.cost(best.action),
    implementations,
  };
}
