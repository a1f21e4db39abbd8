import { createRng } from '@x/linalg';
import type { ExportCases } from '../../../test/contract.ts';
import { ZeroSumGame } from '../src/games/ZeroSumGame.ts';
import { KnapsackBandit } from '../src/knapsacks/KnapsackBandit.ts';
import { LagrangeBwk } from '../src/knapsacks/LagrangeBwk.ts';
import { PrincipalAgentMdp } from '../src/mdp/PrincipalAgentMdp.ts';
import { BisectionContractLearner } from '../src/online/BisectionContractLearner.ts';
import { LinearContractLearner } from '../src/online/LinearContractLearner.ts';
import { ContractProblem } from '../src/single/ContractProblem.ts';

/** Shirk or work; success is worth 10. */
const data = () => ({
  outcomes: [
    [0.9, 0.1],
    [0.2, 0.8],
  ],
  costs: [0, 1],
  rewards: [0, 10],
});
const problem = () => new ContractProblem(data());
const mdpData = () => ({
  states: 2,
  actions: 2,
  horizon: 2,
  transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
  costs: [0, 0.2, 0, 0.2],
  rewards: [0, 1, 0, 1],
  start: 0,
});
const mdp = () => new PrincipalAgentMdp(mdpData());
const knapsack = () => ({
  rewards: [0.9, 0.5],
  consumption: [[0.8], [0.1]],
  budget: 10,
  rounds: 40,
});
const game = () =>
  new ZeroSumGame([
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ]);

/** A good call of every export of `@x/contracts` (see test/contract.ts). */
export const CASES: ExportCases = {
  BisectionContractLearner: {
    args: () => [{ rounds: 100, rewardMax: 10, samplesPerProbe: 3, precision: 0.1 }],
    methods: { select: () => [createRng(1)], update: () => [0, 3] },
    restore: (state: unknown) => BisectionContractLearner.fromJSON(state),
  },
  ContractProblem: {
    args: () => [data()],
    methods: {
      probability: () => [1, 1],
      cost: () => [1],
      reward: () => [1],
      expectedReward: () => [0],
      expectedPayment: () => [1, [0, 2]],
      bestResponse: () => [[0, 2], { tolerance: 1e-9 }],
    },
  },
  agentBestResponse: { args: () => [mdp(), new Float64Array(8), { tolerance: 1e-9 }] },
  firstBest: { args: () => [problem()] },
  hedgeSelfPlay: { args: () => [game(), 50] },
  minimaxStrategies: { args: () => [game(), {}] },
  ZeroSumGame: {
    args: () => [
      [
        [0.5, 0, 1],
        [1, 0.5, 0],
      ],
    ],
    methods: {
      payoff: () => [
        [0.5, 0.5],
        [0.2, 0.3, 0.5],
      ],
      exploitability: () => [
        [0.5, 0.5],
        [0.2, 0.3, 0.5],
      ],
    },
  },
  leastPaymentContracts: { args: () => [problem(), { margin: 0.1 }] },
  IncentivizedExploration: {
    args: () => [
      {
        priors: [
          [3, 2],
          [1, 1],
        ],
        initialSamples: 6,
      },
    ],
    methods: {
      priorMean: () => [1],
      maxExploration: () => [],
      audit: () => [0.1],
      recommend: () => [createRng(1), 3, 0.1],
    },
  },
  KnapsackBandit: {
    args: () => [knapsack()],
    methods: { pull: () => [createRng(1), 1, new Float64Array(1)] },
  },
  knapsackBenchmark: { args: () => [new KnapsackBandit(knapsack()), {}] },
  LagrangeBwk: {
    args: () => [{ arms: 3, resources: 1, budget: 10, rounds: 40 }],
    methods: { select: () => [createRng(1)], update: () => [1, 1, [0.5]] },
    restore: (state: unknown) => LagrangeBwk.fromJSON(state),
  },
  simulateKnapsackBandit: {
    args: () => [
      createRng(1),
      new KnapsackBandit(knapsack()),
      (e: KnapsackBandit) => new LagrangeBwk(e),
      { rounds: 20, runs: 2 },
    ],
  },
  learnerFromJSON: {
    args: () => [
      JSON.parse(JSON.stringify(new LinearContractLearner({ rounds: 8, rewardMax: 1 }))),
    ],
  },
  LinearContractLearner: {
    args: () => [{ rounds: 27, rewardMax: 10 }],
    methods: { select: () => [createRng(1)], update: () => [0, 3] },
    restore: (state: unknown) => LinearContractLearner.fromJSON(state),
  },
  linearContract: { args: () => [problem()] },
  optimalContract: { args: () => [problem(), { margin: 0 }] },
  optimalSignaling: {
    args: () => [
      {
        prior: [0.7, 0.3],
        senderUtility: [
          [0, 1],
          [0, 1],
        ],
        receiverUtility: [
          [1, 0],
          [0, 1],
        ],
      },
      {},
    ],
  },
  PrincipalAgentMdp: {
    args: () => [mdpData()],
    methods: { probability: () => [0, 1, 1] },
  },
  randomPrincipalAgentMdp: {
    args: () => [createRng(1), { states: 3, actions: 2, horizon: 2, maxCost: 0.5 }],
  },
  planContracts: { args: () => [mdp(), { design: 'myopic', margin: 0 }] },
  linearContractPolicy: { args: () => [mdp()] },
  simulateContractLearning: {
    args: () => [
      createRng(1),
      problem(),
      () => new LinearContractLearner({ rounds: 20, rewardMax: 10 }),
      { rounds: 20, runs: 2 },
    ],
  },
  tightLinearInstance: { args: () => [4, 0.5] },
};
