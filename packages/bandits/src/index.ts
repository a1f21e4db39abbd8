/**
 * Multi-armed bandits: one policy interface for stochastic, Bayesian, adversarial and contextual
 * policies, seeded and serialisable, with duelling, cascading and tallying bandits, environments,
 * regret simulators on the runner of `@x/linalg/experiment`, and off-policy evaluation.
 *
 * @packageDocumentation
 * @module @x/bandits
 */

export { AdversarialBandit } from './adversarial/AdversarialBandit.ts';
export { Exp3, type Exp3Options } from './adversarial/Exp3.ts';
export { Exp4, type Exp4Options } from './adversarial/Exp4.ts';
export { Hedge, type HedgeOptions } from './adversarial/Hedge.ts';
export {
  BetaThompsonSampling,
  type BetaThompsonSamplingOptions,
} from './bayesian/BetaThompsonSampling.ts';
export {
  GaussianThompsonSampling,
  type GaussianThompsonSamplingOptions,
} from './bayesian/GaussianThompsonSampling.ts';
export {
  type IdsAnalysis,
  InformationDirectedSampling,
  type InformationDirectedSamplingOptions,
} from './bayesian/InformationDirectedSampling.ts';
export { type IdsDistribution, minimizeInformationRatio } from './bayesian/informationRatio.ts';
export {
  NormalGammaThompsonSampling,
  type NormalGammaThompsonSamplingOptions,
} from './bayesian/NormalGammaThompsonSampling.ts';
export { type PosteriorSummaries, posteriorSummaries } from './bayesian/posteriorSummaries.ts';
export { CascadeUcb, type CascadeUcbOptions } from './cascading/CascadeUcb.ts';
export { CascadingBandit } from './cascading/CascadingBandit.ts';
export { simulateCascadingBandit } from './cascading/simulateCascadingBandit.ts';
export { LinearBandit } from './contextual/LinearBandit.ts';
export {
  LinearContextualBandit,
  type LinearContextualBanditOptions,
} from './contextual/LinearContextualBandit.ts';
export {
  LinearThompsonSampling,
  type LinearThompsonSamplingOptions,
} from './contextual/LinearThompsonSampling.ts';
export { LinUcb, type LinUcbOptions, type OfulConfidence } from './contextual/LinUcb.ts';
export { LogisticContextualBandit } from './contextual/LogisticContextualBandit.ts';
export type { LinearModel } from './contextual/RidgeModel.ts';
export { SquareCb, type SquareCbOptions } from './contextual/SquareCb.ts';
export type { BanditEnvironment } from './core/BanditEnvironment.ts';
export type {
  BanditPolicy,
  ChoiceWithPropensity,
  ProbabilityOptions,
  SelectOptions,
  UpdateOptions,
} from './core/BanditPolicy.ts';
export { type BanditLearner, learnerFromJSON } from './core/learnerFromJSON.ts';
export { simulateBandit } from './core/simulateBandit.ts';
export { BradleyTerryPosterior } from './dueling/BradleyTerryPosterior.ts';
export { BradleyTerryPreference } from './dueling/BradleyTerryPreference.ts';
export {
  DoubleThompsonSampling,
  type DoubleThompsonSamplingOptions,
} from './dueling/DoubleThompsonSampling.ts';
export type { DuelingPolicy } from './dueling/DuelingPolicy.ts';
export { PreferenceIds, type PreferenceIdsOptions } from './dueling/PreferenceIds.ts';
export { simulateDuel } from './dueling/simulateDuel.ts';
export { doublyRobustEstimate } from './offPolicy/doublyRobustEstimate.ts';
export { ipsEstimate, type OffPolicyOptions } from './offPolicy/ipsEstimate.ts';
export type { LoggedBanditData, OffPolicyEstimate } from './offPolicy/LoggedBanditData.ts';
export { snipsEstimate } from './offPolicy/snipsEstimate.ts';
export {
  AlignmentProblem,
  type AlignmentProblemData,
  type PolicyEvaluation,
} from './preference/AlignmentProblem.ts';
export { type BrainOptions, type BrainResult, brainDistill } from './preference/brainDistill.ts';
export {
  type DivergenceFit,
  type DivergenceFitOptions,
  fitByDivergence,
  type PolicyDivergence,
} from './preference/fitByDivergence.ts';
export {
  fitPreferenceEmbedding,
  type PreferenceEmbedding,
  type PreferenceEmbeddingOptions,
} from './preference/fitPreferenceEmbedding.ts';
export {
  fitRewardMixture,
  type RewardMixture,
  type RewardMixtureOptions,
} from './preference/fitRewardMixture.ts';
export {
  type MaxMinOptions,
  type MaxMinPolicy,
  maxMinPolicy,
} from './preference/maxMinPolicy.ts';
export {
  type BradleyTerryFit,
  PreferenceGame,
} from './preference/PreferenceGame.ts';
export {
  type PreferenceLoss,
  PreferenceOptimizer,
  type PreferenceOptimizerOptions,
} from './preference/PreferenceOptimizer.ts';
export {
  type PreferenceCoverage,
  type PreferenceData,
  type PreferenceDatasetOptions,
  preferenceDataset,
} from './preference/preferenceDataset.ts';
export {
  type PreferenceSelfPlay,
  type PreferenceSelfPlayOptions,
  preferenceSelfPlay,
} from './preference/preferenceSelfPlay.ts';
export {
  type ResamplingOptions,
  resamplingAccuracy,
} from './preference/resamplingAccuracy.ts';
export {
  type SelectResponsesOptions,
  selectResponses,
} from './preference/selectResponses.ts';
export {
  type OnlineAligner,
  type OnlineAlignmentOptions,
  simulateOnlineAlignment,
} from './preference/simulateOnlineAlignment.ts';
export { BayesUcb, type BayesUcbOptions } from './stochastic/BayesUcb.ts';
export { BernoulliBandit } from './stochastic/BernoulliBandit.ts';
export { type BoundedArm, BoundedBandit } from './stochastic/BoundedBandit.ts';
export { EpsilonGreedy, type EpsilonGreedyOptions } from './stochastic/EpsilonGreedy.ts';
export { ExploreFirst, type ExploreFirstOptions } from './stochastic/ExploreFirst.ts';
export { GaussianBandit } from './stochastic/GaussianBandit.ts';
export { KlUcb, type KlUcbOptions } from './stochastic/KlUcb.ts';
export { Moss, type MossOptions } from './stochastic/Moss.ts';
export {
  SuccessiveElimination,
  type SuccessiveEliminationOptions,
} from './stochastic/SuccessiveElimination.ts';
export { Ucb1, type Ucb1Options } from './stochastic/Ucb1.ts';
export { UcbV, type UcbVOptions } from './stochastic/UcbV.ts';
export { simulateTallying, type TallyingLearner } from './tallying/simulateTallying.ts';
export {
  TallyingSuccessiveElimination,
  type TallyingSuccessiveEliminationOptions,
} from './tallying/TallyingSuccessiveElimination.ts';
export { WeightedTallyingBandit } from './tallying/WeightedTallyingBandit.ts';
