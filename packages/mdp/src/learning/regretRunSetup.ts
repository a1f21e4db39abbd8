import { assertInteger, type Rng, RunningStats } from '@x/linalg';
import type { Mdp } from '../model/Mdp.ts';

/**
 * Validates what the regret simulators share (a positive integer length, rewards in [0, 1], a positive run count,
 * checkpoints increasing within [1, length]) and returns the checkpoints with one accumulator
 * per checkpoint. @internal
 */
export function regretRunSetup(
  fn: string,
  mdp: Mdp,
  lengthName: string,
  length: number,
  runs: number,
  checkpoints: ArrayLike<number>,
): { marks: Int32Array; stats: RunningStats[] } {
  const setup = regretCheckpoints(fn, lengthName, length, runs, checkpoints);
  for (let i = 0; i < mdp.reward.length; i++) {
    if (!(mdp.reward[i]! >= 0 && mdp.reward[i]! <= 1))
      throw new RangeError(`${fn}: rewards must be in [0, 1], got ${mdp.reward[i]} at row ${i}`);
  }
  return setup;
}

/** The checks and accumulators of {@link regretRunSetup} without a model. @internal */
export function regretCheckpoints(
  fn: string,
  lengthName: string,
  length: number,
  runs: number,
  checkpoints: ArrayLike<number>,
): { marks: Int32Array; stats: RunningStats[] } {
  assertInteger(fn, lengthName, length, 1);
  assertInteger(fn, 'runs', runs, 1);
  const marks = Int32Array.from(checkpoints);
  for (let i = 0; i < marks.length; i++) {
    if (!(marks[i]! >= 1 && marks[i]! <= length) || (i > 0 && marks[i]! <= marks[i - 1]!))
      throw new RangeError(`${fn}: checkpoints must increase within [1, ${length}]`);
  }
  return { marks, stats: Array.from({ length: marks.length }, () => new RunningStats()) };
}

/** Mean and standard error (NaN for one run) at each checkpoint. @internal */
export function regretSummary(stats: readonly RunningStats[]): {
  meanRegret: Float64Array;
  stdError: Float64Array;
} {
  return {
    meanRegret: Float64Array.from(stats, (x) => x.mean),
    stdError: Float64Array.from(stats, (x) => (x.count > 1 ? x.standardError : Number.NaN)),
  };
}

/**
 * Plays `runs` seeded runs of `length` rounds and records each run's cumulative regret at the
 * marks. Each run gets its own environment and agent streams, split from `rng`; `startRun`
 * prepares the run and returns the round function, which plays one round and returns its
 * regret. @internal
 */
export function recordRegret(
  rng: Rng,
  runs: number,
  length: number,
  marks: Int32Array,
  stats: readonly RunningStats[],
  startRun: (envRng: Rng, agentRng: Rng) => () => number,
): void {
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const envRng = runRng.split();
    const agentRng = runRng.split();
    const round = startRun(envRng, agentRng);
    let regret = 0;
    let mark = 0;
    for (let k = 0; k < length; k++) {
      regret += round();
      if (k + 1 === marks[mark]) stats[mark++]!.push(regret);
    }
  }
}
