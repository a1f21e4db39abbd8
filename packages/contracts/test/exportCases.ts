import type { ExportCases } from '../../../test/contract.ts';
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

/** A good call of every export of `@x/contracts` (see test/contract.ts). */
export const CASES: ExportCases = {
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
  firstBest: { args: () => [problem()] },
  leastPaymentContracts: { args: () => [problem(), { margin: 0.1 }] },
  linearContract: { args: () => [problem()] },
  optimalContract: { args: () => [problem(), { margin: 0 }] },
  tightLinearInstance: { args: () => [4, 0.5] },
};
