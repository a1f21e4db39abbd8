import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Scale } from './Experiment.ts';
import { createProgress } from './progress.ts';
import { discoverExperiments, filterExperiments } from './registry.ts';
import { renderHtml } from './report/html.ts';
import { renderMarkdown, verdictLabel } from './report/markdown.ts';
import {
  type BenchReport,
  defaultWorkers,
  mergeShards,
  reportPasses,
  runShard,
  type Shard,
  type ShardResult,
} from './runner.ts';

const HELP = `Usage: pnpm bench [options]

Runs the registered experiments (apps/bench/experiments/<package>/<id>.ts), checks each claim,
times the hot paths, and writes results.json, summary.md and report.html.

Options:
  --scale quick|full   quick: CI-sized (default); full: the paper-sized runs
  --filter PATTERN     ids containing PATTERN, or a glob such as 'linalg/*'; comma-separated
  --group claim|perf   only the claim experiments, or only the timings
  --seed N             root seed (default 1); same seed, same numbers
  --workers N          worker threads for trials (default: one per core; 1 runs in-process)
  --out DIR            output folder (default: bench-report at the repository root)
  --shard K/N          run only shard K of N (the K-th of N ranges of every claim's trials, and
                       the timings in shard 1) and write shard-K-of-N.json to the output folder
  --merge FILES        join shard files (comma-separated) into the report one run would give
  --json               also print the results as JSON on stdout
  --list               list the experiments and exit
  --help               this text

Exit code 1 when a claim is refuted or an experiment errors.`;

/** Reads `K/N` into a shard. */
function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const shard = m === null ? undefined : { index: Number(m[1]), count: Number(m[2]) };
  if (shard === undefined || shard.index < 1 || shard.index > shard.count)
    throw new RangeError(`bench: --shard must be K/N with 1 <= K <= N, got ${text}`);
  return shard;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'quick' },
      filter: { type: 'string' },
      group: { type: 'string' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string' },
      out: { type: 'string' },
      shard: { type: 'string' },
      merge: { type: 'string' },
      json: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const scale = values.scale as Scale;
  if (scale !== 'quick' && scale !== 'full')
    throw new RangeError(`bench: --scale must be quick or full, got ${values.scale}`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new RangeError(`bench: --seed must be a non-negative integer, got ${values.seed}`);
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1)
    throw new RangeError(`bench: --workers must be a positive integer, got ${values.workers}`);

  const group = values.group;
  if (group !== undefined && group !== 'claim' && group !== 'perf') {
    throw new RangeError(`bench: --group must be claim or perf, got ${group}`);
  }
  const selected = filterExperiments(await discoverExperiments(), values.filter).filter(
    (r) => group === undefined || r.experiment.kind === group,
  );
  if (values.list) {
    for (const { experiment: e } of selected)
      process.stdout.write(`${e.id.padEnd(40)} ${e.kind.padEnd(6)} ${e.title}\n`);
    return 0;
  }
  if (selected.length === 0)
    throw new RangeError(`bench: no experiment matches --filter ${values.filter}`);

  const outDir = resolve(values.out ?? join(import.meta.dirname, '..', '..', '..', 'bench-report'));
  mkdirSync(outDir, { recursive: true });
  let report: BenchReport;
  if (values.merge !== undefined) {
    const shards = values.merge
      .split(',')
      .map((file) => JSON.parse(readFileSync(resolve(file.trim()), 'utf8')) as ShardResult);
    report = mergeShards(await discoverExperiments(), shards);
  } else {
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const result = await runShard(selected, {
      scale,
      seed,
      workers,
      onProgress: createProgress(),
      ...(shard === undefined ? {} : { shard }),
    });
    if (shard !== undefined) {
      const file = join(outDir, `shard-${shard.index}-of-${shard.count}.json`);
      writeFileSync(file, `${JSON.stringify(result)}\n`);
      process.stdout.write(`Shard ${shard.index} of ${shard.count}: ${file} (join with --merge)\n`);
      return 0;
    }
    report = mergeShards(selected, [result]);
  }
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, 1)}\n`);
  const md = renderMarkdown(report);
  writeFileSync(join(outDir, 'summary.md'), md);
  writeFileSync(join(outDir, 'report.html'), renderHtml(report));
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    for (const r of report.results) {
      const summary =
        r.error !== undefined ? (r.error.split('\n')[0] ?? '') : (r.outcome?.verdict.summary ?? '');
      process.stdout.write(`${verdictLabel(r).padEnd(5)} ${r.id.padEnd(34)} ${summary}\n`);
    }
    process.stdout.write(
      `\nReport: ${join(outDir, 'report.html')} (summary.md, results.json beside it)\n`,
    );
  }
  for (const r of report.results)
    if (r.error !== undefined) process.stderr.write(`\n${r.id} errored:\n${r.error}\n`);
  return reportPasses(report) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
