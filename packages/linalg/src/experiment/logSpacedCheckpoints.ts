import { pow } from '../math/index.ts';
import { assertInteger, MAX_ROUNDS } from '../validate/assert.ts';

/**
 * About `count` distinct log-spaced rounds from 1 to `rounds`, the last always included: the
 * default checkpoints of {@link runExperiment}, even on a log-log plot of regret.
 *
 * @param rounds - the run length, in [1, 2^31 - 1]
 * @param count - how many checkpoints to aim for, in [2, 100000] @default 60
 * @throws RangeError on a bad length or count
 *
 * @example
 * logSpacedCheckpoints(1000, 4); // Int32Array [1, 10, 100, 1000]
 */
export function logSpacedCheckpoints(rounds: number, count = 60): Int32Array {
  assertInteger('logSpacedCheckpoints', 'rounds', rounds, 1, MAX_ROUNDS);
  assertInteger('logSpacedCheckpoints', 'count', count, 2, 100_000);
  const set = new Set<number>();
  for (let i = 0; i < count; i++) set.add(Math.max(1, Math.round(pow(rounds, i / (count - 1)))));
  set.add(rounds);
  return Int32Array.from([...set].sort((a, b) => a - b));
}
