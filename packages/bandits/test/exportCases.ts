import { createRng } from '@x/linalg';
import type { ClassCase, ExportCases } from '../../../test/contract.ts';
import * as api from '../src/index.ts';

const rng = () => createRng(1);
const K = 3;

/** Good calls of the BanditPolicy methods, for a policy over K arms (contexts when given). */
const policyMethods = (context?: () => number[]) => {
  const ctx = context === undefined ? {} : { context: context() };
  const batch = context === undefined ? [] : [[context(), context()]];
  return {
    select: () => [rng(), { available: [0, 2], ...ctx }],
    selectMany: () => [rng(), 3, ctx],
    selectSlate: () => [rng(), 2, ctx],
    actionProbabilities: () => [rng(), { samples: 200, ...ctx }],
    selectWithPropensity: () => [rng(), { samples: 200, ...ctx }],
    update: () => [1, 0.5, ctx],
    updateMany: () => [[0, 1], [1, 0], ...batch],
  };
};

/** A policy class over K arms restored by its own fromJSON. */
const indexPolicy = (
  args: () => unknown[],
  restore: (s: never) => { toJSON(): unknown },
): ClassCase => ({
  args,
  methods: {
    ...policyMethods(),
    mean: () => [1],
    pulls: () => [1],
  },
  restore: (s) => restore(s as never),
  prepare: (p) => (p as api.Ucb1).updateMany([0, 1, 2, 0], [1, 0, 1, 0.5]),
});

/** Two prompts, three responses, a reference and prompt weights, the probit link. */
const alignmentData = () => ({
  responses: 3,
  rewards: [0, 1, 2, 1, 0, 0.5],
  reference: [0.2, 0.3, 0.5, 0.6, 0.3, 0.1],
  promptWeights: [1, 2],
  link: 'thurstone' as const,
});
const alignment = () => new api.AlignmentProblem(alignmentData());
/** Rock, paper, scissors as preferences. */
const cyclic = () => [
  [0.5, 0.2, 0.8],
  [0.8, 0.5, 0.2],
  [0.2, 0.8, 0.5],
];
/** The uniform policy of the two prompts, as log-probabilities. */
const uniformLog = () => new Float64Array(6).fill(-Math.log(3));
/** Labelled comparisons of the alignment problem. */
const comparisons = () => ({
  prompt: Int32Array.of(0, 1, 1),
  chosen: Int32Array.of(2, 0, 2),
  rejected: Int32Array.of(0, 1, 1),
});

/** A context of the disjoint model (one feature vector of length 2). */
const ctx2 = () => [0.3, -0.2];
const linear = (restore: (s: never) => { toJSON(): unknown }, options: object = {}): ClassCase => ({
  args: () => [K, 2, { model: 'disjoint', ...options }],
  methods: { ...policyMethods(ctx2), estimate: () => [0] },
  restore: (s) => restore(s as never),
  prepare: (p) => (p as api.LinUcb).updateMany([0, 1], [1, 0], [ctx2(), ctx2()]),
});
const logged = () => ({ actions: [0, 1, 0], rewards: [1, 0, 0.5], propensities: [0.5, 0.5, 0.5] });
const hypotheses = () => [
  [0, 1, 2],
  [2, 1, 0],
  [1, 0, 2],
];

/** A good call of every export of `@x/bandits` (see test/contract.ts). */
export const CASES: ExportCases = {
  AdversarialBandit: {
    args: () => [[0.1, 0.9, 0.5, 0.5], 2],
    methods: { expectedReward: () => [1, 0], pull: () => [rng(), 0, 1] },
  },
  BayesUcb: indexPolicy(() => [K, { rounds: 100 }], api.BayesUcb.fromJSON),
  BernoulliBandit: {
    args: () => [[0.2, 0.5, 0.7]],
    methods: { expectedReward: () => [0, 1], pull: () => [rng(), 0, 1] },
  },
  BetaThompsonSampling: indexPolicy(
    () => [K, { alpha: 1, beta: 1 }],
    api.BetaThompsonSampling.fromJSON,
  ),
  BoundedBandit: {
    args: () => [
      [
        { mean: 0.5, sample: () => 0.5 },
        { mean: 0.2, sample: () => 0.2 },
      ],
      0,
      1,
    ],
    methods: { expectedReward: () => [0, 1], pull: () => [rng(), 0, 1] },
  },
  BradleyTerryPosterior: {
    args: () => [hypotheses()],
    methods: {
      logWeights: () => [],
      meanUtility: () => [],
      probabilityBest: () => [],
      setLogWeights: () => [[0, -1, -2]],
      update: () => [0, 1, true],
      weights: () => [],
    },
  },
  BradleyTerryPreference: {
    args: () => [[0, 0.5, 1]],
    methods: {
      bordaRegret: () => [0, 1],
      compare: () => [rng(), 0, 1],
      condorcetRegret: () => [0, 1],
      preference: () => [0, 2],
    },
  },
  AlignmentProblem: {
    args: () => [alignmentData()],
    methods: {
      bestOfN: () => [4, { logPolicy: uniformLog(), scores: [0, 1, 1, 2, 0, 1] }],
      compare: () => [rng(), 1, 0, 2],
      evaluate: () => [uniformLog(), 0.5],
      sampleOptimal: () => [rng(), 1, 0.5, { maxProposals: 1000 }],
      optimalPolicy: () => [0.5, [1, 1, 0, 1, 1, 1]],
      preference: () => [0, 1, 2],
      rank: () => [rng(), 1, [2, 0, 1]],
      winRate: () => [uniformLog(), uniformLog()],
    },
  },
  CascadeUcb: {
    args: () => [4, 2, {}],
    methods: { selectList: () => [rng(), {}], update: () => [[0, 1], 1] },
    restore: (s) => api.CascadeUcb.fromJSON(s as never),
  },
  CascadingBandit: {
    args: () => [[0.1, 0.5, 0.3, 0.2], 2],
    methods: {
      click: () => [rng(), [0, 1]],
      expectedReward: () => [[0, 1]],
      optimalReward: () => [],
    },
  },
  DoubleThompsonSampling: {
    args: () => [K, {}],
    methods: {
      selectPair: () => [rng()],
      update: () => [0, 1, true],
      wins: () => [0, 1],
    },
    restore: (s) => api.DoubleThompsonSampling.fromJSON(s as never),
  },
  EpsilonGreedy: indexPolicy(() => [K, { epsilon: 0.1 }], api.EpsilonGreedy.fromJSON),
  Exp3: {
    args: () => [K, { rounds: 100 }],
    methods: policyMethods(),
    restore: (s) => api.Exp3.fromJSON(s as never),
  },
  Exp4: {
    args: () => [2, 2, {}],
    methods: {
      select: () => [rng(), { context: [0.5, 0.5, 1, 0] }],
      selectMany: () => [rng(), 3, { context: [0.5, 0.5, 1, 0] }],
      selectSlate: () => [rng(), 2, { context: [0.5, 0.5, 1, 0] }],
      actionProbabilities: () => [rng(), { context: [0.5, 0.5, 1, 0] }],
      selectWithPropensity: () => [rng(), { context: [0.5, 0.5, 1, 0] }],
      update: () => [1, 0.5, { context: [0.5, 0.5, 1, 0] }],
      updateMany: () => [
        [0, 1],
        [1, 0],
        [
          [0.5, 0.5, 1, 0],
          [1, 0, 0, 1],
        ],
      ],
    },
    restore: (s) => api.Exp4.fromJSON(s as never),
  },
  ExploreFirst: indexPolicy(() => [K, { explorationPulls: 2 }], api.ExploreFirst.fromJSON),
  GaussianBandit: {
    args: () => [[0.2, 0.5, 0.7], 1],
    methods: { expectedReward: () => [0, 1], pull: () => [rng(), 0, 1] },
  },
  GaussianThompsonSampling: indexPolicy(() => [K, {}], api.GaussianThompsonSampling.fromJSON),
  Hedge: {
    args: () => [K, { learningRate: 0.1 }],
    methods: {
      probabilities: () => [new Float64Array(3)],
      select: () => [rng()],
      update: () => [[1, 0, 0.5]],
    },
    restore: (s) => api.Hedge.fromJSON(s as never),
  },
  InformationDirectedSampling: indexPolicy(() => [K, {}], api.InformationDirectedSampling.fromJSON),
  KlUcb: indexPolicy(() => [K, { c: 0 }], api.KlUcb.fromJSON),
  LinUcb: linear(api.LinUcb.fromJSON),
  LinearBandit: {
    args: () => [
      [
        [1, 0],
        [0, 1],
      ],
      [0.5, 0.2],
      0.1,
    ],
    methods: {
      context: () => [],
      expectedReward: () => [0, 1],
      pull: () => [rng(), 0, 1],
    },
  },
  LinearContextualBandit: {
    args: () => [[0.5, -0.2], K, {}],
    methods: {
      context: () => [rng(), 0],
      expectedReward: () => [0, 1, [0.3, -0.2, 0.1, 0.4, -0.5, 0.2]],
      pull: () => [rng(), 0, 1, [0.3, -0.2, 0.1, 0.4, -0.5, 0.2]],
    },
  },
  LinearThompsonSampling: linear(api.LinearThompsonSampling.fromJSON),
  LogisticContextualBandit: {
    args: () => [[0.5, -0.2], K, {}],
    methods: {
      context: () => [rng(), 0],
      expectedReward: () => [0, 1, [0.3, -0.2, 0.1, 0.4, -0.5, 0.2]],
      pull: () => [rng(), 0, 1, [0.3, -0.2, 0.1, 0.4, -0.5, 0.2]],
    },
  },
  Moss: indexPolicy(() => [K, { rounds: 100 }], api.Moss.fromJSON),
  NormalGammaThompsonSampling: indexPolicy(() => [K, {}], api.NormalGammaThompsonSampling.fromJSON),
  PreferenceIds: {
    args: () => [hypotheses(), {}],
    methods: {
      information: () => [0, 1],
      objective: () => [0, 1],
      selectPair: () => [rng()],
      update: () => [0, 1, true],
    },
    restore: (s) => api.PreferenceIds.fromJSON(s as never),
  },
  PreferenceGame: {
    args: () => [cyclic()],
    methods: {
      bradleyTerryFit: () => [],
      compare: () => [rng(), 0, 2],
      exploitability: () => [[0.2, 0.3, 0.5]],
      minimaxWinner: () => [{}],
      preference: () => [1, 0],
      winRate: () => [
        [0.2, 0.3, 0.5],
        [1, 0, 0],
      ],
      winRates: () => [[0.2, 0.3, 0.5]],
    },
  },
  PreferenceOptimizer: {
    args: () => [
      alignment(),
      {
        loss: 'spac',
        beta: 0.5,
        learningRate: 0.2,
        pessimism: 0.5,
        rewardBound: 5,
        innerIterations: 3,
      },
    ],
    methods: {
      fit: () => [comparisons(), { iterations: 3 }],
      logPolicy: () => [],
      selectPair: () => [rng(), 1],
      update: () => [0, 1, 2],
    },
    restore: (s) => api.PreferenceOptimizer.fromJSON(s as never),
  },
  SquareCb: linear(api.SquareCb.fromJSON),
  SuccessiveElimination: {
    ...indexPolicy(() => [K, { rounds: 100 }], api.SuccessiveElimination.fromJSON),
    methods: { select: () => [rng()], update: () => [1, 0.5], isActive: () => [1] },
  },
  TallyingSuccessiveElimination: {
    args: () => [K, { rounds: 50, memoryBound: 3 }],
    methods: { activeArms: () => [], select: () => [rng()], update: () => [1, 0.5] },
    restore: (s) => api.TallyingSuccessiveElimination.fromJSON(s as never),
  },
  Ucb1: indexPolicy(() => [K, {}], api.Ucb1.fromJSON),
  UcbV: indexPolicy(() => [K, {}], api.UcbV.fromJSON),
  WeightedTallyingBandit: {
    args: () => [
      [(t: number) => 0.1 * t, (t: number) => 0.2 * t],
      [0.5, 0.5],
    ],
    methods: {
      expectedLoss: () => [0],
      play: () => [rng(), 1],
      repeatedExposureLoss: () => [],
      tally: () => [0],
    },
  },
  doublyRobustEstimate: {
    args: () => [
      logged(),
      [
        [0.5, 0.5],
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      [
        [0.5, 0.5],
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      {},
    ],
  },
  ipsEstimate: { args: () => [logged(), [0.5, 0.5, 0.5], {}] },
  snipsEstimate: { args: () => [logged(), [0.5, 0.5, 0.5], {}] },
  minimizeInformationRatio: {
    args: () => [
      [0.1, 0.3],
      [0.2, 0.05],
      [0, 1],
    ],
  },
  learnerFromJSON: { args: () => [new api.Ucb1(2).toJSON()] },
  brainDistill: {
    args: () => [
      rng(),
      alignment(),
      { beta: 0.5, samples: 4, iterations: 10, learningRate: 0.5, baseline: 'none' },
    ],
  },
  fitByDivergence: {
    args: () => [
      rng(),
      [0.4, 0.2, 0.4],
      [
        [0, 0],
        [1, 1],
        [2, 4],
      ],
      { divergence: 'reverse-kl', iterations: 20, learningRate: 1, start: [0, 0] },
    ],
  },
  fitPreferenceEmbedding: {
    args: () => [
      rng(),
      new api.PreferenceGame(cyclic()),
      { dim: 2, iterations: 20, learningRate: 0.5 },
    ],
  },
  fitRewardMixture: {
    args: () => [
      rng(),
      [comparisons(), comparisons()],
      {
        prompts: 2,
        responses: 3,
        groups: 2,
        iterations: 3,
        innerIterations: 2,
        regularization: 0.01,
      },
    ],
  },
  maxMinPolicy: {
    args: () => [
      [alignment(), new api.AlignmentProblem({ ...alignmentData(), rewards: [2, 1, 0, 0, 1, 2] })],
      { beta: 0.5, iterations: 20 },
    ],
  },
  selectResponses: {
    args: () => [
      rng(),
      alignment(),
      1,
      {
        strategy: 'best-of-majority',
        n: 20,
        k: 2,
        scores: [0, 2, 1],
        threshold: 0.2,
        logPolicy: uniformLog().subarray(3),
      },
    ],
  },
  resamplingAccuracy: {
    args: () => [{ accuracy: 0.3, falsePositive: 0.1, falseNegative: 0.05, attempts: 8 }],
  },
  preferenceSelfPlay: {
    args: () => [
      new api.PreferenceGame(cyclic()),
      { rounds: 20, eta: 0.5, start: [0.6, 0.2, 0.2] },
    ],
  },
  preferenceDataset: {
    args: () => [
      rng(),
      alignment(),
      { pairs: 10, coverage: { kind: 'anchored', covered: [1, 1, 0, 1, 1, 1] } },
    ],
  },
  posteriorSummaries: {
    args: () => [
      Float64Array.of(0, 0.5, 1),
      Float64Array.of(0.5, 1, 0.5, 0.5, 1, 0.5),
      [0.5, 0.5],
      [0, 1],
      2,
    ],
  },
  simulateBandit: {
    args: () => [
      rng(),
      new api.BernoulliBandit([0.2, 0.8]),
      () => new api.Ucb1(2),
      { rounds: 20, runs: 2 },
    ],
  },
  simulateCascadingBandit: {
    args: () => [
      rng(),
      new api.CascadingBandit([0.1, 0.5, 0.3], 2),
      () => new api.CascadeUcb(3, 2),
      { rounds: 20, runs: 2 },
    ],
  },
  simulateDuel: {
    args: () => [
      rng(),
      new api.BradleyTerryPreference([0, 0.5, 1]),
      () => new api.DoubleThompsonSampling(3),
      { rounds: 20, runs: 2 },
    ],
  },
  simulateOnlineAlignment: {
    args: () => [
      rng(),
      alignment(),
      (p: api.AlignmentProblem) =>
        new api.PreferenceOptimizer(p, { loss: 'dpo', beta: 1, learningRate: 0.2 }),
      { rounds: 10, runs: 2, beta: 0.5 },
    ],
  },
  simulateTallying: {
    args: () => [
      rng(),
      () =>
        new api.WeightedTallyingBandit(
          [(t: number) => 0.1 * t, (t: number) => 0.3 * t],
          [0.5, 0.5],
        ),
      () => new api.TallyingSuccessiveElimination(2, { rounds: 20, memoryBound: 2 }),
      { rounds: 20, runs: 2, checkpoints: [10, 20] },
    ],
  },
};
