import { type Rng, RunningStats } from '@x/linalg';
import {
  assertArrayLike,
  assertInteger,
  formatValue,
  MAX_ROUNDS,
  MAX_RUNS,
  readObject,
} from '@x/linalg/validate';
import type { Mdp } from '../model/Mdp.ts';
import type { RegretRunOptions } from './RegretRunOptions.ts';
import type { RegretRuns } from './RegretRuns.ts';
import type { EpisodicSimulationResult } from './simulateEpisodic.ts';

/** The checked checkpoints and the per-run regret table a simulator fills. @internal */
export interface RegretTable {
  readonly marks: Int32Array;
  readonly runs: number;
  readonly firstRun: number;
  /** `runRegret[r * marks.length + c]`: run firstRun + r at checkpoint c. */
  readonly runRegret: Float64Array;
}

/**
 * Validates what the regret simulators share (a positive integer length, rewards in [0, 1], a
 * positive run count, a first run >= 0, checkpoints increasing within [1, length]) and returns
 * the checkpoints with an empty per-run regret table. @internal
 */
export function regretRunSetup(
  fn: string,
  mdp: Mdp,
  lengthName: string,
  length: number,
  options: RegretRunOptions,
): RegretTable {
  const table = regretCheckpoints(fn, lengthName, length, options);
  for (let i = 0; i < mdp.reward.length; i++) {
    if (!(mdp.reward[i]! >= 0 && mdp.reward[i]! <= 1))
      throw new RangeError(`${fn}: rewards must be in [0, 1], got ${mdp.reward[i]} at row ${i}`);
  }
  return table;
}

/** The checks and the table of {@link regretRunSetup} without a model. @internal */
export function regretCheckpoints(
  fn: string,
  lengthName: string,
  length: number,
  options: RegretRunOptions,
): RegretTable {
  const { runs = 1, firstRun = 0, checkpoints } = readObject(fn, 'options', options);
  assertInteger(fn, lengthName, length, 1, MAX_ROUNDS);
  assertInteger(fn, 'runs', runs, 1, MAX_RUNS);
  assertInteger(fn, 'firstRun', firstRun, 0, MAX_RUNS - runs);
  assertArrayLike(fn, 'checkpoints', checkpoints);
  if (checkpoints.length > length)
    throw new RangeError(`${fn}: checkpoints must increase within [1, ${length}]`);
  const marks = new Int32Array(checkpoints.length);
  for (let i = 0; i < marks.length; i++) {
    const c = checkpoints[i];
    if (
      typeof c !== 'number' ||
      !Number.isInteger(c) ||
      !(c >= 1 && c <= length) ||
      (i > 0 && c <= marks[i - 1]!)
    )
      throw new RangeError(
        `${fn}: checkpoints must increase within [1, ${length}], got ${formatValue(c)} at ${i}`,
      );
    marks[i] = c;
  }
  return { marks, runs, firstRun, runRegret: new Float64Array(runs * marks.length) };
}

/**
 * The per-run regret (C checkpoints per run) with its mean and standard error (Infinity for one run)
 * at each checkpoint, accumulated run by run in order, so that joined run ranges summarise to
 * the same bits as one call. @internal
 */
export function regretSummary(firstRun: number, runRegret: Float64Array, C: number): RegretRuns {
  const stats = Array.from({ length: C }, () => new RunningStats());
  for (let i = 0; i < runRegret.length; i++) stats[i % C]!.push(runRegret[i]!);
  return {
    firstRun,
    runRegret,
    meanRegret: Float64Array.from(stats, (x) => x.mean),
    stdError: Float64Array.from(stats, (x) =>
      x.count > 1 ? x.standardError : Number.POSITIVE_INFINITY,
    ),
  };
}

/** The result of an episodic simulator from its filled table. @internal */
export function episodicResult(table: RegretTable): EpisodicSimulationResult {
  return {
    episodes: table.marks,
    ...regretSummary(table.firstRun, table.runRegret, table.marks.length),
  };
}

/** Moves the generator past the streams of the runs before `firstRun`. @internal */
export function skipRuns(rng: Rng, firstRun: number): void {
  for (let i = 0; i < firstRun; i++) rng.split();
}

/**
 * Plays the table's seeded runs and records each run's cumulative regret at the marks. Run i
 * gets its own environment and agent streams, split from the i-th split of `rng`; `startRun`
 * prepares the run and returns the round function, which plays one round and returns its
 * regret. @internal
 */
export function recordRegret(
  rng: Rng,
  { marks, runs, firstRun, runRegret }: RegretTable,
  length: number,
  startRun: (envRng: Rng, agentRng: Rng) => () => number,
): void {
  skipRuns(rng, firstRun);
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const envRng = runRng.split();
    const agentRng = runRng.split();
    const round = startRun(envRng, agentRng);
    let regret = 0;
    let mark = 0;
    for (let k = 0; k < length; k++) {
      regret += round();
      if (k + 1 === marks[mark]) runRegret[run * marks.length + mark++] = regret;
    }
  }
}
