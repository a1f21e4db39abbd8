import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertMade,
  runRegretAs,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { ContractProblem } from '../single/ContractProblem.ts';
import { linearContract } from '../single/linearContract.ts';

/** A principal that learns linear contracts: offers a share, then learns what it kept. */
export interface ContractLearner {
  /** The share $\alpha \in [0, 1]$ to offer this round. */
  select(rng: Rng): number;
  /** What the principal kept, $(1 - \alpha) r_j$, after offering `share`. */
  update(share: number, utility: number): void;
}

/**
 * Plays a contract learner against an agent on a {@link ContractProblem}: each round the learner
 * offers a linear contract $\alpha r$, the agent best-responds (ties to the principal), an outcome
 * is drawn and the principal keeps $(1 - \alpha) r_j$. Regret is against the best linear
 * contract ({@link linearContract}), in expectation over outcomes: $\sum_t (U^* - (1 -
 * \alpha_t) R_{a_t})$. Runs on the shared runner (`runs`, `firstRun`, checkpoints, `mergeRuns`).
 *
 * @throws TypeError on a bad problem or factory; RangeError on bad options or a share outside [0, 1]
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * const result = simulateContractLearning(createRng(1), problem,
 *   () => new LinearContractLearner({ rounds: 2000, rewardMax: 10 }), { rounds: 2000 });
 * result.series.regret.mean; // regret against the best linear contract at the checkpoints
 *
 * References: Zhu, Bates, Yang, Wang, Jiao and Jordan, "The Sample Complexity of Online Contract
 * Design", arXiv:2211.05732 (the repeated principal-agent game).
 */
export function simulateContractLearning(
  rng: Rng,
  problem: ContractProblem,
  createLearner: (problem: ContractProblem) => ContractLearner,
  options: SimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateContractLearning';
  if (!(problem instanceof ContractProblem))
    throw new TypeError(`${fn}: problem must be a ContractProblem`);
  assertFunction(fn, 'createLearner', createLearner);
  const best = linearContract(problem).principalUtility;
  const m = problem.outcomes;
  const rewards = Float64Array.from({ length: m }, (_, j) => problem.reward(j));
  const laws = Array.from({ length: problem.actions }, (_, a) =>
    Float64Array.from({ length: m }, (_, j) => problem.probabilityUnchecked(a, j)),
  );
  const contract = new Float64Array(m);
  return runRegretAs(fn, rng, options, ({ environment, agent }) => {
    const learner = assertMade(fn, 'createLearner', createLearner(problem), ['select', 'update']);
    return () => {
      const share = learner.select(agent);
      if (!(typeof share === 'number' && share >= 0 && share <= 1))
        throw new RangeError(`${fn}: the learner offered share ${share}, not in [0, 1]`);
      let scale = 1;
      for (let j = 0; j < m; j++) {
        contract[j] = share * rewards[j]!;
        scale = Math.max(scale, contract[j]!);
      }
      // The agent's choice, ties (to rounding) to the principal, as in linearContract.
      const action = problem.bestResponseUnchecked(contract, 1e-12 * scale);
      const outcome = sampleCategoricalUnchecked(environment, laws[action]!);
      learner.update(share, (1 - share) * rewards[outcome]!);
      return best - (1 - share) * problem.expectedReward(action);
    };
  });
}
