import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import {
  ContractProblem,
  firstBest,
  LinearContractLearner,
  linearContract,
  simulateContractLearning,
  tightLinearInstance,
} from '@x/contracts';
import { createRng } from '@x/linalg';

/**
 * On the tight instance the optimal contract attains first best (outcomes reveal the action),
 * so optimal / linear is first best / linear: computed here without a linear program, so the
 * figure needs no HiGHS in the browser.
 */
export function tightRatios(): { n: number; gamma: number; ratio: number }[] {
  const rows: { n: number; gamma: number; ratio: number }[] = [];
  for (const gamma of [0.2, 0.4, 0.6, 0.8])
    for (let n = 2; n <= 10; n++) {
      if (gamma ** -(n - 1) > 2 ** 26) continue;
      const problem = tightLinearInstance(n, gamma);
      const ratio = firstBest(problem).welfare / linearContract(problem).principalUtility;
      rows.push({ n, gamma, ratio });
    }
  return rows;
}

export function tightRatioPlot(): PlotOptions {
  return {
    height: 260,
    x: { label: 'actions n' },
    y: { label: 'optimal / best linear', grid: true },
    color: { legend: true, type: 'ordinal' },
    marks: [
      Plot.line(tightRatios(), { x: 'n', y: 'ratio', stroke: 'gamma' }),
      Plot.dot(tightRatios(), { x: 'n', y: 'ratio', stroke: 'gamma' }),
      Plot.line(
        Array.from({ length: 9 }, (_, i) => ({ n: i + 2 })),
        { x: 'n', y: 'n', strokeDasharray: '4 3' },
      ),
    ],
  };
}

/** The online learner's regret against the best linear contract, mean of 8 runs, with T^(2/3). */
export function onlineRegret(): { t: number; regret: number; curve: string }[] {
  const problem = new ContractProblem({
    outcomes: [
      [0.8, 0.15, 0.05],
      [0.4, 0.4, 0.2],
      [0.1, 0.3, 0.6],
    ],
    costs: [0, 0.3, 1.1],
    rewards: [0, 2, 5],
  });
  const rounds = 8000;
  const checkpoints = Array.from({ length: 16 }, (_, i) => Math.round(((i + 1) * rounds) / 16));
  const result = simulateContractLearning(
    createRng(2026),
    problem,
    () => new LinearContractLearner({ rounds, rewardMax: 5 }),
    { rounds, runs: 8, checkpoints },
  );
  const mean = result.series.regret.mean;
  const scale = mean.at(-1)! / rounds ** (2 / 3);
  return checkpoints.flatMap((t, i) => [
    { t, regret: mean[i]!, curve: 'LinearContractLearner' },
    { t, regret: scale * t ** (2 / 3), curve: 'c T^(2/3)' },
  ]);
}

export function onlineRegretPlot(): PlotOptions {
  return {
    height: 260,
    x: { label: 'rounds T' },
    y: { label: 'regret against the best linear contract', grid: true },
    color: { legend: true },
    marks: [Plot.line(onlineRegret(), { x: 't', y: 'regret', stroke: 'curve' })],
  };
}

/** The far-sighted and myopic designs' values per instance (rows from the guide's data loader). */
export function designPlot(
  rows: readonly { instance: number; design: string; value: number }[],
): () => PlotOptions {
  return () => ({
    height: 260,
    x: {
      label: 'random principal-agent MDP (S = 4, A = 3, H = 5)',
      tickFormat: (d: number) => `${d}`,
    },
    y: { label: "principal's value (the agent's real response)", grid: true },
    color: { legend: true },
    marks: [Plot.dot(rows, { x: 'instance', y: 'value', stroke: 'design', r: 4 })],
  });
}
