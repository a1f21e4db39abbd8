import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertMade,
  runRegretAs,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import {
  assertNonNegativeRewards,
  linearContractPolicy,
  type ShareResponse,
  shareResponseUnchecked,
  shareTolerance,
} from '../mdp/linearContractPolicy.ts';
import { PrincipalAgentMdp } from '../mdp/PrincipalAgentMdp.ts';
import { ContractProblem } from '../single/ContractProblem.ts';
import { linearContract } from '../single/linearContract.ts';

/** A principal that learns linear contracts: offers a share, then learns what it kept. */
export interface ContractLearner {
  /** The share $\alpha \in [0, 1]$ to offer this round (or episode). */
  select(rng: Rng): number;
  /**
   * What the principal kept after offering `share`: $(1 - \alpha) r_j$ for a one-step problem,
   * $(1 - \alpha) \sum_h r(s_h, s_{h+1})$ for an episode of a principal-agent MDP.
   */
  update(share: number, utility: number): void;
}

/**
 * Plays a contract learner against an agent: each round the learner offers a linear contract
 * (a share $\alpha$ of the principal's reward), the agent best-responds (ties to the principal),
 * and the principal keeps $1 - \alpha$ of what happens; it sees neither the agent's actions nor
 * its costs nor the outcome laws. On a {@link ContractProblem} a round is one outcome. On a
 * {@link PrincipalAgentMdp} a round is an episode (contractual reinforcement learning with
 * unknown transitions and hidden actions): every step pays $\alpha r(s, s')$, the far-sighted
 * agent plays its best response to that contract policy, and the principal keeps $(1 - \alpha)
 * \sum_h r(s_h, s_{h+1})$. Regret is against the best linear contract ({@link linearContract},
 * {@link linearContractPolicy}), in expectation over outcomes: $\sum_t (U^* - (1 - \alpha_t)
 * R(\alpha_t))$. Runs on the shared runner (`runs`, `firstRun`, checkpoints, `mergeRuns`).
 *
 * @throws TypeError on a bad problem or factory; RangeError on bad options, a share outside
 *   [0, 1], or a principal-agent MDP with a negative reward
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * const result = simulateContractLearning(createRng(1), problem,
 *   () => new LinearContractLearner({ rounds: 2000, rewardMax: 10 }), { rounds: 2000 });
 * result.series.regret.mean; // regret against the best linear contract at the checkpoints
 *
 * // Episodes of a principal-agent MDP: rewardMax bounds an episode's reward (H x the largest r).
 * const mdp = randomPrincipalAgentMdp(createRng(2), { states: 3, actions: 3, horizon: 4 });
 * const episodes = simulateContractLearning(createRng(3), mdp,
 *   () => new BisectionContractLearner({ rounds: 2000, rewardMax: 4 }), { rounds: 2000 });
 *
 * References: Zhu, Bates, Yang, Wang, Jiao and Jordan, "The Sample Complexity of Online Contract
 * Design", arXiv:2211.05732 (the repeated principal-agent game); Wu, Chen, Wang, Wang and Xu,
 * "Contractual Reinforcement Learning: Pulling Arms with Invisible Hands", arXiv:2407.01458
 * (episodes; the linear-contract reading is the library's).
 */
export function simulateContractLearning<P extends ContractProblem | PrincipalAgentMdp>(
  rng: Rng,
  problem: P,
  createLearner: (problem: P) => ContractLearner,
  options: SimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateContractLearning';
  if (!(problem instanceof ContractProblem || problem instanceof PrincipalAgentMdp))
    throw new TypeError(`${fn}: problem must be a ContractProblem or a PrincipalAgentMdp`);
  assertFunction(fn, 'createLearner', createLearner);
  const play = problem instanceof ContractProblem ? oneStep(problem) : episodes(fn, problem);
  return runRegretAs(fn, rng, options, ({ environment, agent }) => {
    const learner = assertMade(fn, 'createLearner', createLearner(problem), ['select', 'update']);
    return () => {
      const share = learner.select(agent);
      if (!(typeof share === 'number' && share >= 0 && share <= 1))
        throw new RangeError(`${fn}: the learner offered share ${share}, not in [0, 1]`);
      const { kept, regret } = play(environment, share);
      learner.update(share, kept);
      return regret;
    };
  });
}

/** One round under a share: what the principal kept and the round's expected regret. */
type Play = (environment: Rng, share: number) => { kept: number; regret: number };

function oneStep(problem: ContractProblem): Play {
  const best = linearContract(problem).principalUtility;
  const m = problem.outcomes;
  const rewards = Float64Array.from({ length: m }, (_, j) => problem.reward(j));
  const laws = Array.from({ length: problem.actions }, (_, a) =>
    Float64Array.from({ length: m }, (_, j) => problem.probabilityUnchecked(a, j)),
  );
  const contract = new Float64Array(m);
  return (environment, share) => {
    let scale = 1;
    for (let j = 0; j < m; j++) {
      contract[j] = share * rewards[j]!;
      scale = Math.max(scale, contract[j]!);
    }
    // The agent's choice, ties (to rounding) to the principal, as in linearContract.
    const action = problem.bestResponseUnchecked(contract, 1e-12 * scale);
    const outcome = sampleCategoricalUnchecked(environment, laws[action]!);
    return {
      kept: (1 - share) * rewards[outcome]!,
      regret: best - (1 - share) * problem.expectedReward(action),
    };
  };
}

/** The most shares whose agent responses {@link episodes} keeps. */
const MAX_CACHED = 1024;

function episodes(fn: string, problem: PrincipalAgentMdp): Play {
  assertNonNegativeRewards(fn, problem);
  const best = linearContractPolicy(problem).principalValue;
  const { states: S, horizon: H, transitions: P, rewards } = problem;
  const rows = Array.from({ length: S * problem.actions }, (_, i) =>
    P.subarray(i * S, (i + 1) * S),
  );
  const tolerance = shareTolerance(problem);
  // The learners offer few distinct shares (a grid, or the probes of a search): keep the agent's
  // response to each rather than solving its MDP every episode.
  const responses = new Map<number, ShareResponse>();
  return (environment, share) => {
    let response = responses.get(share);
    if (response === undefined) {
      if (responses.size >= MAX_CACHED) responses.clear();
      response = shareResponseUnchecked(problem, share, tolerance);
      responses.set(share, response);
    }
    let total = 0;
    let s = problem.start;
    for (let h = 0; h < H; h++) {
      const a = response.policy[h * S + s]!;
      const next = sampleCategoricalUnchecked(environment, rows[s * problem.actions + a]!);
      total += rewards[s * S + next]!;
      s = next;
    }
    return { kept: (1 - share) * total, regret: best - (1 - share) * response.reward };
  };
}
