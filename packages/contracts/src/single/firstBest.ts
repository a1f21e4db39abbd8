import { ContractProblem } from './ContractProblem.ts';

/** The first best: what the principal could get if it saw the action. */
export interface FirstBest {
  /** The action maximising the welfare $R_a - c_a$ (the lowest index among ties). */
  readonly action: number;
  /** The welfare $R_a - c_a$, all of which the principal keeps by paying exactly the cost. */
  readonly welfare: number;
}

/**
 * The first-best benchmark: with the action observable, the principal pays exactly the cost of
 * the action it asks for and keeps the welfare $\max_a (R_a - c_a)$. When some action is free
 * (the agent's outside option, as the standard model assumes), no contract earns the principal
 * more: the agent then gets at least 0, so $R_a - T_a \le R_a - c_a$. The optimal contract's
 * shortfall from it is the cost of the hidden action, of which the agent's rent is a part.
 *
 * @throws TypeError if `problem` is not a ContractProblem
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * firstBest(problem); // { action: 1, welfare: 7 }
 *
 * References: Dutting, Roughgarden and Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019,
 * arXiv:1808.03713 (first best, welfare).
 */
export function firstBest(problem: ContractProblem): FirstBest {
  if (!(problem instanceof ContractProblem))
    throw new TypeError('firstBest: problem must be a ContractProblem');
  let action = 0;
  let welfare = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < problem.actions; a++) {
    const w = problem.expectedReward(a) - problem.cost(a);
    if (w > welfare) {
      welfare = w;
      action = a;
    }
  }
  return { action, welfare };
}
