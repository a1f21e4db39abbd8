/**
 * Tabular Markov decision processes: sparse validated models, generators, planning with stated
 * guarantees, learning with regret guarantees, and the MDPs of recent papers (RLHF by
 * information-directed sampling, speculative and guided decoding, cascading RL, distributional
 * dynamic programming).
 *
 * @packageDocumentation
 * @module @x/mdp
 */

export { bestPerm, type CascadeList } from './cascading/bestPerm.ts';
export type { CascadeStep, CascadingAgent } from './cascading/CascadingAgent.ts';
export { CascadingProblem, type CascadingProblemData } from './cascading/CascadingProblem.ts';
export {
  type CascadingShape,
  CascadingVi,
  type CascadingViOptions,
} from './cascading/CascadingVi.ts';
export { cascadeListValue } from './cascading/cascadeListValue.ts';
export {
  type CascadingPlan,
  cascadingBackwardInduction,
} from './cascading/cascadingBackwardInduction.ts';
export { evaluateCascadingPolicy } from './cascading/evaluateCascadingPolicy.ts';
export { simulateCascadingMdp } from './cascading/simulateCascadingMdp.ts';
export { bestRejectionThreshold } from './decoding/bestRejectionThreshold.ts';
export type { CandidateLengthProblem } from './decoding/CandidateLengthProblem.ts';
export { type CandidateLengthRule, candidateLengthRate } from './decoding/candidateLengthRate.ts';
export { expectedTokensPerRound } from './decoding/expectedTokensPerRound.ts';
export {
  type CandidateLengthSolution,
  solveCandidateLength,
} from './decoding/solveCandidateLength.ts';
export { type SpeculativeSample, speculativeSample } from './decoding/speculativeSample.ts';
export { type CvarSolution, maximizeCvar } from './distributional/maximizeCvar.ts';
export { chain } from './generators/chain.ts';
export { garnet } from './generators/garnet.ts';
export { type GridworldOptions, gridworld } from './generators/gridworld.ts';
export { riverSwim } from './generators/riverSwim.ts';
export { continuationValue } from './guided/continuationValue.ts';
export { type DecodingGap, decodingGap } from './guided/decodingGap.ts';
export { type DecodingOutcome, decodingOutcome } from './guided/decodingOutcome.ts';
export {
  estimateTransferQ,
  type TransferQEstimateOptions,
} from './guided/estimateTransferQ.ts';
export { type RandomTokenTreeOptions, randomTokenTree } from './guided/randomTokenTree.ts';
export { type RegularizedOptimum, softBackwardInduction } from './guided/softBackwardInduction.ts';
export { TokenTree, type TokenTreeData } from './guided/TokenTree.ts';
export { tiltedDecoding } from './guided/tiltedDecoding.ts';
export { type TransferQOptions, transferQ } from './guided/transferQ.ts';
export type { EpisodicAgent, EpisodicShape, Transition } from './learning/EpisodicAgent.ts';
export { episodicValue } from './learning/episodicValue.ts';
export {
  type LearnerContext,
  learnerFromJSON,
  type MdpLearner,
} from './learning/learnerFromJSON.ts';
export { type LstdOptions, lstd } from './learning/lstd.ts';
export { Psrl, type PsrlOptions } from './learning/Psrl.ts';
export { type QLearningOptions, qLearning } from './learning/qLearning.ts';
export {
  type AverageRewardSimulationResult,
  type ContinuingAgent,
  simulateAverageReward,
} from './learning/simulateAverageReward.ts';
export { simulateEpisodic } from './learning/simulateEpisodic.ts';
export { tdLambda } from './learning/tdLambda.ts';
export type { TemporalDifferenceOptions } from './learning/temporalDifferenceOptions.ts';
export { Ucbvi, type UcbviOptions } from './learning/Ucbvi.ts';
export { Ucrl2, type Ucrl2Options } from './learning/Ucrl2.ts';
export { EpisodicProblem, type EpisodicProblemData } from './model/EpisodicProblem.ts';
export { Mdp, type MdpOptions, type SparseMdpData } from './model/Mdp.ts';
export { backwardInduction, type FiniteHorizonResult } from './planning/backwardInduction.ts';
export {
  type LinearProgrammingOptions,
  type LinearProgrammingResult,
  linearProgramming,
} from './planning/linearProgramming.ts';
export {
  type ModifiedPolicyIterationOptions,
  modifiedPolicyIteration,
} from './planning/modifiedPolicyIteration.ts';
export type { PlanningResult } from './planning/PlanningResult.ts';
export {
  evaluatePolicy,
  type PolicyEvaluationOptions,
  policyIteration,
} from './planning/policyIteration.ts';
export {
  type AverageRewardResult,
  type RelativeValueIterationOptions,
  relativeValueIteration,
} from './planning/relativeValueIteration.ts';
export {
  type SoftPlanningResult,
  type SoftValueIterationOptions,
  softValueIteration,
} from './planning/softValueIteration.ts';
export { type ValueIterationOptions, valueIteration } from './planning/valueIteration.ts';
export { EnvironmentClass, type EnvironmentClassData } from './rlhf/EnvironmentClass.ts';
export type { RlhfAgent, RlhfFeedback } from './rlhf/RlhfFeedback.ts';
export { RlhfIds, type RlhfIdsOptions } from './rlhf/RlhfIds.ts';
export {
  type RandomEnvironmentClassOptions,
  randomEnvironmentClass,
} from './rlhf/randomEnvironmentClass.ts';
export type { RlhfFeedbackKind } from './rlhf/rlhfEpisode.ts';
export { type RlhfSimulationOptions, simulateRlhf } from './rlhf/simulateRlhf.ts';
export { type SurrogateCells, surrogateCells } from './rlhf/surrogateCells.ts';
