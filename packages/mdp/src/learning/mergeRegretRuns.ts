import { assertArrayLike, assertInteger, readObject } from '@x/linalg/validate';
import type { RegretRuns } from './RegretRuns.ts';
import { regretSummary } from './regretRunSetup.ts';

const RUN_FIELDS = new Set(['firstRun', 'runRegret', 'meanRegret', 'stdError']);

function sameField(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  return Object.is(a, b);
}

/**
 * Joins the results of one simulation split into run ranges (`firstRun` and `runs` options,
 * say one range per worker) into the result a single call over all the runs returns: the runs
 * are put in order, and the mean and standard error are accumulated over them in the same
 * order, so the joined result equals the single call's bit for bit.
 *
 * @param parts - results of the same simulator on the same problem, seed and checkpoints, whose
 *   run ranges are disjoint and together contiguous (in any order)
 * @returns a result of the parts' type covering every run
 * @throws RangeError if there are no parts, the run ranges leave a gap or overlap, or the parts
 *   disagree on any other field (checkpoints, optimal gain)
 */
export function mergeRegretRuns<T extends RegretRuns>(parts: readonly T[]): T {
  const fn = 'mergeRegretRuns';
  assertArrayLike(fn, 'parts', parts);
  if (parts.length === 0) throw new RangeError(`${fn}: parts must not be empty`);
  for (let i = 0; i < parts.length; i++) {
    const part = readObject(fn, `parts[${i}]`, parts[i]!);
    assertInteger(fn, `parts[${i}].firstRun`, part.firstRun, 0);
    if (!(part.meanRegret instanceof Float64Array) || !(part.runRegret instanceof Float64Array))
      throw new TypeError(
        `${fn}: parts[${i}] must be a simulator's result (meanRegret and runRegret Float64Arrays)`,
      );
  }
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0]!;
  const C = first.meanRegret.length;
  let runs = 0;
  for (const [i, part] of sorted.entries()) {
    if (
      part.meanRegret.length !== C ||
      part.runRegret.length % C !== 0 ||
      part.runRegret.length === 0
    )
      throw new RangeError(
        `${fn}: the part with firstRun ${part.firstRun} records ${part.meanRegret.length} checkpoints and ${part.runRegret.length} values, the first ${C} checkpoints`,
      );
    if (part.firstRun !== first.firstRun + runs)
      throw new RangeError(
        `${fn}: run ranges must be contiguous and disjoint: after runs ${first.firstRun} to ${first.firstRun + runs - 1} comes a part starting at run ${part.firstRun}`,
      );
    for (const key of Object.keys(first) as (keyof T & string)[]) {
      if (!RUN_FIELDS.has(key) && !sameField(first[key], part[key]))
        throw new RangeError(`${fn}: part ${i} (by firstRun) differs from the first in ${key}`);
    }
    runs += part.runRegret.length / C;
  }
  const runRegret = new Float64Array(runs * C);
  let offset = 0;
  for (const part of sorted) {
    runRegret.set(part.runRegret, offset);
    offset += part.runRegret.length;
  }
  return { ...first, ...regretSummary(first.firstRun, runRegret, C) };
}
