import {
  assertArrayLike,
  assertInteger,
  formatValue,
  MAX_ROUNDS,
  MAX_RUNS,
  readObject,
} from '../validate/assert.ts';
import { logSpacedCheckpoints } from './logSpacedCheckpoints.ts';
import type { SimulationOptions } from './SimulationOptions.ts';

/** `SimulationOptions` checked, with their defaults filled in. */
export interface CheckedRunOptions {
  readonly rounds: number;
  readonly runs: number;
  readonly firstRun: number;
  readonly checkpoints: Int32Array;
}

/**
 * Checks the options of a simulator (`rounds` in [1, 2^31 - 1], `runs` in [1, 2^16],
 * `firstRun + runs` at most 2^16, checkpoints increasing integers in [1, rounds]) and fills in
 * the defaults. Errors name `fn`, the simulator the user called.
 * @throws TypeError if options is not an object or checkpoints not an array; RangeError otherwise
 */
export function readRunOptions(fn: string, options: SimulationOptions): CheckedRunOptions {
  const { rounds, runs = 1, firstRun = 0, checkpoints } = readObject(fn, 'options', options);
  assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
  assertInteger(fn, 'runs', runs, 1, MAX_RUNS);
  assertInteger(fn, 'firstRun', firstRun, 0, MAX_RUNS - runs);
  if (checkpoints === undefined)
    return { rounds, runs, firstRun, checkpoints: logSpacedCheckpoints(rounds) };
  assertArrayLike(fn, 'checkpoints', checkpoints);
  if (checkpoints.length === 0 || checkpoints.length > rounds)
    throw new RangeError(
      `${fn}: checkpoints must hold 1 to ${rounds} rounds, got ${checkpoints.length}`,
    );
  const marks = new Int32Array(checkpoints.length);
  for (let i = 0; i < marks.length; i++) {
    const c = checkpoints[i];
    if (
      typeof c !== 'number' ||
      !Number.isInteger(c) ||
      !(c >= 1 && c <= rounds) ||
      (i > 0 && c <= marks[i - 1]!)
    )
      throw new RangeError(
        `${fn}: checkpoints must be increasing rounds in [1, ${rounds}], got ${formatValue(c)} at index ${i}`,
      );
    marks[i] = c;
  }
  return { rounds, runs, firstRun, checkpoints: marks };
}
