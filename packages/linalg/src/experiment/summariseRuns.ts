import { RunningStats } from '../stats/RunningStats.ts';
import type { RunResult, RunSeries } from './RunResult.ts';

/**
 * A {@link RunResult} from the table of recorded values, `table[(r * C + c) * M + m]` for run r,
 * checkpoint c and series m. Means and standard errors are accumulated run by run in order, so
 * a table joined from run ranges summarises to the same bits as one call over all the runs.
 * @internal
 */
export function summariseRuns<S extends string>(
  firstRun: number,
  runs: number,
  checkpoints: Int32Array,
  names: readonly S[],
  table: Float64Array,
): RunResult<S> {
  const C = checkpoints.length;
  const M = names.length;
  const series = {} as Record<S, RunSeries>;
  for (const [m, name] of names.entries()) {
    const perRun = new Float64Array(runs * C);
    const mean = new Float64Array(C);
    const standardError = new Float64Array(C);
    for (let r = 0; r < runs; r++)
      for (let c = 0; c < C; c++) perRun[r * C + c] = table[(r * C + c) * M + m]!;
    for (let c = 0; c < C; c++) {
      const stats = new RunningStats();
      for (let r = 0; r < runs; r++) stats.push(perRun[r * C + c]!);
      mean[c] = stats.mean;
      standardError[c] = runs > 1 ? stats.standardError : Number.POSITIVE_INFINITY;
    }
    series[name] = { perRun, mean, standardError };
  }
  return { firstRun, runs, checkpoints, series };
}
