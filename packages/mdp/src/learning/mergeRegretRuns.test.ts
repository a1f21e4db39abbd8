import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { CascadingVi } from '../cascading/CascadingVi.ts';
import { simulateCascading } from '../cascading/simulateCascading.ts';
import { garnet } from '../generators/garnet.ts';
import { riverSwim } from '../generators/riverSwim.ts';
import { RlhfIds } from '../rlhf/RlhfIds.ts';
import { randomEnvironmentClass } from '../rlhf/randomEnvironmentClass.ts';
import { simulateRlhf } from '../rlhf/simulateRlhf.ts';
import { mergeRegretRuns } from './mergeRegretRuns.ts';
import { Psrl } from './Psrl.ts';
import type { RegretRuns } from './RegretRuns.ts';
import { simulateAverageReward } from './simulateAverageReward.ts';
import { simulateEpisodic } from './simulateEpisodic.ts';
import { Ucrl2 } from './Ucrl2.ts';

const H = 5;
const mdp = riverSwim(4);
const checkpoints = [5, 10, 20];
const episodic = (runs: number, firstRun?: number) =>
  simulateEpisodic(createRng(11), mdp, H, 0, () => new Psrl(4, 2, H), {
    episodes: 20,
    runs,
    checkpoints,
    ...(firstRun === undefined ? {} : { firstRun }),
  });
const whole = episodic(7);

/** Cuts [0, total) at the given points into ranges { firstRun, runs }. */
function ranges(total: number, cuts: readonly number[]): { firstRun: number; runs: number }[] {
  const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < total), total])].sort(
    (a, b) => a - b,
  );
  return points.slice(1).map((end, i) => ({ firstRun: points[i]!, runs: end - points[i]! }));
}

function expectSameRuns(merged: RegretRuns, single: RegretRuns): void {
  expect(merged.firstRun).toBe(single.firstRun);
  expect(merged.runRegret).toEqual(single.runRegret);
  expect(merged.meanRegret).toEqual(single.meanRegret);
  expect(merged.stdError).toEqual(single.stdError);
}

describe('runs shared among workers', () => {
  it('a run range reproduces exactly those runs of a single call', () => {
    const part = episodic(3, 2);
    expect(part.firstRun).toBe(2);
    expect(part.runRegret).toEqual(whole.runRegret.slice(2 * 3, 5 * 3));
    // Each run's regret is cumulative, so it never falls between checkpoints.
    for (let r = 0; r < 7; r++)
      for (let c = 1; c < 3; c++)
        expect(whole.runRegret[r * 3 + c]!).toBeGreaterThanOrEqual(
          whole.runRegret[r * 3 + c - 1]! - 1e-12,
        );
    // The runs differ from one another: the ranges are not copies of one stream.
    expect(new Set(whole.runRegret.filter((_, i) => i % 3 === 2)).size).toBeGreaterThan(1);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 6 }), fc.boolean()], {
    seed: 3,
    numRuns: 12,
  })('merged run ranges equal the single call bit for bit, in any order', (cuts, reverse) => {
    const parts = ranges(7, cuts).map(({ firstRun, runs }) => episodic(runs, firstRun));
    const merged = mergeRegretRuns(reverse ? parts.reverse() : parts);
    expectSameRuns(merged, whole);
    expect(merged.episodes).toEqual(whole.episodes);
  });

  it('holds for the average-reward, cascading and RLHF simulators too', () => {
    const garnetMdp = garnet(createRng(2), 4, 2, 2);
    const average = (runs: number, firstRun: number) =>
      simulateAverageReward(createRng(4), garnetMdp, () => new Ucrl2(4, 2), {
        steps: 300,
        runs,
        firstRun,
        checkpoints: [100, 300],
      });
    const all = average(3, 0);
    const merged = mergeRegretRuns([average(1, 2), average(2, 0)]);
    expectSameRuns(merged, all);
    expect(merged.gain).toBe(all.gain);

    const problem = {
      mdp: garnet(createRng(5), 3, 4, 2),
      attraction: [0.3, 0.5, 0.2, 0.4, 0.1, 0.6, 0.2, 0.3, 0.5],
      maxLength: 2,
      horizon: 3,
      start: 0,
    };
    const cascading = (runs: number, firstRun: number) =>
      simulateCascading(
        createRng(6),
        problem,
        () => new CascadingVi(3, 3, 2, 3, { episodes: 40 }),
        { episodes: 40, runs, firstRun, checkpoints: [20, 40] },
      );
    expectSameRuns(mergeRegretRuns([cascading(2, 0), cascading(1, 2)]), cascading(3, 0));

    const envs = randomEnvironmentClass(createRng(7), {
      states: 2,
      actions: 2,
      horizon: 2,
      size: 4,
    });
    const rlhf = (runs: number, firstRun: number) =>
      simulateRlhf(createRng(8), envs, () => new RlhfIds(envs, { variant: 'approximate' }), {
        episodes: 30,
        runs,
        firstRun,
        checkpoints: [10, 30],
      });
    expectSameRuns(mergeRegretRuns([rlhf(1, 0), rlhf(2, 1)]), rlhf(3, 0));
  });

  it('rejects gaps, overlaps, mismatched checkpoints and bad run ranges', () => {
    const a = episodic(2, 0);
    expect(() => mergeRegretRuns([a, episodic(2, 3)])).toThrow(/contiguous.*starting at run 3/);
    expect(() => mergeRegretRuns([a, episodic(2, 1)])).toThrow(/contiguous/);
    const other = simulateEpisodic(createRng(11), mdp, H, 0, () => new Psrl(4, 2, H), {
      episodes: 20,
      runs: 1,
      firstRun: 2,
      checkpoints: [5, 10, 19],
    });
    expect(() => mergeRegretRuns([a, other])).toThrow(/differs from the first in episodes/);
    expect(() => mergeRegretRuns([])).toThrow(/must not be empty/);
    expect(() => episodic(2, -1)).toThrow(/firstRun/);
    expect(() => episodic(2, 1.5)).toThrow(/firstRun/);
  });
});
