import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { Experiment, Outcome, Scale, Source } from './Experiment.ts';
import type { RegisteredExperiment } from './registry.ts';
import { EXPERIMENTS_DIR } from './registry.ts';
import { experimentRng, trialStates } from './seeds.ts';
import { runTrial, type TrialTask } from './worker.ts';

/** Options of {@link runExperiments}. */
export interface RunOptions {
  readonly scale: Scale;
  readonly seed: number;
  /** Worker threads for claim trials; 1 runs them in-process. */
  readonly workers: number;
  /** The experiments' root folder (ids are paths below it). */
  readonly root?: string;
  /** Called after each trial or experiment, for a progress bar. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** The record of one experiment in a report. */
export interface ExperimentResult {
  readonly id: string;
  readonly package: string;
  readonly kind: Experiment['kind'];
  readonly title: string;
  readonly source: Source;
  readonly claim: string;
  readonly trials: number;
  readonly durationMs: number;
  readonly outcome?: Outcome;
  readonly error?: string;
}

/** A whole run: what `results.json` holds. */
export interface BenchReport {
  readonly startedAt: string;
  readonly environment: { readonly node: string; readonly platform: string; readonly cpus: number };
  readonly scale: Scale;
  readonly seed: number;
  readonly workers: number;
  readonly durationMs: number;
  readonly results: readonly ExperimentResult[];
}

/** Default worker count: one per core (the main thread only waits while trials run). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

function describe(e: Experiment) {
  return {
    id: e.id,
    package: e.package,
    kind: e.kind,
    title: e.title,
    source: e.source,
    claim: e.claim,
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * Runs claim experiments first (trials in parallel over worker threads, per-trial split RNG
 * streams), then perf experiments one by one in the main thread. A failing experiment is
 * recorded with its error and the run goes on.
 */
export async function runExperiments(
  list: readonly RegisteredExperiment[],
  options: RunOptions,
): Promise<BenchReport> {
  const started = Date.now();
  const root = options.root ?? EXPERIMENTS_DIR;
  const claims = list.filter((r) => r.experiment.kind === 'claim');
  const perfs = list.filter((r) => r.experiment.kind === 'perf');
  const trialCounts = claims.map((r) =>
    r.experiment.kind === 'claim' ? r.experiment.trials(options.scale) : 0,
  );
  const total = trialCounts.reduce((a, b) => a + b, 0) + perfs.length;
  let done = 0;
  const tick = (label: string) => options.onProgress?.(++done, total, label);

  const pool =
    options.workers > 1
      ? new Tinypool({
          filename: new URL('./workerEntry.js', import.meta.url).href,
          minThreads: 1,
          maxThreads: options.workers,
          isolateWorkers: false,
          // Workers resolve workspace packages to their TypeScript sources, like the main thread.
          execArgv: process.execArgv.some((a) => a.includes('@x/source'))
            ? process.execArgv
            : [...process.execArgv, '--conditions=@x/source'],
        })
      : undefined;
  const results: ExperimentResult[] = [];
  try {
    for (const [k, { file, experiment }] of claims.entries()) {
      if (experiment.kind !== 'claim') continue;
      const t0 = Date.now();
      const n = trialCounts[k]!;
      try {
        const states = trialStates(options.seed, experiment.id, n);
        const outputs = await Promise.all(
          states.map(async (state, index) => {
            const task: TrialTask = { file, root, state, scale: options.scale, index };
            const out = pool ? await pool.run(task, { name: 'runTrial' }) : await runTrial(task);
            tick(experiment.id);
            return out as unknown;
          }),
        );
        const outcome = experiment.summarize(outputs, options.scale);
        results.push({ ...describe(experiment), trials: n, durationMs: Date.now() - t0, outcome });
      } catch (err) {
        results.push({
          ...describe(experiment),
          trials: n,
          durationMs: Date.now() - t0,
          error: errorText(err),
        });
      }
    }
  } finally {
    await pool?.destroy();
  }

  for (const { experiment } of perfs) {
    if (experiment.kind !== 'perf') continue;
    const t0 = Date.now();
    try {
      const outcome = await experiment.run(
        experimentRng(options.seed, experiment.id),
        options.scale,
      );
      results.push({ ...describe(experiment), trials: 1, durationMs: Date.now() - t0, outcome });
    } catch (err) {
      results.push({
        ...describe(experiment),
        trials: 1,
        durationMs: Date.now() - t0,
        error: errorText(err),
      });
    }
    tick(experiment.id);
  }

  return {
    startedAt: new Date(started).toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: availableParallelism(),
    },
    scale: options.scale,
    seed: options.seed,
    workers: options.workers,
    durationMs: Date.now() - started,
    results,
  };
}

/** Whether a report passes: no experiment errored and no claim was refuted. */
export function reportPasses(report: BenchReport): boolean {
  return report.results.every((r) => r.error === undefined && r.outcome?.verdict.holds !== false);
}
