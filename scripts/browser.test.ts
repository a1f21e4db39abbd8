/**
 * Same seed, same numbers, in Node and in browsers: bundles @x/linalg for the browser with vite
 * (as an application would) and runs it in headless Chromium (Debian's `chromium` package,
 * driven by playwright-core), then compares with Node. The integer and uniform streams, discrete
 * draws, and the samplers built from exactly rounded arithmetic must be bit-identical; draws
 * that pass through Math.log or Math.exp, whose last bit ECMAScript leaves to the engine
 * (Chromium's V8 and Node 20's V8 differ there), must agree to a few ulps.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '../packages/linalg/src/numeric/relativeError.ts';
import reference from '../packages/linalg/test/fixtures/reference.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..');
const SEEDS = Object.keys(reference.rng).map(Number);

/** The probe: runs in both runtimes and returns plain numbers. */
const PROBE = `
import * as L from '@x/linalg';
export function probe(seed) {
  const rng = L.createRng(seed);
  const ints = Array.from({ length: 8 }, () => rng.nextInt32());
  const child = rng.split().split();
  const floats = Array.from({ length: 100 }, () => child.nextFloat64());
  const exact = [];
  const continuous = [];
  const discrete = [];
  for (let i = 0; i < 50; i++) {
    exact.push(L.sampleNormal(child, 1, 2), L.sampleGamma(child, 2.5), L.sampleBeta(child, 2, 3));
    continuous.push(L.sampleGamma(child, 0.7));
    discrete.push(L.samplePoisson(child, 30), L.sampleBinomial(child, 500, 0.2), L.sampleInt(child, 1000));
  }
  exact.push(...new L.MultivariateNormal([0, 1], [[2, 0.3], [0.3, 1]]).sample(child));
  continuous.push(L.logSumExp(exact), L.klBernoulliUpperBound(0.3, 0.2));
  return { ints, floats, exact, continuous, discrete, state: child.getState() };
}
`;

interface ProbeResult {
  ints: number[];
  floats: number[];
  exact: number[];
  continuous: number[];
  discrete: number[];
  state: unknown;
}

let dir = '';
let browser: Browser | undefined;
let bundle = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'x-browser-'));
  writeFileSync(join(dir, 'probe.js'), PROBE);
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    // The probe lives outside the workspace: point it at the package folder, whose exports
    // map vite then reads like an application's bundler would (source condition first).
    resolve: {
      conditions: ['@x/source', ...defaultClientConditions],
      alias: { '@x/linalg': join(ROOT, 'packages/linalg') },
    },
    build: {
      outDir: join(dir, 'dist'),
      lib: {
        entry: join(dir, 'probe.js'),
        formats: ['iife'],
        name: 'XProbe',
        fileName: () => 'probe.js',
      },
      minify: true,
    },
  });
  bundle = readFileSync(join(dir, 'dist', 'probe.js'), 'utf8');
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('@x/linalg in headless Chromium', () => {
  it('reproduces the golden integer streams and every sampler bit for bit', async () => {
    const page = await browser!.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    // The same probe in Node, from source.
    writeFileSync(
      join(dir, 'probe.mjs'),
      PROBE.replace("from '@x/linalg'", `from '${join(ROOT, 'packages/linalg/src/index.ts')}'`),
    );
    const { probe } = (await import(join(dir, 'probe.mjs'))) as {
      probe: (seed: number) => ProbeResult;
    };
    for (const seed of SEEDS) {
      const inBrowser = (await page.evaluate(
        (s) =>
          (globalThis as unknown as { XProbe: { probe: (x: number) => unknown } }).XProbe.probe(s),
        seed,
      )) as ProbeResult;
      const inNode = probe(seed);
      expect(inBrowser.ints).toEqual(reference.rng[String(seed) as keyof typeof reference.rng]);
      expect(inBrowser.floats).toEqual(inNode.floats);
      expect(inBrowser.discrete).toEqual(inNode.discrete);
      expect(inBrowser.state).toEqual(inNode.state); // same number of draws consumed
      // Normal (embedded ziggurat tables), Gamma with shape >= 1, Beta with shapes >= 1 and the
      // multivariate normal return values built from exactly rounded operations (+, *, /,
      // sqrt): bit-identical, except normal draws from the tail beyond 3.44 (probability 6e-4,
      // computed with log), of which these seeds draw none.
      expect(inBrowser.exact).toEqual(inNode.exact);
      // The rest go through exp and log, each within an ulp on either engine: a draw exp(y) then
      // carries an absolute error of a few ulps of |y| in y, so the tolerance scales with |log x|.
      for (const [i, x] of inBrowser.continuous.entries()) {
        const y = inNode.continuous[i]!;
        const tolerance = 4 * Number.EPSILON * (2 + Math.abs(Math.log(Math.abs(y))));
        expect(relativeError(x, y, 1e-300)).toBeLessThan(tolerance);
      }
    }
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome/);
  });
});
