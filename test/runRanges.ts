/**
 * The run-range promise of every simulator of the `@x` packages, as a property: a simulator
 * called over runs [0, R) returns, bit for bit, what its calls over any split of [0, R) into
 * contiguous ranges (`firstRun`, `runs`) return once joined by `mergeRuns`, in any order.
 *
 * Each package's `simulators.property.test.ts` lists its simulators.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';

/** A simulator's result, as `@x/linalg/experiment` defines it (only what is compared). */
interface RunResultLike {
  readonly firstRun: number;
  readonly runs: number;
}

/** One simulator: a call over a run range, and the package's merge. */
export interface RunRangeCase {
  readonly name: string;
  /** Calls the simulator with a fresh generator of a fixed seed over runs [firstRun, firstRun + runs). */
  readonly simulate: (firstRun: number, runs: number) => RunResultLike;
}

/** Splits of [0, total) into contiguous ranges, as cut points, with an order to merge them in. */
export const runSplits = (total: number): fc.Arbitrary<{ cuts: number[]; order: number[] }> =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: total - 1 }), { maxLength: Math.min(4, total - 1) })
    .chain((inner) => {
      const cuts = [0, ...inner.sort((a, b) => a - b), total];
      const parts = cuts.length - 1;
      return fc
        .shuffledSubarray(
          Array.from({ length: parts }, (_, i) => i),
          { minLength: parts, maxLength: parts },
        )
        .map((order) => ({ cuts, order }));
    });

/** Checks the promise for one split: the merged parts equal the single call. */
export function checkRunRanges(
  simulator: RunRangeCase,
  merge: (parts: readonly RunResultLike[]) => RunResultLike,
  whole: RunResultLike,
  split: { cuts: number[]; order: number[] },
): void {
  const { cuts, order } = split;
  const parts = order.map((i) => simulator.simulate(cuts[i]!, cuts[i + 1]! - cuts[i]!));
  expect(merge(parts), `${simulator.name} merged over ${JSON.stringify(cuts)}`).toEqual(whole);
}

/**
 * The property for every simulator of a package: `runs` runs in one call, against random splits
 * merged by `merge` (`mergeRuns` of `@x/linalg/experiment`, passed in: this helper sits outside
 * the packages).
 */
export function describeRunRanges(
  simulators: readonly RunRangeCase[],
  merge: (parts: readonly RunResultLike[]) => RunResultLike,
  runs: number,
): void {
  describe('every simulator: any split of the runs merges into the single call, bit for bit', () => {
    for (const simulator of simulators) {
      const whole = simulator.simulate(0, runs);
      test.prop([runSplits(runs)], { seed: 11, numRuns: 8 })(simulator.name, (split) =>
        checkRunRanges(simulator, merge, whole, split),
      );
    }
  });
}
