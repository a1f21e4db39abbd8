import type { ExportCases } from '../../../test/contract.ts';
import * as experiment from '../src/experiment/index.ts';
import * as api from '../src/index.ts';

const rng = () => api.createRng(1);
const spd = () => [
  [2, 0.5],
  [0.5, 1],
];
const vec = () => [0.2, 0.3, 0.5];

/** A good call of every export of `@x/linalg` (see test/contract.ts). */
export const CASES: ExportCases = {
  AliasTable: {
    args: () => [vec()],
    methods: { sample: () => [rng()], sampleMany: () => [rng(), 4] },
  },
  axpy: { args: () => [2, [1, 2], Float64Array.of(1, 1)] },
  betaQuantile: { args: () => [0.3, 2, 3] },
  bicgstab: {
    args: () => [
      (v: Float64Array, out: Float64Array) => {
        out[0] = 2 * v[0]!;
        out[1] = 3 * v[1]!;
      },
      [1, 1],
    ],
  },
  binomialLogPmf: { args: () => [3, 10, 0.4] },
  bootstrapCi: {
    args: () => [rng(), [1, 2, 3, 4, 5], (x: Float64Array) => x[0]!, { resamples: 50 }],
  },
  chiSquareTest: {
    args: () => [
      [10, 12, 8],
      [10, 10, 10],
    ],
  },
  chiSquareTestDiscrete: { args: () => [[0, 1, 1, 0, 1, 0, 1, 1], () => 0.5] },
  choleskySolve: { args: () => [spd(), [1, 1]] },
  conditionNumber: { args: () => [spd()] },
  createRng: { args: () => [7] },
  digamma: { args: () => [2.5] },
  dot: {
    args: () => [
      [1, 2],
      [3, 4],
    ],
  },
  entropy: { args: () => [vec()] },
  erf: { args: () => [0.3] },
  erfc: { args: () => [0.3] },
  fitLine: {
    args: () => [
      [1, 2, 3, 4],
      [2, 4.1, 5.9, 8.2],
    ],
  },
  fitLogLogSlope: {
    args: () => [
      [1, 10, 100, 1000],
      [1, 0.31, 0.1, 0.032],
    ],
  },
  gaussLegendre: { args: () => [5] },
  klBernoulli: { args: () => [0.2, 0.5] },
  klBernoulliLowerBound: { args: () => [0.5, 0.1] },
  klBernoulliUpperBound: { args: () => [0.5, 0.1] },
  klCategorical: { args: () => [vec(), [0.3, 0.3, 0.4]] },
  klGaussian: { args: () => [0, 1, 1, 2] },
  klMultivariateGaussian: { args: () => [[0, 0], spd(), [1, 0], spd()] },
  kolmogorovSmirnovTest: { args: () => [[0.1, 0.5, 0.9, 0.3], (x: number) => x] },
  lgamma: { args: () => [3.5] },
  log1pExp: { args: () => [0.3] },
  logAddExp: { args: () => [0.3, -2] },
  logBeta: { args: () => [2, 3] },
  logDetSpd: { args: () => [spd()] },
  logSigmoid: { args: () => [0.3] },
  logSoftmax: { args: () => [[1, 2, 3]] },
  logSumExp: { args: () => [[1, 2, 3]] },
  luSolve: {
    args: () => [
      [
        [1, 2],
        [3, 4],
      ],
      [1, 1],
    ],
  },
  Matrix: { args: () => [2, 2], trusted: true },
  MultivariateNormal: {
    args: () => [[0, 0], spd()],
    methods: { sample: () => [rng()], logPdf: () => [[0.1, 0.2]] },
  },
  mutualInformation: {
    args: () => [
      [
        [0.2, 0.3],
        [0.1, 0.4],
      ],
    ],
  },
  norm1: { args: () => [[1, -2]] },
  norm2: { args: () => [[1, -2]] },
  normalCdf: { args: () => [0.3, 0, 1] },
  normalLogPdf: { args: () => [0.3, 0, 1] },
  normalPdf: { args: () => [0.3, 0, 1] },
  normalQuantile: { args: () => [0.3, 0, 1] },
  normInf: { args: () => [[1, -2]] },
  poissonLogPmf: { args: () => [3, 2.5] },
  quantile: { args: () => [[3, 1, 2, 5], 0.5] },
  randomOrthogonal: { args: () => [rng(), 3] },
  randomSpd: { args: () => [rng(), [1, 2, 3]] },
  regularizedBeta: { args: () => [0.3, 2, 3] },
  regularizedGamma: { args: () => [2, 1.5] },
  relativeError: { args: () => [1.1, 1] },
  rngFromState: { args: () => [api.createRng(3).getState()] },
  RunningStats: {
    args: () => [],
    methods: { push: () => [1.5], merge: () => [new api.RunningStats().push(2)] },
    restore: (s) => api.RunningStats.fromJSON(s as never),
    prepare: (r) => {
      (r as api.RunningStats).push(1).push(3);
    },
  },
  sampleBernoulli: { args: () => [rng(), 0.3] },
  sampleBeta: { args: () => [rng(), 2, 3] },
  sampleBinomial: { args: () => [rng(), 10, 0.3] },
  sampleCategorical: { args: () => [rng(), vec()] },
  sampleChoice: { args: () => [rng(), 5, 2] },
  sampleDirichlet: { args: () => [rng(), [1, 2, 3]] },
  sampleExponential: { args: () => [rng(), 2] },
  sampleGamma: { args: () => [rng(), 2.5, 1] },
  sampleInt: { args: () => [rng(), 5] },
  sampleNormal: { args: () => [rng(), 0, 1] },
  samplePoisson: { args: () => [rng(), 3] },
  sampleStandardNormal: { args: () => [rng()] },
  sampleUniform: { args: () => [rng(), 0, 2] },
  shermanMorrisonUpdate: { args: () => [Float64Array.of(1, 0, 0, 1), [1, 2]] },
  shuffle: { args: () => [rng(), ['a', 'b', 'c']] },
  sigmoid: { args: () => [0.3] },
  softmax: { args: () => [[1, 2, 3]] },
  solveLinearPrograms: {
    args: () => {
      const [lp, options] = (CASES['solveLinearProgram'] as { args: () => unknown[] }).args();
      return [[lp, lp], options];
    },
  },
  solveLinearProgram: {
    // min x0 + x1 subject to x0 + x1 >= 1, x >= 0.
    args: () => [
      {
        sense: 'minimize',
        cost: Float64Array.of(1, 1),
        colLower: Float64Array.of(0, 0),
        colUpper: Float64Array.of(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
        rowLower: Float64Array.of(1),
        rowUpper: Float64Array.of(Number.POSITIVE_INFINITY),
        matrix: {
          starts: Int32Array.of(0, 2),
          indices: Int32Array.of(0, 1),
          values: Float64Array.of(1, 1),
        },
      },
      {},
    ],
  },
  studentTQuantile: { args: () => [0.9, 5] },
  symmetricInverseSqrt: { args: () => [spd()] },
  symmetricSqrt: { args: () => [spd()] },
};

/** A good call of every export of `@x/linalg/validate`: the toolkit trusts its caller, only the good call is checked. */
export const VALIDATE_CASES: ExportCases = {
  asCaller: { args: () => ['f', () => 1], trusted: true },
  assertArrayLike: { args: () => ['f', 'x', [1]], trusted: true },
  assertFinite: { args: () => ['f', 'x', 1], trusted: true },
  assertFiniteVector: { args: () => ['f', 'x', [1]], trusted: true },
  assertFunction: { args: () => ['f', 'x', () => 1], trusted: true },
  assertInRange: { args: () => ['f', 'x', 0.5, 0, 1], trusted: true },
  assertInstance: {
    args: () => ['f', 'x', new api.RunningStats(), api.RunningStats],
    trusted: true,
  },
  assertInteger: { args: () => ['f', 'x', 1], trusted: true },
  assertBoolean: { args: () => ['f', 'x', true], trusted: true },
  assertMade: { args: () => ['f', 'x', { a: () => 1 }, ['a']], trusted: true },
  assertNonNegative: { args: () => ['f', 'x', 0], trusted: true },
  assertNotNaN: { args: () => ['f', 'x', 1], trusted: true },
  assertOneOf: { args: () => ['f', 'x', 'a', ['a', 'b']], trusted: true },
  assertPositive: { args: () => ['f', 'x', 1], trusted: true },
  assertProbabilityVector: { args: () => ['f', 'x', vec()], trusted: true },
  assertRng: { args: () => ['f', rng()], trusted: true },
  assertSymmetricPositiveDefinite: { args: () => ['f', 'x', spd()], trusted: true },
  assertWeights: { args: () => ['f', 'x', vec()], trusted: true },
  formatValue: { args: () => [1], trusted: true },
  klBernoulliUpperBoundCeiling: { args: () => [0.5, 0.1] },
  klBernoulliUpperBoundUnchecked: { args: () => [0.5, 0.1], trusted: true },
  logSumExpUnchecked: { args: () => [[1, 2, 3]], trusted: true },
  normalizedWeights: { args: () => ['f', 'x', vec(), 3], trusted: true },
  readLearnerState: {
    args: () => ['f', { type: 'T', version: 1, params: {}, stats: {} }, 'T'],
    trusted: true,
  },
  restoreByType: {
    args: () => ['f', { type: 'T' }, { T: { fromJSON: (s: unknown) => s } }],
    trusted: true,
  },
  runExperimentAs: {
    args: () => [
      'f',
      rng(),
      { rounds: 2, series: ['x'] },
      () => ({ step: () => {}, measure: (o: Float64Array) => o.fill(0) }),
    ],
    trusted: true,
  },
  runRegretAs: { args: () => ['f', rng(), { rounds: 2 }, () => () => 0], trusted: true },
  readObject: { args: () => ['f', 'x', {}], trusted: true },
  readOptions: { args: () => ['f', {}], trusted: true },
  readRunOptions: { args: () => ['f', { rounds: 10, runs: 2 }], trusted: true },
  sampleBetaUnchecked: { args: () => [rng(), 2, 3], trusted: true },
  sampleCategoricalUnchecked: { args: () => [rng(), vec()], trusted: true },
  sampleIntUnchecked: { args: () => [rng(), 5], trusted: true },
  solveLinearProgramAs: {
    args: () => ['f', ...(CASES['solveLinearProgram'] as { args: () => unknown[] }).args()],
    trusted: true,
  },
  solveOptimalLinearProgramAs: {
    args: () => ['f', ...(CASES['solveLinearProgram'] as { args: () => unknown[] }).args()],
    trusted: true,
  },
  solveLinearProgramsAs: {
    args: () => ['f', ...(CASES['solveLinearPrograms'] as { args: () => unknown[] }).args()],
    trusted: true,
  },
  solveMatrixGameAs: { args: () => ['f', [0.5, 0, 1, 0.5], 2, 2, {}], trusted: true },
  StateFields: { args: () => ['f', 'params', { a: 1 }], trusted: true },
  toMatrix: { args: () => ['f', 'x', spd()], trusted: true },
};

/** A good call of every export of `@x/linalg/experiment`. */
export const EXPERIMENT_CASES: ExportCases = {
  logSpacedCheckpoints: { args: () => [1000, 4] },
  mergeRuns: {
    args: () => [
      [
        experiment.runExperiment(rng(), { rounds: 4, series: ['x'], runs: 2 }, () => ({
          step: () => {},
          measure: (out: Float64Array) => out.fill(1),
        })),
      ],
    ],
  },
  runRegret: { args: () => [rng(), { rounds: 4, runs: 2 }, () => () => 0.5] },
  runExperiment: {
    args: () => [
      rng(),
      { rounds: 4, series: ['x'], runs: 2, checkpoints: [2, 4] },
      ({ environment }: { environment: api.Rng }) => {
        let sum = 0;
        return {
          step: () => {
            sum += environment.nextFloat64();
          },
          measure: (out: Float64Array) => {
            out[0] = sum;
          },
        };
      },
    ],
  },
};

/** The elementary functions mirror Math's: NaN in, NaN out (only the good call is checked). */
export const MATH_CASES: ExportCases = {
  cos: { args: () => [0.5], trusted: true },
  exp: { args: () => [0.5], trusted: true },
  expm1: { args: () => [0.5], trusted: true },
  log: { args: () => [0.5], trusted: true },
  log1p: { args: () => [0.5], trusted: true },
  pow: { args: () => [0.5, 0.3], trusted: true },
};
