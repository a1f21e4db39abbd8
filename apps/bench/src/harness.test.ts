import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverExperiments, filterExperiments } from './registry.ts';
import { renderHtml } from './report/html.ts';
import { renderMarkdown } from './report/markdown.ts';
import { mergeShards, reportPasses, runExperiments, runShard, shardRange } from './runner.ts';
import { experimentRng, trialStates } from './seeds.ts';
import { decodeTrial, encodeTrial } from './trialCodec.ts';

const DEMO = fileURLToPath(new URL('./testdata/experiments/', import.meta.url));

describe('registry', () => {
  it('discovers every experiment under experiments/ with ids equal to their paths', async () => {
    const list = await discoverExperiments();
    const ids = list.map((r) => r.experiment.id);
    expect(ids).toContain('linalg/rng-goodness-of-fit');
    expect(ids).toContain('linalg/slope-fit-recovery');
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('filters by substring, glob and comma-separated lists', async () => {
    const list = await discoverExperiments(DEMO);
    expect(filterExperiments(list, 'coin').map((r) => r.experiment.id)).toEqual(['demo/coin']);
    expect(filterExperiments(list, 'demo/*').length).toBe(2);
    expect(filterExperiments(list, 'coin,broken').length).toBe(2);
    expect(filterExperiments(list, 'nothing').length).toBe(0);
  });
});

describe('seeds', () => {
  it('derive per-experiment roots from the id and per-trial streams by split', () => {
    expect(experimentRng(1, 'a/b').nextFloat64()).toBe(experimentRng(1, 'a/b').nextFloat64());
    expect(experimentRng(1, 'a/b').nextFloat64()).not.toBe(experimentRng(1, 'a/c').nextFloat64());
    expect(experimentRng(1, 'a/b').nextFloat64()).not.toBe(experimentRng(2, 'a/b').nextFloat64());
    const states = trialStates(7, 'x/y', 5);
    expect(new Set(states.map((s) => s.state.join())).size).toBe(5);
    expect(trialStates(7, 'x/y', 3)).toEqual(states.slice(0, 3));
  });
});

describe('runner', () => {
  it('gives the same numbers in-process and over worker threads', async () => {
    const list = filterExperiments(await discoverExperiments(DEMO), 'coin');
    const inProcess = await runExperiments(list, {
      scale: 'quick',
      seed: 3,
      workers: 1,
      root: DEMO,
    });
    const pooled = await runExperiments(list, { scale: 'quick', seed: 3, workers: 2, root: DEMO });
    expect(pooled.results[0]!.outcome).toEqual(inProcess.results[0]!.outcome);
    expect(inProcess.results[0]!.outcome!.verdict.holds).toBe(true);
    expect(reportPasses(inProcess)).toBe(true);
  });
  it('records an experiment that throws and fails the report without stopping the run', async () => {
    const list = await discoverExperiments(DEMO);
    const report = await runExperiments(list, { scale: 'quick', seed: 1, workers: 1, root: DEMO });
    const broken = report.results.find((r) => r.id === 'demo/broken')!;
    expect(broken.error).toMatch(/this trial always throws/);
    expect(report.results.find((r) => r.id === 'demo/coin')!.outcome).toBeDefined();
    expect(reportPasses(report)).toBe(false);
  });
});

describe('shards', () => {
  it('split every claim into contiguous ranges that cover its trials once', () => {
    for (const trials of [0, 1, 5, 6, 97])
      for (const count of [1, 2, 3, 7]) {
        let next = 0;
        for (let index = 1; index <= count; index++) {
          const [first, end] = shardRange({ index, count }, trials);
          expect(first).toBe(next);
          expect(end).toBeGreaterThanOrEqual(first);
          next = end;
        }
        expect(next).toBe(trials);
      }
  });

  it('run separately, stored as JSON and merged in any order, give the single run bit for bit', async () => {
    const list = await discoverExperiments(DEMO);
    const options = { scale: 'quick' as const, seed: 5, workers: 1, root: DEMO };
    const whole = await runExperiments(list, options);
    const parts = await Promise.all(
      [3, 1, 2].map(async (index) => {
        const part = await runShard(list, { ...options, shard: { index, count: 3 } });
        return JSON.parse(JSON.stringify(part));
      }),
    );
    const merged = mergeShards(list, parts);
    // Durations and the error's stack (where it was called from) may differ; nothing else.
    const strip = (r: typeof whole) =>
      r.results.map(({ durationMs: _, error, ...rest }) => ({
        ...rest,
        error: error?.split('\n')[0],
      }));
    expect(strip(merged)).toEqual(strip(whole));
    expect(() => mergeShards(list, parts.slice(1))).toThrow(/does not belong|missing/);
  });

  it('store trial outputs exactly: typed arrays, -0, NaN and the infinities survive', () => {
    const output = {
      x: Float64Array.of(-0, Number.NaN, Number.POSITIVE_INFINITY, 0.1 + 0.2),
      n: [Number.NEGATIVE_INFINITY, 1e-310, { k: Int32Array.of(-1, 2) }],
      flag: true,
      none: null,
    };
    expect(decodeTrial(JSON.parse(JSON.stringify(encodeTrial(output))))).toEqual(output);
    expect(() => encodeTrial(new Map())).toThrow(/not plain data/);
  });
});

describe('reports', () => {
  it('render a Markdown table and a self-contained HTML page with inline SVG plots', async () => {
    const list = await discoverExperiments(DEMO);
    const report = await runExperiments(list, { scale: 'quick', seed: 1, workers: 1, root: DEMO });
    const md = renderMarkdown(report);
    expect(md).toMatch(/\| `demo\/coin` \| @x\/linalg \| PASS \|/);
    expect(md).toMatch(/\| `demo\/broken` \| @x\/linalg \| ERROR \|/);
    const html = renderHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link/);
    expect(html).toContain('class="ERROR"');
  });
});
