import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/createRng.ts';
import type { Rng } from '../random/Rng.ts';
import { logSpacedCheckpoints } from './logSpacedCheckpoints.ts';
import { mergeRuns } from './mergeRuns.ts';
import { type RunStreams, runExperiment } from './runExperiment.ts';

/** A random walk per run, with a second series that uses the agent's stream. */
const walk = ({ environment, agent }: RunStreams) => {
  let x = 0;
  let y = 0;
  return {
    step: () => {
      x += environment.nextFloat64() - 0.5;
      y += agent.nextFloat64();
    },
    measure: (out: Float64Array) => {
      out[0] = x;
      out[1] = y;
    },
  };
};
const spec = { rounds: 50, series: ['walk', 'sum'] as const, checkpoints: [1, 10, 50] };

describe('runExperiment', () => {
  it('records every run at the checkpoints, with means and standard errors over runs', () => {
    const r = runExperiment(createRng(1), { ...spec, runs: 4 }, walk);
    expect(r.firstRun).toBe(0);
    expect(r.runs).toBe(4);
    expect(Array.from(r.checkpoints)).toEqual([1, 10, 50]);
    const { perRun, mean, standardError } = r.series.walk;
    expect(perRun).toHaveLength(12);
    for (let c = 0; c < 3; c++) {
      const xs = [0, 1, 2, 3].map((k) => perRun[k * 3 + c]!);
      const m = xs.reduce((a, b) => a + b) / 4;
      expect(mean[c]).toBeCloseTo(m, 12);
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
      expect(standardError[c]).toBeCloseTo(sd / 2, 12);
    }
    // The sum of 50 uniforms from the agent's stream: between 0 and 50.
    expect(r.series.sum.perRun.every((v) => v >= 0 && v <= 50)).toBe(true);
    expect(runExperiment(createRng(1), spec, walk).series.walk.standardError[0]).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('plays run i on the i-th split of the generator', () => {
    const all = runExperiment(createRng(2), { ...spec, runs: 3 }, walk);
    const third = runExperiment(createRng(2), { ...spec, firstRun: 2 }, walk);
    expect(third.series.walk.perRun).toEqual(all.series.walk.perRun.subarray(6, 9));
  });

  it('rejects bad options and non-finite measurements with its own name', () => {
    expect(() => runExperiment(createRng(1), { ...spec, checkpoints: [10, 5] }, walk)).toThrow(
      /^runExperiment: checkpoints must be increasing rounds in \[1, 50\], got 5 at index 1/,
    );
    expect(() => runExperiment(createRng(1), { ...spec, runs: 70_000 }, walk)).toThrow(
      /^runExperiment: runs must be an integer in \[1, 65536\]/,
    );
    expect(() =>
      runExperiment(createRng(1), { rounds: 3, series: ['x'] }, () => ({
        step: () => {},
        measure: (out) => {
          out[0] = Number.NaN;
        },
      })),
    ).toThrow(/^runExperiment: run 0 measured x = NaN after round 1/);
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
    ],
    { seed: 21, numRuns: 40 },
  )('any split of the runs into ranges merges into the single call bit for bit', (seed, sizes) => {
    const total = sizes.reduce((a, b) => a + b, 0);
    const whole = runExperiment(createRng(seed), { ...spec, runs: total }, walk);
    const parts = [];
    let first = 0;
    for (const n of sizes) {
      parts.push(runExperiment(createRng(seed), { ...spec, firstRun: first, runs: n }, walk));
      first += n;
    }
    parts.reverse();
    expect(mergeRuns(parts)).toEqual(whole);
  });
});

describe('mergeRuns', () => {
  const part = (rng: Rng, firstRun: number, runs: number) =>
    runExperiment(rng, { ...spec, firstRun, runs }, walk);
  it('rejects gaps, overlaps and parts of other experiments', () => {
    expect(() => mergeRuns([part(createRng(1), 0, 2), part(createRng(1), 3, 1)])).toThrow(
      /^mergeRuns: run ranges must be contiguous and disjoint/,
    );
    const other = runExperiment(createRng(1), { ...spec, firstRun: 2, checkpoints: [1, 50] }, walk);
    expect(() => mergeRuns([part(createRng(1), 0, 2), other])).toThrow(
      /^mergeRuns: part 1 \(by firstRun\) differs from the first in checkpoints/,
    );
    expect(() => mergeRuns([])).toThrow(/^mergeRuns: parts must not be empty/);
  });
});

describe('logSpacedCheckpoints', () => {
  it('spreads about count rounds evenly on a log scale, the last round included', () => {
    expect(Array.from(logSpacedCheckpoints(1000, 4))).toEqual([1, 10, 100, 1000]);
    expect(Array.from(logSpacedCheckpoints(1))).toEqual([1]);
    const c = logSpacedCheckpoints(100_000);
    expect(c[c.length - 1]).toBe(100_000);
    expect(c.length).toBeGreaterThan(50);
  });
});
