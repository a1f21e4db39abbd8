/**
 * Multi-armed bandits: one policy interface for stochastic and adversarial policies, seeded and
 * serialisable, with environments and a regret simulator.
 *
 * @packageDocumentation
 * @module @x/bandits
 */

export type {
  BanditPolicy,
  ChoiceWithPropensity,
  PolicyState,
  ProbabilityOptions,
  SelectOptions,
  UpdateOptions,
} from './BanditPolicy.ts';
export {
  CascadeUcb,
  type CascadeUcbOptions,
  type CascadeUcbState,
} from './cascading/CascadeUcb.ts';
export { CascadingBandit } from './cascading/CascadingBandit.ts';
export { simulateCascade } from './cascading/simulateCascade.ts';
export { BradleyTerryPosterior } from './dueling/BradleyTerryPosterior.ts';
export { BradleyTerryPreference } from './dueling/BradleyTerryPreference.ts';
export {
  DoubleThompsonSampling,
  type DoubleThompsonSamplingOptions,
} from './dueling/DoubleThompsonSampling.ts';
export type { DuelingPolicy, DuelingState } from './dueling/DuelingPolicy.ts';
export { PreferenceIds, type PreferenceIdsOptions } from './dueling/PreferenceIds.ts';
export { type DuelSimulationResult, simulateDuel } from './dueling/simulateDuel.ts';
export { AdversarialBandit } from './environments/AdversarialBandit.ts';
export type { BanditEnvironment } from './environments/BanditEnvironment.ts';
export { BernoulliBandit } from './environments/BernoulliBandit.ts';
export { type BoundedArm, BoundedBandit } from './environments/BoundedBandit.ts';
export { GaussianBandit } from './environments/GaussianBandit.ts';
export { LinearBandit } from './environments/LinearBandit.ts';
export {
  LinearContextualBandit,
  type LinearContextualBanditOptions,
} from './environments/LinearContextualBandit.ts';
export { LogisticContextualBandit } from './environments/LogisticContextualBandit.ts';
export {
  type IdsAnalysis,
  InformationDirectedSampling,
  type InformationDirectedSamplingOptions,
} from './ids/InformationDirectedSampling.ts';
export { type IdsDistribution, minimizeInformationRatio } from './ids/informationRatio.ts';
export { type PosteriorSummaries, posteriorSummaries } from './ids/posteriorSummaries.ts';
export type { LinearModel } from './linear/LinearPolicy.ts';
export {
  LinearThompsonSampling,
  type LinearThompsonSamplingOptions,
} from './linear/LinearThompsonSampling.ts';
export { LinUcb, type LinUcbOptions, type OfulConfidence } from './linear/LinUcb.ts';
export { SquareCb, type SquareCbOptions } from './linear/SquareCb.ts';
export { doublyRobustEstimate } from './ope/doublyRobustEstimate.ts';
export { ipsEstimate, type OffPolicyOptions } from './ope/ipsEstimate.ts';
export type { LoggedBanditData, OffPolicyEstimate } from './ope/LoggedBanditData.ts';
export { snipsEstimate } from './ope/snipsEstimate.ts';
export { BayesUcb, type BayesUcbOptions } from './policies/BayesUcb.ts';
export {
  BetaThompsonSampling,
  type BetaThompsonSamplingOptions,
} from './policies/BetaThompsonSampling.ts';
export { EpsilonGreedy, type EpsilonGreedyOptions } from './policies/EpsilonGreedy.ts';
export { Exp3, type Exp3Options } from './policies/Exp3.ts';
export { Exp4, type Exp4Options } from './policies/Exp4.ts';
export { ExploreFirst, type ExploreFirstOptions } from './policies/ExploreFirst.ts';
export {
  GaussianThompsonSampling,
  type GaussianThompsonSamplingOptions,
} from './policies/GaussianThompsonSampling.ts';
export { Hedge, type HedgeOptions, type HedgeState } from './policies/Hedge.ts';
export { KlUcb, type KlUcbOptions } from './policies/KlUcb.ts';
export { Moss, type MossOptions } from './policies/Moss.ts';
export {
  NormalGammaThompsonSampling,
  type NormalGammaThompsonSamplingOptions,
} from './policies/NormalGammaThompsonSampling.ts';
export {
  SuccessiveElimination,
  type SuccessiveEliminationOptions,
} from './policies/SuccessiveElimination.ts';
export { Ucb1, type Ucb1Options } from './policies/Ucb1.ts';
export { UcbV, type UcbVOptions } from './policies/UcbV.ts';
export { policyFromJSON } from './policyFromJSON.ts';
export {
  logSpacedRounds,
  type SimulateOptions,
  type SimulationResult,
  simulate,
} from './simulation/simulate.ts';
export { simulateTallying, type TallyingLearner } from './tallying/simulateTallying.ts';
export {
  TallyingSuccessiveElimination,
  type TallyingSuccessiveEliminationOptions,
  type TallyingSuccessiveEliminationState,
} from './tallying/TallyingSuccessiveElimination.ts';
export { WeightedTallyingBandit } from './tallying/WeightedTallyingBandit.ts';
