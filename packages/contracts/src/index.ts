/**
 * Contract design: hidden-action principal-agent problems, optimal contracts by least-payment
 * linear programs, linear contracts found exactly, the benchmarks, and contracts for
 * principal-agent MDPs by backward induction with an incentive audit.
 *
 * @packageDocumentation
 */

export {
  type BicAudit,
  IncentivizedExploration,
  type IncentivizedExplorationData,
} from './exploration/IncentivizedExploration.ts';
export { hedgeSelfPlay, type SelfPlayResult } from './games/hedgeSelfPlay.ts';
export { type MinimaxSolution, minimaxStrategies } from './games/minimaxStrategies.ts';
export { ZeroSumGame } from './games/ZeroSumGame.ts';
export {
  optimalSignaling,
  type PersuasionProblem,
  type SignalingScheme,
} from './information/optimalSignaling.ts';
export { KnapsackBandit, type KnapsackBanditData } from './knapsacks/KnapsackBandit.ts';
export { type KnapsackBenchmark, knapsackBenchmark } from './knapsacks/knapsackBenchmark.ts';
export { type KnapsackShape, LagrangeBwk } from './knapsacks/LagrangeBwk.ts';
export {
  type KnapsackLearner,
  simulateKnapsackBandit,
} from './knapsacks/simulateKnapsackBandit.ts';
export {
  type AgentResponse,
  type AgentResponseOptions,
  agentBestResponse,
} from './mdp/agentBestResponse.ts';
export {
  type LinearContractPolicy,
  linearContractPolicy,
} from './mdp/linearContractPolicy.ts';
export { PrincipalAgentMdp, type PrincipalAgentMdpData } from './mdp/PrincipalAgentMdp.ts';
export { type ContractPlan, type ContractPlanOptions, planContracts } from './mdp/planContracts.ts';
export {
  type RandomPrincipalAgentMdpOptions,
  randomPrincipalAgentMdp,
} from './mdp/randomPrincipalAgentMdp.ts';
export {
  BisectionContractLearner,
  type BisectionContractLearnerOptions,
} from './online/BisectionContractLearner.ts';
export {
  LinearContractLearner,
  type LinearContractLearnerOptions,
} from './online/LinearContractLearner.ts';
export { type ContractsLearner, learnerFromJSON } from './online/learnerFromJSON.ts';
export {
  type ContractLearner,
  simulateContractLearning,
} from './online/simulateContractLearning.ts';
export {
  type BestResponseOptions,
  ContractProblem,
  type ContractProblemData,
} from './single/ContractProblem.ts';
export { type FirstBest, firstBest } from './single/firstBest.ts';
export {
  type ActionImplementation,
  type ContractDesignOptions,
  leastPaymentContracts,
} from './single/leastPaymentContracts.ts';
export { type LinearContract, linearContract } from './single/linearContract.ts';
export { type OptimalContract, optimalContract } from './single/optimalContract.ts';
export { TIGHT_INSTANCE_MAX_REWARD, tightLinearInstance } from './single/tightLinearInstance.ts';
