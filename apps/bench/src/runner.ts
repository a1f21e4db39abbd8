import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { Experiment, Outcome, Scale, Source } from './Experiment.ts';
import type { RegisteredExperiment } from './registry.ts';
import { EXPERIMENTS_DIR } from './registry.ts';
import { experimentRng, trialStates } from './seeds.ts';
import { decodeTrial, encodeTrial } from './trialCodec.ts';
import { runTrial, type TrialTask } from './worker.ts';

/** Shard k of n (1-based): the k-th of n contiguous ranges of every claim's trials. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

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
  /** Run only this shard's trials (and, in shard 1, the timings). @default the whole run */
  readonly shard?: Shard;
}

/** The trials one shard ran of one claim experiment, or the error that stopped them. */
export interface ShardTrials {
  readonly id: string;
  /** All trials of the experiment at this scale. */
  readonly trials: number;
  /** The first trial this shard ran; it ran `outputs.length` of them, in order. */
  readonly firstTrial: number;
  /** The trial outputs, encoded as JSON data (see trialCodec). */
  readonly outputs: readonly unknown[];
  readonly durationMs: number;
  readonly error?: string;
}

/** What one shard of a bench run produced: its trials' outputs and, in shard 1, the timings. */
export interface ShardResult {
  readonly startedAt: string;
  readonly environment: BenchReport['environment'];
  readonly scale: Scale;
  readonly seed: number;
  readonly workers: number;
  readonly shard: Shard;
  readonly durationMs: number;
  readonly claims: readonly ShardTrials[];
  /** The timing experiments' results (shard 1 only; timings do not merge). */
  readonly perf: readonly ExperimentResult[];
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

/** The trials [first, end) of shard k of n over `trials` trials: contiguous, disjoint, covering. */
export function shardRange(shard: Shard, trials: number): readonly [number, number] {
  return [
    Math.floor(((shard.index - 1) * trials) / shard.count),
    Math.floor((shard.index * trials) / shard.count),
  ];
}

/**
 * Runs one shard of a bench run (the whole run by default): claim experiments first, this
 * shard's trials in parallel over worker threads, trial i always on the i-th split of the
 * experiment's root generator whatever shard or worker runs it; then, in shard 1, the perf
 * experiments one by one in the main thread. A failing experiment is recorded with its error and
 * the run goes on. {@link mergeShards} turns the shards into the report one run would give.
 */
export async function runShard(
  list: readonly RegisteredExperiment[],
  options: RunOptions,
): Promise<ShardResult> {
  const started = Date.now();
  const root = options.root ?? EXPERIMENTS_DIR;
  const shard = options.shard ?? { index: 1, count: 1 };
  if (
    !(Number.isInteger(shard.count) && shard.count >= 1) ||
    !(Number.isInteger(shard.index) && shard.index >= 1 && shard.index <= shard.count)
  )
    throw new RangeError(
      `bench: shard must be k/n with 1 <= k <= n, got ${shard.index}/${shard.count}`,
    );
  const claims = list.filter((r) => r.experiment.kind === 'claim');
  const perfs = shard.index === 1 ? list.filter((r) => r.experiment.kind === 'perf') : [];
  const ranges = claims.map((r) =>
    shardRange(shard, r.experiment.kind === 'claim' ? r.experiment.trials(options.scale) : 0),
  );
  const total = ranges.reduce((a, [first, end]) => a + end - first, 0) + perfs.length;
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
  const claimResults: ShardTrials[] = [];
  try {
    for (const [k, { file, experiment }] of claims.entries()) {
      if (experiment.kind !== 'claim') continue;
      const t0 = Date.now();
      const trials = experiment.trials(options.scale);
      const [first, end] = ranges[k]!;
      const record = { id: experiment.id, trials, firstTrial: first };
      try {
        const states = trialStates(options.seed, experiment.id, end).slice(first);
        const outputs = await Promise.all(
          states.map(async (state, i) => {
            const task: TrialTask = { file, root, state, scale: options.scale, index: first + i };
            const out = pool ? await pool.run(task, { name: 'runTrial' }) : await runTrial(task);
            tick(experiment.id);
            return encodeTrial(out, `${experiment.id} trial ${first + i}`);
          }),
        );
        claimResults.push({ ...record, outputs, durationMs: Date.now() - t0 });
      } catch (err) {
        claimResults.push({
          ...record,
          outputs: [],
          durationMs: Date.now() - t0,
          error: errorText(err),
        });
      }
    }
  } finally {
    await pool?.destroy();
  }

  const perf: ExperimentResult[] = [];
  for (const { experiment } of perfs) {
    if (experiment.kind !== 'perf') continue;
    const t0 = Date.now();
    try {
      const outcome = await experiment.run(
        experimentRng(options.seed, experiment.id),
        options.scale,
      );
      perf.push({ ...describe(experiment), trials: 1, durationMs: Date.now() - t0, outcome });
    } catch (err) {
      perf.push({
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
    shard,
    durationMs: Date.now() - started,
    claims: claimResults,
    perf,
  };
}

/**
 * Joins the shards of one bench run (same seed, scale and experiments; shards 1 to n, in any
 * order) into the report one unsharded run gives: each claim's trial outputs are put in trial
 * order and summarised once, so its numbers, plots and verdict are the same bit for bit.
 * @throws RangeError if the shards disagree on the run or leave a trial out or run one twice
 */
export function mergeShards(
  list: readonly RegisteredExperiment[],
  shards: readonly ShardResult[],
): BenchReport {
  if (shards.length === 0) throw new RangeError('bench: nothing to merge');
  const sorted = [...shards].sort((a, b) => a.shard.index - b.shard.index);
  const head = sorted[0]!;
  for (const [i, s] of sorted.entries()) {
    if (s.seed !== head.seed || s.scale !== head.scale || s.shard.count !== sorted.length)
      throw new RangeError(
        `bench: shard ${s.shard.index}/${s.shard.count} (seed ${s.seed}, ${s.scale}) does not belong with shard ${head.shard.index}/${head.shard.count} (seed ${head.seed}, ${head.scale}) among ${sorted.length} shards`,
      );
    if (s.shard.index !== i + 1)
      throw new RangeError(`bench: shard ${i + 1} of ${sorted.length} is missing or given twice`);
  }
  const byId = new Map(list.map((r) => [r.experiment.id, r.experiment]));
  const results: ExperimentResult[] = [];
  for (const claim of head.claims) {
    const experiment = byId.get(claim.id);
    if (experiment === undefined || experiment.kind !== 'claim')
      throw new RangeError(
        `bench: the shards ran ${claim.id}, which is not a claim experiment here`,
      );
    const parts = sorted.map((s) => {
      const part = s.claims.find((c) => c.id === claim.id);
      if (part === undefined)
        throw new RangeError(`bench: shard ${s.shard.index} did not run ${claim.id}`);
      return part;
    });
    const durationMs = parts.reduce((a, p) => a + p.durationMs, 0);
    const failed = parts.find((p) => p.error !== undefined);
    if (failed !== undefined) {
      results.push({
        ...describe(experiment),
        trials: claim.trials,
        durationMs,
        error: failed.error!,
      });
      continue;
    }
    let next = 0;
    const outputs: unknown[] = [];
    for (const p of parts) {
      if (p.trials !== claim.trials || p.firstTrial !== next)
        throw new RangeError(
          `bench: ${claim.id}: the shards' trials are not one contiguous run of ${claim.trials} (a shard starts at trial ${p.firstTrial}, expected ${next})`,
        );
      for (const o of p.outputs) outputs.push(decodeTrial(o));
      next += p.outputs.length;
    }
    if (next !== claim.trials)
      throw new RangeError(
        `bench: ${claim.id}: the shards ran ${next} of its ${claim.trials} trials`,
      );
    try {
      const outcome = experiment.summarize(outputs, head.scale);
      results.push({ ...describe(experiment), trials: claim.trials, durationMs, outcome });
    } catch (err) {
      results.push({
        ...describe(experiment),
        trials: claim.trials,
        durationMs,
        error: errorText(err),
      });
    }
  }
  return {
    startedAt: head.startedAt,
    environment: head.environment,
    scale: head.scale,
    seed: head.seed,
    workers: head.workers,
    durationMs: Math.max(...sorted.map((s) => s.durationMs)),
    results: [...results, ...head.perf],
  };
}

/** Runs the experiments (the whole run: no `shard`) and reports: {@link runShard}, then {@link mergeShards}. */
export async function runExperiments(
  list: readonly RegisteredExperiment[],
  options: RunOptions,
): Promise<BenchReport> {
  return mergeShards(list, [await runShard(list, options)]);
}

/** Whether a report passes: no experiment errored and no claim was refuted. */
export function reportPasses(report: BenchReport): boolean {
  return report.results.every((r) => r.error === undefined && r.outcome?.verdict.holds !== false);
}
