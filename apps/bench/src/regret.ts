/**
 * The helpers of the regret claims: a trial plays each policy once (a simulator of the packages,
 * one run on its own split of the trial's generator) and returns its regret curve; `summarize`
 * averages the curves over trials, fits slopes and draws them with 95% bands. A regret-slope
 * claim is then a short experiment.
 */
import type { BanditEnvironment, BanditPolicy } from '@x/bandits';
import { simulateBandit } from '@x/bandits';
import type { Rng } from '@x/linalg';
import { fitLogLogSlope, RunningStats } from '@x/linalg';
import type { RunResult } from '@x/linalg/experiment';
import type { Series } from './Experiment.ts';

/** The mean curve of a simulator's result (one run: that run's curve), as plain numbers for a trial's output. */
export function curveOf<S extends string>(result: RunResult<S>, series: S): number[] {
  return Array.from(result.series[series].mean);
}

/** One run of each named policy on an environment: regret at the checkpoints, per policy. */
export function regretRuns<E extends BanditEnvironment>(
  rng: Rng,
  env: E,
  policies: Readonly<Record<string, (env: E) => BanditPolicy>>,
  rounds: number,
  checkpoints: readonly number[],
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, make] of Object.entries(policies))
    out[name] = curveOf(simulateBandit(rng.split(), env, make, { rounds, checkpoints }), 'regret');
  return out;
}

/** Mean and standard error over trials of each policy's regret curve. */
export function meanCurves(
  trials: readonly Record<string, number[]>[],
): Record<string, { mean: number[]; se: number[] }> {
  const names = Object.keys(trials[0] ?? {});
  const out: Record<string, { mean: number[]; se: number[] }> = {};
  for (const name of names) {
    const points = trials[0]![name]!.length;
    const stats = Array.from({ length: points }, () => new RunningStats());
    for (const t of trials) for (const [i, v] of t[name]!.entries()) stats[i]!.push(v);
    out[name] = {
      mean: stats.map((s) => s.mean),
      se: stats.map((s) => (s.count > 1 ? s.standardError : 0)),
    };
  }
  return out;
}

/** Plot series with 95% bands from mean curves. */
export function curveSeries(
  curves: Record<string, { mean: number[]; se: number[] }>,
  x: readonly number[],
): Series[] {
  return Object.entries(curves).map(([name, c]) => ({
    name,
    x,
    y: c.mean,
    lower: c.mean.map((m, i) => m - 1.96 * c.se[i]!),
    upper: c.mean.map((m, i) => m + 1.96 * c.se[i]!),
  }));
}

/** About `count` log-spaced integers from `from` to `to`. */
export function logGrid(from: number, to: number, count: number): number[] {
  const set = new Set<number>();
  for (let i = 0; i < count; i++) set.add(Math.round(from * (to / from) ** (i / (count - 1))));
  return [...set].sort((a, b) => a - b);
}

/**
 * For experiments that run each policy once per run length T: the mean regret at each T, its
 * log-log slope with a 95% interval, and whether the slope is within `tolerance` of `target`.
 */
export function slopeOverLengths(
  trials: readonly Record<string, number[]>[],
  names: readonly string[],
  lengths: readonly number[],
  target: number,
  tolerance: number,
): { metrics: Record<string, number>; parts: string[]; series: Series[]; holds: boolean } {
  const metrics: Record<string, number> = {};
  const parts: string[] = [];
  const series: Series[] = [];
  let holds = true;
  for (const name of names) {
    const stats = lengths.map(() => new RunningStats());
    for (const t of trials) for (const [i, v] of t[name]!.entries()) stats[i]!.push(v);
    const mean = stats.map((s) => s.mean);
    const fit = fitLogLogSlope(lengths, mean);
    metrics[`${name}: slope`] = fit.slope;
    holds &&= Math.abs(fit.slope - target) < tolerance;
    parts.push(
      `${name} slope ${fit.slope.toFixed(3)}, 95% CI [${fit.slopeCi[0].toFixed(3)}, ${fit.slopeCi[1].toFixed(3)}]`,
    );
    series.push({
      name,
      x: lengths,
      y: mean,
      lower: stats.map((s) => s.mean - 1.96 * s.standardError),
      upper: stats.map((s) => s.mean + 1.96 * s.standardError),
    });
  }
  return { metrics, parts, series, holds };
}

/** The log-log slope of each mean curve over the grid points at or after `from` (the late part). */
export function lateSlopes(
  curves: Record<string, { mean: number[] }>,
  grid: readonly number[],
  from: number,
): Record<string, number> {
  const start = grid.findIndex((t) => t >= from);
  const out: Record<string, number> = {};
  for (const [name, c] of Object.entries(curves))
    out[name] = fitLogLogSlope(grid.slice(start), c.mean.slice(start)).slope;
  return out;
}
