import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Experiment } from './Experiment.ts';

/** The folder experiments live in: `experiments/<package>/<name>.ts`. */
export const EXPERIMENTS_DIR = fileURLToPath(new URL('../experiments/', import.meta.url));

/** An experiment and the file it came from (workers import the file again). */
export interface RegisteredExperiment {
  readonly file: string;
  readonly experiment: Experiment;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.startsWith('_')
    ) {
      out.push(path);
    }
  }
  return out.sort();
}

/** Loads the experiment exported as `experiment` from one file, checking its shape and id. */
export async function loadExperiment(file: string, root = EXPERIMENTS_DIR): Promise<Experiment> {
  const mod = (await import(pathToFileURL(file).href)) as { experiment?: Experiment };
  const e = mod.experiment;
  if (e === undefined || (e.kind !== 'claim' && e.kind !== 'perf')) {
    throw new TypeError(
      `bench: ${file} must export \`experiment\` made by defineClaim or definePerf`,
    );
  }
  const expectedId = relative(root, file).replace(/\.ts$/, '').split(sep).join('/');
  if (e.id !== expectedId) {
    throw new TypeError(`bench: ${file} declares id '${e.id}', but its path gives '${expectedId}'`);
  }
  return e;
}

/**
 * Discovers every experiment under `experiments/`: adding a file there registers it, with no
 * change to the harness. Ids are unique because they are paths. Files whose name starts with
 * `_` are helpers shared by a package's experiments, not experiments.
 */
export async function discoverExperiments(root = EXPERIMENTS_DIR): Promise<RegisteredExperiment[]> {
  const files = listFiles(root);
  return Promise.all(
    files.map(async (file) => ({ file, experiment: await loadExperiment(file, root) })),
  );
}

/**
 * Keeps the experiments whose id matches the filter: a substring, or a glob with `*` (for
 * example `linalg/*` or `*perf*`).
 */
export function filterExperiments<T extends { experiment: Experiment }>(
  list: readonly T[],
  filter: string | undefined,
): T[] {
  if (filter === undefined || filter === '') return [...list];
  const parts = filter
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const matchers = parts.map((f) => {
    if (!f.includes('*')) return (id: string) => id.includes(f);
    const re = new RegExp(
      `^${f
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    return (id: string) => re.test(id);
  });
  return list.filter((r) => matchers.some((m) => m(r.experiment.id)));
}
