import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import {
  call,
  callSequences,
  checkStatePromise,
  numberLike,
  type StatefulCase,
} from '../../../../test/stateful.ts';
import { createRng } from '../random/createRng.ts';
import { RunningStats } from './RunningStats.ts';

const c: StatefulCase<RunningStats> = {
  name: 'RunningStats',
  createRng,
  make: () => new RunningStats(),
  restore: (s) => RunningStats.fromJSON(s as never),
  call: fc.oneof(
    numberLike.map((x) => call(`push(${String(x)})`, (r: RunningStats) => r.push(x as number))),
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 4 }).map((xs) =>
      call(`merge(${JSON.stringify(xs)})`, (r: RunningStats) => {
        const other = new RunningStats();
        for (const x of xs) other.push(x);
        r.merge(other);
      }),
    ),
  ),
  decide: (r: RunningStats) => {
    r.push(0.25);
    return [r.count, r.mean, r.variance];
  },
};

describe('RunningStats: the state promise', () => {
  test.prop(callSequences(c), { seed: 13, numRuns: 100 })(
    'after any accepted and rejected calls the state round-trips through JSON and computes alike',
    (calls, seed) => checkStatePromise(c, calls, seed),
  );
});
