/**
 * The value of data: the instrumental value of information of an experiment, the information
 * gain of a data request in Bayesian linear regression, and data valuation (leave-one-out,
 * exact and Monte Carlo Shapley, KNN-Shapley, Data Banzhaf, Beta Shapley) over cached,
 * model-backed utilities.
 *
 * @packageDocumentation
 * @module @x/data-pricing
 */

export type { Dataset } from './data/Dataset.ts';
export {
  bayesianLinearRegression,
  type GaussianBelief,
} from './information/bayesianLinearRegression.ts';
export { garble } from './information/garble.ts';
export { informationGain } from './information/informationGain.ts';
export {
  type DecisionProblem,
  type InformationValue,
  valueOfInformation,
} from './information/valueOfInformation.ts';
export { dataProductValues } from './pricing/dataProductValues.ts';
export {
  type EvaluateMenuOptions,
  evaluateMenu,
  type MenuOutcome,
} from './pricing/evaluateMenu.ts';
export type { Market } from './pricing/Market.ts';
export { type Menu, productMenu } from './pricing/Menu.ts';
export {
  type DeterministicMenu,
  type OptimalDeterministicMenuOptions,
  optimalDeterministicMenu,
} from './pricing/optimalDeterministicMenu.ts';
export { type OptimalMenu, type OptimalMenuOptions, optimalMenu } from './pricing/optimalMenu.ts';
export {
  type DataMarket,
  type RandomDataMarketOptions,
  randomDataMarket,
} from './pricing/randomDataMarket.ts';
export { type KnnUtilityOptions, knnUtility } from './utilities/knnUtility.ts';
export { type LogisticUtilityOptions, logisticUtility } from './utilities/logisticUtility.ts';
export type { ModelUtilityOptions } from './utilities/ModelUtilityOptions.ts';
export { type RidgeUtilityOptions, ridgeUtility } from './utilities/ridgeUtility.ts';
export { type BanzhafResult, banzhafMsr } from './valuation/banzhafMsr.ts';
export { CachedUtility } from './valuation/CachedUtility.ts';
export { exactSemivalue, exactShapley } from './valuation/exactSemivalue.ts';
export { type KnnShapleyOptions, knnShapley } from './valuation/knnShapley.ts';
export { leaveOneOut } from './valuation/leaveOneOut.ts';
export {
  type PermutationShapleyOptions,
  type PermutationShapleyResult,
  permutationShapley,
} from './valuation/permutationShapley.ts';
export {
  type SampledSemivalueResult,
  sampledSemivalue,
} from './valuation/sampledSemivalue.ts';
export type { Semivalue } from './valuation/semivalueWeights.ts';
export type {
  IncrementalUtility,
  Utility,
  UtilityLike,
  UtilityObject,
} from './valuation/Utility.ts';
