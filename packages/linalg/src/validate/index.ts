/**
 * The toolkit for authors of `@x` packages (and of learners, environments and solvers built on
 * them): argument checks whose messages start with the caller's name, the reader of stored
 * learner states, the run-option checks of simulators, and the unchecked kernels behind the
 * validated functions of `@x/linalg`. Application code should not need it: the root of
 * `@x/linalg` is the user's API.
 *
 * Every check takes `fn`, the name of the public function the user called, and throws a
 * `TypeError` (wrong type or shape) or `RangeError` (domain violation) whose message starts with
 * it and names the argument and its value, e.g. `valueIteration: gamma must be in [0, 1), got 1.2`.
 *
 * @packageDocumentation
 * @module @x/linalg/validate
 */

export { type CheckedRunOptions, readRunOptions } from '../experiment/readRunOptions.ts';
export { runExperimentAs } from '../experiment/runExperiment.ts';
export { runRegretAs } from '../experiment/runRegret.ts';
export {
  klBernoulliUpperBoundCeiling,
  klBernoulliUpperBoundUnchecked,
} from '../info/klBernoulliBound.ts';
export { toMatrix } from '../matrix/toMatrix.ts';
export {
  HIGHS_INFINITY,
  solveLinearProgramAs,
  solveLinearProgramsAs,
  solveOptimalLinearProgramAs,
} from '../optimize/solveLinearProgram.ts';
export { type MatrixGameSolution, solveMatrixGameAs } from '../optimize/solveMatrixGame.ts';
export { sampleBetaUnchecked } from '../random/sampleBeta.ts';
export { sampleCategoricalUnchecked } from '../random/sampleCategorical.ts';
export { sampleIntUnchecked } from '../random/sampleInt.ts';
export { logSumExpUnchecked } from '../special/logSumExp.ts';
export {
  asCaller,
  assertArrayLike,
  assertBoolean,
  assertFinite,
  assertFiniteVector,
  assertFunction,
  assertInRange,
  assertInstance,
  assertInteger,
  assertMade,
  assertNonNegative,
  assertNotNaN,
  assertOneOf,
  assertPositive,
  assertProbabilityVector,
  assertRng,
  assertWeights,
  formatValue,
  MAX_ARRAY_LENGTH,
  MAX_ROUNDS,
  MAX_RUNS,
  readObject,
  readOptions,
  type VectorRange,
} from './assert.ts';
export { assertSymmetricPositiveDefinite } from './assertSymmetricPositiveDefinite.ts';
export { type JsonValue, LEARNER_STATE_VERSION, type LearnerState } from './LearnerState.ts';
export { normalizedWeights } from './normalizedWeights.ts';
export { readLearnerState, StateFields, type StateNumberOptions } from './readLearnerState.ts';
export { restoreByType } from './restoreByType.ts';
