import { createRng } from '@x/linalg';
import type { ExportCases } from '../../../test/contract.ts';

const rng = () => createRng(1);
/** A monotone utility on 4 points: the number of points in the subset, capped at 3. */
const utility = () => (subset: Int32Array) => Math.min(subset.length, 3);
/** Two classes on a line, with one mislabelled point. */
const train = () => ({
  x: [[0], [0.1], [0.2], [1], [1.1], [1.2]],
  y: [0, 0, 1, 1, 1, 1],
});
const validation = () => ({ x: [[0.05], [1.05], [0.15]], y: [0, 1, 0] });
const regressionTrain = () => ({ x: [[0], [1], [2], [3]], y: [0.1, 1.1, 1.9, 3.2] });
const regressionValidation = () => ({ x: [[0.5], [2.5]], y: [0.5, 2.5] });
const values = () => [
  [1, 2, 0.5],
  [2, 1, 0.5],
];
const covariance = () => [
  [1, 0.2],
  [0.2, 1],
];

/** A good call of every export of `@x/data-pricing` (see test/contract.ts). */
export const CASES: ExportCases = {
  CachedUtility: {
    args: () => [4, utility(), { maxEntries: 16 }],
    methods: { evaluate: () => [Int32Array.of(0, 2)] },
  },
  banzhafMsr: { args: () => [rng(), 4, utility(), { samples: 20 }] },
  bayesianLinearRegression: {
    args: () => [{ mean: [0, 0], covariance: covariance() }, [[1, 0.5]], [0.3], 0.5],
  },
  dataProductValues: { args: () => [[covariance(), covariance()], [[[1, 0]], [[0, 1]]], 0.5] },
  evaluateMenu: {
    args: () => [
      { values: values(), weights: [0.5, 0.5], costs: [0.1, 0.1, 0] },
      {
        allocation: [
          [1, 0, 0],
          [0, 0.5, 0.5],
        ],
        prices: [0.5, 0.4],
        assignment: [0, 1],
      },
      { tolerance: 1e-9 },
    ],
  },
  exactSemivalue: { args: () => [4, utility(), 'banzhaf'] },
  exactShapley: { args: () => [4, utility()] },
  garble: {
    args: () => [
      [
        [0.8, 0.2],
        [0.3, 0.7],
      ],
      [
        [0.9, 0.1],
        [0.1, 0.9],
      ],
    ],
  },
  informationGain: { args: () => [covariance(), [[1, 0.5]], 0.5] },
  knnShapley: { args: () => [train(), validation(), 2, {}] },
  knnUtility: { args: () => [train(), validation(), 2, {}] },
  leaveOneOut: { args: () => [4, utility()] },
  logisticUtility: { args: () => [train(), validation(), { iterations: 5 }] },
  optimalDeterministicMenu: {
    args: () => [{ values: values(), weights: [0.5, 0.5] }, { maxAssignments: 64 }],
  },
  optimalMenu: { args: () => [{ values: values(), weights: [0.5, 0.5], costs: [0, 0.1, 0] }, {}] },
  permutationShapley: {
    args: () => [rng(), 4, utility(), { permutations: 10, minPermutations: 5 }],
  },
  productMenu: { args: () => [[0.5, 1, 0.25]] },
  randomDataMarket: { args: () => [rng(), { types: 2, products: 2, dimension: 2, noiseStd: 0.5 }] },
  ridgeUtility: { args: () => [regressionTrain(), regressionValidation(), { lambda: 0.1 }] },
  sampledSemivalue: { args: () => [rng(), 4, utility(), 'shapley', { samples: 20 }] },
  valueOfInformation: {
    args: () => [
      {
        prior: [0.5, 0.5],
        utility: [
          [1, 0],
          [0, 1],
        ],
      },
      [
        [0.8, 0.2],
        [0.3, 0.7],
      ],
    ],
  },
};
