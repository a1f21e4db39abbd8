import { Bench } from 'tinybench';
import type { Scale } from './Experiment.ts';

/** One timed implementation: `fn` performs `opsPerCall` operations (batch fast kernels so the timer's resolution does not dominate). */
export interface PerfCase {
  readonly name: string;
  readonly fn: () => void;
  readonly opsPerCall: number;
}

/** A timing row: operations per second and the speed-up over the baseline. */
export interface PerfRow {
  readonly name: string;
  readonly opsPerSecond: number;
  /** Relative margin of error of the mean throughput, percent. */
  readonly rmePercent: number;
  readonly speedupOverBaseline: number;
}

/**
 * Times a baseline and its candidates in the same process with tinybench, and reports each as
 * operations per second and as a ratio to the baseline: ratios, not absolute thresholds, are
 * what carry over between machines.
 */
export async function comparePerf(
  baseline: PerfCase,
  candidates: readonly PerfCase[],
  scale: Scale,
  { iterations }: { readonly iterations?: number } = {},
): Promise<PerfRow[]> {
  // Slow cases (whole solves) pass a fixed number of iterations instead of a time budget.
  const bench =
    iterations === undefined
      ? new Bench({ time: scale === 'full' ? 1000 : 150, warmupTime: scale === 'full' ? 200 : 50 })
      : new Bench({ time: 0, iterations, warmupIterations: 1, warmupTime: 0 });
  const cases = [baseline, ...candidates];
  for (const c of cases) bench.add(c.name, c.fn);
  await bench.run();
  const rates = bench.tasks.map((t, i) => {
    const r = t.result;
    if (r.state !== 'completed')
      throw new Error(`comparePerf: task '${t.name}' ended in state ${r.state}`);
    return { mean: r.throughput.mean * cases[i]!.opsPerCall, rme: r.throughput.rme };
  });
  const base = rates[0]!.mean;
  return cases.map((c, i) => ({
    name: c.name,
    opsPerSecond: rates[i]!.mean,
    rmePercent: rates[i]!.rme,
    speedupOverBaseline: rates[i]!.mean / base,
  }));
}

/** Formats a rate as e.g. `1.23 M/s`. */
export function formatRate(opsPerSecond: number): string {
  if (opsPerSecond >= 1e9) return `${(opsPerSecond / 1e9).toFixed(2)} G/s`;
  if (opsPerSecond >= 1e6) return `${(opsPerSecond / 1e6).toFixed(2)} M/s`;
  if (opsPerSecond >= 1e3) return `${(opsPerSecond / 1e3).toFixed(2)} k/s`;
  return `${opsPerSecond.toFixed(1)} /s`;
}

/** Rows for a report table. */
export function perfTable(rows: readonly PerfRow[]): Record<string, string | number>[] {
  return rows.map((r) => ({
    implementation: r.name,
    rate: formatRate(r.opsPerSecond),
    'rme %': Number(r.rmePercent.toFixed(2)),
    'x baseline': Number(r.speedupOverBaseline.toFixed(2)),
  }));
}
