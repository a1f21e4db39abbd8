import { assertArrayLike, assertInteger, readObject } from '../validate/assert.ts';
import type { RunResult, RunSeries } from './RunResult.ts';
import { summariseRuns } from './summariseRuns.ts';

/** Fields every part carries for its own run range; every other field must agree. */
const RUN_FIELDS = new Set(['firstRun', 'runs', 'series']);

function sameValue(a: unknown, b: unknown): boolean {
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
 * Joins results of one experiment computed over disjoint run ranges (`firstRun` and `runs`,
 * one range per worker or machine, in any order) into the result one call over all the runs
 * returns, bit for bit: the runs are put in order and the means and standard errors
 * accumulated over them in that order. Extra fields of a simulator's result (the optimal gain,
 * say) must agree between the parts and are kept.
 *
 * @param parts - results of the same experiment, seed and checkpoints whose run ranges are
 *   disjoint and together contiguous
 * @throws TypeError if a part is not a run result; RangeError if the ranges leave a gap or
 *   overlap, or the parts disagree on the checkpoints, the series or another field
 *
 * @example
 * // One run: a random walk, its position recorded at the checkpoints.
 * const play = ({ environment }: { environment: Rng }) => {
 *   let x = 0;
 *   return {
 *     step: () => { x += environment.nextFloat64() - 0.5; },
 *     measure: (out: Float64Array) => { out[0] = x; },
 *   };
 * };
 * const options = { rounds: 100, series: ['position'] as const };
 * const a = runExperiment(createRng(1), { ...options, runs: 3 }, play); // runs 0 to 2, say on one machine
 * const b = runExperiment(createRng(1), { ...options, firstRun: 3, runs: 5 }, play); // runs 3 to 7
 * mergeRuns([b, a]); // the same bits as runExperiment(createRng(1), { ...options, runs: 8 }, play)
 */
export function mergeRuns<R extends RunResult<string>>(parts: readonly R[]): R {
  const fn = 'mergeRuns';
  assertArrayLike(fn, 'parts', parts);
  if (parts.length === 0) throw new RangeError(`${fn}: parts must not be empty`);
  for (let i = 0; i < parts.length; i++) {
    const part = readObject(fn, `parts[${i}]`, parts[i]!);
    assertInteger(fn, `parts[${i}].firstRun`, part.firstRun, 0);
    assertInteger(fn, `parts[${i}].runs`, part.runs, 1);
    if (!(part.checkpoints instanceof Int32Array))
      throw new TypeError(`${fn}: parts[${i}] must be a run result (checkpoints an Int32Array)`);
    readObject(fn, `parts[${i}].series`, part.series);
  }
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0]!;
  const names = Object.keys(first.series);
  const C = first.checkpoints.length;
  let runs = 0;
  for (const [i, part] of sorted.entries()) {
    if (part.firstRun !== first.firstRun + runs)
      throw new RangeError(
        `${fn}: run ranges must be contiguous and disjoint: after runs ${first.firstRun} to ${first.firstRun + runs - 1} comes a part starting at run ${part.firstRun}`,
      );
    for (const key of Object.keys(first) as (keyof R & string)[])
      if (!RUN_FIELDS.has(key) && !sameValue(first[key], part[key]))
        throw new RangeError(`${fn}: part ${i} (by firstRun) differs from the first in ${key}`);
    const partNames = Object.keys(part.series);
    if (partNames.length !== names.length || names.some((n) => !Object.hasOwn(part.series, n)))
      throw new RangeError(`${fn}: part ${i} (by firstRun) records other series than the first`);
    for (const n of names) {
      const s = (part.series as Record<string, RunSeries>)[n]!;
      if (!(s.perRun instanceof Float64Array) || s.perRun.length !== part.runs * C)
        throw new RangeError(`${fn}: part ${i} (by firstRun) has a malformed series ${n}`);
    }
    runs += part.runs;
  }
  const M = names.length;
  const table = new Float64Array(runs * C * M);
  let r0 = 0;
  for (const part of sorted) {
    for (const [m, n] of names.entries()) {
      const perRun = (part.series as Record<string, RunSeries>)[n]!.perRun;
      for (let r = 0; r < part.runs; r++)
        for (let c = 0; c < C; c++) table[((r0 + r) * C + c) * M + m] = perRun[r * C + c]!;
    }
    r0 += part.runs;
  }
  return { ...first, ...summariseRuns(first.firstRun, runs, first.checkpoints, names, table) };
}
