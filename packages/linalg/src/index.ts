/**
 * The core of the `@x` packages: a seeded, splittable, serialisable RNG and samplers; special
 * functions and log-space helpers; information measures; matrix helpers over ml-matrix; sparse
 * linear programs through HiGHS; and statistics. Every stochastic function takes an {@link Rng}
 * first. Subpaths: `@x/linalg/math` (elementary functions with the same bits in every engine),
 * `@x/linalg/experiment` (the seeded experiment runner) and `@x/linalg/validate` (the toolkit
 * for package authors).
 *
 * @packageDocumentation
 * @module @x/linalg
 */

export { Matrix } from 'ml-matrix';
export { entropy } from './info/entropy.ts';
export { klBernoulli } from './info/klBernoulli.ts';
export { klBernoulliLowerBound, klBernoulliUpperBound } from './info/klBernoulliBound.ts';
export { klCategorical } from './info/klCategorical.ts';
export { klGaussian } from './info/klGaussian.ts';
export { klMultivariateGaussian } from './info/klMultivariateGaussian.ts';
export { mutualInformation } from './info/mutualInformation.ts';
export { axpy } from './matrix/axpy.ts';
export { type BicgstabOptions, bicgstab, type IterativeSolution } from './matrix/bicgstab.ts';
export { choleskySolve } from './matrix/choleskySolve.ts';
export { conditionNumber } from './matrix/conditionNumber.ts';
export { dot } from './matrix/dot.ts';
export { logDetSpd } from './matrix/logDetSpd.ts';
export { luSolve } from './matrix/luSolve.ts';
export { norm1, norm2, normInf } from './matrix/norms.ts';
export { randomOrthogonal } from './matrix/randomOrthogonal.ts';
export { randomSpd } from './matrix/randomSpd.ts';
export {
  type ShermanMorrisonOptions,
  shermanMorrisonUpdate,
} from './matrix/shermanMorrisonUpdate.ts';
export { symmetricInverseSqrt, symmetricSqrt } from './matrix/symmetricSqrt.ts';
export type { MatrixLike } from './matrix/toMatrix.ts';
export { gaussLegendre, type QuadratureRule } from './numeric/gaussLegendre.ts';
export { relativeError } from './numeric/relativeError.ts';
export {
  type LinearProgram,
  type LinearProgramFailure,
  type LinearProgramOptions,
  type LinearProgramResult,
  type LinearProgramSolution,
  solveLinearProgram,
  solveLinearPrograms,
} from './optimize/solveLinearProgram.ts';
export { AliasTable } from './random/AliasTable.ts';
export { createRng, rngFromState } from './random/createRng.ts';
export { MultivariateNormal } from './random/MultivariateNormal.ts';
export type { Rng, RngState } from './random/Rng.ts';
export { sampleBernoulli } from './random/sampleBernoulli.ts';
export { sampleBeta } from './random/sampleBeta.ts';
export { sampleBinomial } from './random/sampleBinomial.ts';
export { sampleCategorical } from './random/sampleCategorical.ts';
export { type SampleChoiceOptions, sampleChoice } from './random/sampleChoice.ts';
export { sampleDirichlet } from './random/sampleDirichlet.ts';
export { sampleExponential } from './random/sampleExponential.ts';
export { sampleGamma } from './random/sampleGamma.ts';
export { sampleInt } from './random/sampleInt.ts';
export { sampleNormal, sampleStandardNormal } from './random/sampleNormal.ts';
export { samplePoisson } from './random/samplePoisson.ts';
export { sampleUniform } from './random/sampleUniform.ts';
export { shuffle } from './random/shuffle.ts';
export { betaQuantile } from './special/betaQuantile.ts';
export { binomialLogPmf } from './special/binomialLogPmf.ts';
export { digamma } from './special/digamma.ts';
export { erf, erfc } from './special/erf.ts';
export { lgamma } from './special/lgamma.ts';
export { log1pExp } from './special/log1pExp.ts';
export { logAddExp } from './special/logAddExp.ts';
export { logBeta } from './special/logBeta.ts';
export { logSumExp } from './special/logSumExp.ts';
export { normalCdf } from './special/normalCdf.ts';
export { normalLogPdf, normalPdf } from './special/normalPdf.ts';
export { normalQuantile } from './special/normalQuantile.ts';
export { poissonLogPmf } from './special/poissonLogPmf.ts';
export { regularizedBeta } from './special/regularizedBeta.ts';
export { regularizedGamma } from './special/regularizedGamma.ts';
export { logSigmoid, sigmoid } from './special/sigmoid.ts';
export { logSoftmax, softmax } from './special/softmax.ts';
export {
  type BootstrapOptions,
  bootstrapCi,
  type ConfidenceInterval,
} from './stats/bootstrapCi.ts';
export { type ChiSquareOptions, chiSquareTest, type GoodnessOfFit } from './stats/chiSquareTest.ts';
export {
  type ChiSquareDiscreteOptions,
  chiSquareTestDiscrete,
} from './stats/chiSquareTestDiscrete.ts';
export { fitLine, type LineFit, type LineFitOptions } from './stats/fitLine.ts';
export { fitLogLogSlope } from './stats/fitLogLogSlope.ts';
export { kolmogorovSmirnovTest } from './stats/kolmogorovSmirnovTest.ts';
export { quantile } from './stats/quantile.ts';
export { RunningStats, type RunningStatsState } from './stats/RunningStats.ts';
export { studentTQuantile } from './stats/studentTQuantile.ts';
export type { JsonValue, LearnerState } from './validate/LearnerState.ts';
