import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Scale } from './Experiment.ts';
import { createProgress } from './progress.ts';
import { discoverExperiments, filterExperiments } from './registry.ts';
import { renderHtml } from './report/html.ts';
import { renderMarkdown, verdictLabel } from './report/markdown.ts';
import { defaultWorkers, reportPasses, runExperiments } from './runner.ts';

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
  --json               also print the results as JSON on stdout
  --list               list the experiments and exit
  --help               this text

Exit code 1 when a claim is refuted or an experiment errors.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'quick' },
      filter: { type: 'string' },
      group: { type: 'string' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string' },
      out: { type: 'string' },
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

  const report = await runExperiments(selected, {
    scale,
    seed,
    workers,
    onProgress: createProgress(),
  });
  const outDir = resolve(values.out ?? join(import.meta.dirname, '..', '..', '..', 'bench-report'));
  mkdirSync(outDir, { recursive: true });
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
