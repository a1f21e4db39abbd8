import { createRng } from '@x/linalg';
import type { ClassCase, ExportCases } from '../../../test/contract.ts';
import * as api from '../src/index.ts';

const rng = () => createRng(1);
/** A three-state river swim (S = 3, A = 2): small enough to fuzz every planner quickly. */
const mdp = () => api.riverSwim(3);
const H = 3;
/** A two-token, length-two response tree. */
const tree = () => api.randomTokenTree(createRng(2), 2, 2);
const envs = () =>
  api.randomEnvironmentClass(createRng(3), { size: 3, states: 2, actions: 2, horizon: 2 });
const cascadingData = () => ({
  mdp: api.garnet(createRng(5), 2, 4, 2),
  attraction: [0.5, 0.3, 0.4, 0.2, 0.1, 0.6],
  maxLength: 2,
  horizon: 2,
  start: 0,
});
const cascading = () => new api.CascadingProblem(cascadingData());
const problem = () => new api.EpisodicProblem({ mdp: mdp(), horizon: H, start: 0 });
const shape = () => ({ states: 3, actions: 2, horizon: H });
const episode = () => [
  { state: 0, action: 1, reward: 0.5, next: 1 },
  { state: 1, action: 0, reward: 0, next: 0 },
  { state: 0, action: 0, reward: 0.1, next: 0 },
];
const speculation = () => ({
  acceptance: [0.9, 0.5],
  weights: [0.5, 0.5],
  draftCost: 0.1,
  verifyCost: 1,
  maxCandidates: 4,
});
const sparse = () => ({
  states: 2,
  actions: 1,
  rowStart: [0, 1, 2],
  next: [1, 0],
  prob: [1, 1],
  reward: [0, 1],
});

/** An episodic learner over S = 3, A = 2, H = 3, restored by its own fromJSON. */
const episodicLearner = (
  args: () => unknown[],
  restore: (s: never) => { toJSON(): unknown },
): ClassCase => ({
  args,
  methods: { observe: () => [episode()], plan: () => [rng()] },
  restore: (s) => restore(s as never),
  prepare: (a) => (a as api.Ucbvi).observe(episode()),
});

/** A good call of every export of `@x/mdp` (see test/contract.ts). */
export const CASES: ExportCases = {
  CascadingVi: {
    args: () => [{ states: 2, items: 3, maxLength: 2, horizon: 2 }, {}],
    methods: {
      observe: () => [
        [
          { state: 0, list: [0, 1], clicked: 1, reward: 1, next: 1 },
          { state: 1, list: [2], clicked: -1, reward: 0, next: 1 },
        ],
      ],
      plan: () => [rng()],
    },
    restore: (s) => api.CascadingVi.fromJSON(s),
  },
  EnvironmentClass: {
    args: () => [
      {
        environments: [sparse(), { ...sparse(), reward: [1, 0] }],
        horizon: 2,
        prior: [0.5, 0.5],
      },
    ],
  },
  Mdp: {
    args: () => [sparse(), {}],
    methods: {
      expectedNext: () => [0, 0, [1, 2]],
      sampleNext: () => [rng(), 0, 0],
    },
    restore: (s) => new api.Mdp(s as api.SparseMdpData),
  },
  Psrl: episodicLearner(() => [shape(), {}], api.Psrl.fromJSON),
  RlhfIds: {
    args: () => [envs(), { informationSamples: 8 }],
    methods: {
      candidateScores: () => [rng()],
      observe: () => [
        {
          states: [0, 1, 0],
          actions: [1, 0],
          baselineStates: [0, 0, 1],
          baselineActions: [0, 1],
          preferred: true,
        },
      ],
      plan: () => [rng()],
    },
    restore: (s) => api.RlhfIds.fromJSON(s, envs()),
  },
  TokenTree: {
    args: () => [{ vocabulary: 2, length: 1, reference: [0.5, 0.5], reward: [1, 0] }],
  },
  Ucbvi: episodicLearner(() => [shape(), { rounds: 10 }], api.Ucbvi.fromJSON),
  Ucrl2: {
    args: () => [{ states: 3, actions: 2 }, {}],
    methods: { act: () => [1], observe: () => [0, 1, 0.5, 1] },
    restore: (s) => api.Ucrl2.fromJSON(s),
    prepare: (a) => (a as api.Ucrl2).observe(0, 1, 0.5, 1),
  },
  backwardInduction: { args: () => [mdp(), H] },
  bestPerm: { args: () => [[0.5, 0.3, 0.4], [1, 0.5, 0.2], 0.1, 2] },
  bestRejectionThreshold: { args: () => [speculation()] },
  candidateLengthRate: { args: () => [speculation(), { candidates: 2 }] },
  cascadeListValue: { args: () => [[0, 2], [0.5, 0.3, 0.4], [1, 0.5, 0.2], 0.1] },
  cascadingBackwardInduction: { args: () => [api.riverSwim(2), [0.5, 0.3, 0.4, 0.2], 2, 2] },
  chain: { args: () => [4, 0.1] },
  continuationValue: { args: () => [tree(), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]] },
  decodingGap: { args: () => [tree(), [0, 0, 0.5, 0.5, 1, 0], 1, 1] },
  decodingOutcome: { args: () => [tree(), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]] },
  episodicValue: { args: () => [problem(), null], keep: [1] },
  CascadingProblem: { args: () => [cascadingData()] },
  EpisodicProblem: { args: () => [{ mdp: mdp(), horizon: H, start: 0 }] },
  learnerFromJSON: { args: () => [new api.Psrl(shape()).toJSON(), {}] },
  evaluateCascadingPolicy: {
    args: () => [
      cascading(),
      [Int32Array.of(0, 1), Int32Array.of(2), Int32Array.of(1), Int32Array.of(0)],
    ],
  },
  evaluatePolicy: { args: () => [mdp(), 0.9, [1, 1, 1], {}] },
  expectedTokensPerRound: { args: () => [0.8, 3] },
  garnet: { args: () => [rng(), 4, 2, 2] },
  gridworld: { args: () => [2, 3, { goals: [[1, 2, 1]], slip: 0.1, stepReward: 0, walls: [] }] },
  linearProgramming: { args: () => [mdp(), 0.9, {}] },
  lstd: { args: () => [rng(), mdp(), 0.9, [1, 1, 1], { steps: 50 }] },
  maximizeCvar: { args: () => [mdp(), H, 0.5, 0] },
  modifiedPolicyIteration: { args: () => [mdp(), 0.9, {}] },
  policyIteration: { args: () => [mdp(), 0.9, {}] },
  qLearning: { args: () => [rng(), mdp(), 0.9, { steps: 50 }] },
  randomEnvironmentClass: {
    args: () => [rng(), { size: 2, states: 2, actions: 2, horizon: 2 }],
  },
  randomTokenTree: { args: () => [rng(), 2, 2, {}] },
  relativeValueIteration: { args: () => [mdp(), {}] },
  riverSwim: { args: () => [4] },
  simulateAverageReward: {
    args: () => [
      rng(),
      mdp(),
      (m: api.Mdp) => new api.Ucrl2(m),
      { rounds: 20, runs: 2, checkpoints: [10, 20], start: 0 },
    ],
  },
  simulateCascadingMdp: {
    args: () => [
      rng(),
      cascading(),
      (p: api.CascadingProblem) => new api.CascadingVi(p),
      { rounds: 4, runs: 2, checkpoints: [2, 4] },
    ],
  },
  simulateEpisodic: {
    args: () => [
      rng(),
      problem(),
      (p: api.EpisodicProblem) => new api.Psrl(p),
      { rounds: 4, runs: 2, checkpoints: [2, 4] },
    ],
  },
  simulateRlhf: {
    args: () => [
      rng(),
      envs(),
      (e: api.EnvironmentClass) => new api.RlhfIds(e, { variant: 'approximate' }),
      { rounds: 3, runs: 1, checkpoints: [3] },
    ],
  },
  softBackwardInduction: { args: () => [tree(), 1] },
  softValueIteration: { args: () => [mdp(), 0.9, 0.5, {}] },
  solveCandidateLength: { args: () => [speculation()] },
  speculativeSample: { args: () => [rng(), [0.5, 0.5], [0.7, 0.3]] },
  surrogateCells: { args: () => [envs(), 0.1] },
  tdLambda: { args: () => [rng(), mdp(), 0.9, [1, 1, 1], 0.5, { steps: 50 }] },
  tiltedDecoding: { args: () => [tree(), [0, 0, 0.5, 0.5, 1, 0], 1] },
  transferQ: { args: () => [tree(), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], {}] },
  estimateTransferQ: {
    args: () => [
      createRng(1),
      tree(),
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
      {
        rollouts: 4,
        baselineReward: [0, 1, 0, 1, 0, 1, 0, 1],
        beta: 0.5,
        weighting: 'unnormalised',
      },
    ],
  },
  valueIteration: { args: () => [mdp(), 0.9, {}] },
};
