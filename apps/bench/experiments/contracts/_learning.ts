import {
  type BisectionContractLearner,
  type ContractProblem,
  type LinearContractLearner,
  type PrincipalAgentMdp,
  simulateContractLearning,
} from '@x/contracts';
import type { Rng } from '@x/linalg';
import type { PlotSpec, Series } from '../../src/Experiment.ts';

/** A contract learner tuned to a number of rounds T. */
export type MakeLearner = (T: number) => LinearContractLearner | BisectionContractLearner;

/** One run of each length T (a fresh learner tuned to T, a split generator): the regret at T. */
export function regretAtLengths(
  rng: Rng,
  problem: ContractProblem | PrincipalAgentMdp,
  lengths: readonly number[],
  make: MakeLearner,
): number[] {
  return lengths.map(
    (T) =>
      simulateContractLearning(rng.split(), problem, () => make(T), {
        rounds: T,
        checkpoints: [T],
      }).series.regret.mean[0]!,
  );
}

/** The last entry of a series over the trials, sorted. */
export function sortedFinals(trials: readonly Record<string, number[]>[], name: string): number[] {
  return trials.map((t) => t[name]!.at(-1)!).sort((a, b) => a - b);
}

/** The p-quantile of sorted values (the lower one). */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Sorted values against their quantile, for a plot over instances. */
export function quantileSeries(name: string, sorted: readonly number[], points = false): Series {
  return {
    name,
    x: sorted.map((_, i) => (i + 0.5) / sorted.length),
    y: [...sorted],
    ...(points ? { points } : {}),
  };
}

/**
 * The two plots of a learning experiment: the mean regret at each T against `comparison` (log-log,
 * with bands) and the regret at the largest T over instances.
 */
export function regretPlots(
  comparison: string,
  xLabel: string,
  lengths: readonly number[],
  series: Series[],
  finals: Series[],
): PlotSpec[] {
  return [
    {
      title: `Regret at T against ${comparison} (mean over instances, 95% band)`,
      xLabel,
      yLabel: 'regret',
      xScale: 'log',
      yScale: 'log',
      series,
    },
    {
      title: `Regret at T = ${lengths.at(-1)} over instances (sorted)`,
      xLabel: 'quantile',
      yLabel: 'regret',
      series: finals,
    },
  ];
}
