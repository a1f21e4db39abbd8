/**
 * Same seed, same numbers, in Node and in browsers: bundles probes of the packages for the
 * browser with vite (as an application would) and runs them in headless Chromium (Debian's
 * `chromium` package, driven by playwright-core), then compares with Node bit for bit. Every
 * path computes its logarithms, exponentials and powers with `@x/linalg/math` (IEEE basic
 * operations only), so no value may differ in its last bit, even though this Chromium's V8 and
 * Node 20's V8 disagree on `Math.log` and `Math.exp` themselves (the probe shows that too). A
 * second probe runs a learner or solver from each package, the HiGHS linear program included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reference from '../packages/linalg/test/fixtures/reference.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '..');
const SEEDS = Object.keys(reference.rng).map(Number);

/** The probe: runs in both runtimes and returns plain numbers. */
const PROBE = `
import * as L from '@x/linalg';
import * as M from '@x/linalg/math';
export function probe(seed) {
  const rng = L.createRng(seed);
  const ints = Array.from({ length: 8 }, () => rng.nextInt32());
  const child = rng.split().split();
  const floats = Array.from({ length: 100 }, () => child.nextFloat64());
  const draws = [];
  const discrete = [];
  for (let i = 0; i < 50; i++) {
    draws.push(L.sampleNormal(child, 1, 2), L.sampleGamma(child, 2.5), L.sampleBeta(child, 2, 3));
    draws.push(L.sampleGamma(child, 0.7), L.sampleBeta(child, 0.3, 0.6), L.sampleExponential(child, 1.5));
    draws.push(...L.sampleDirichlet(child, [0.2, 1, 4]));
    discrete.push(L.samplePoisson(child, 30), L.samplePoisson(child, 3), L.sampleBinomial(child, 500, 0.2), L.sampleInt(child, 1000));
  }
  // Normal draws from the ziggurat's tail (beyond 3.44, computed with log) among 20,000.
  for (let i = 0; i < 20000; i++) {
    const z = L.sampleStandardNormal(child);
    if (Math.abs(z) > 3.44) draws.push(z);
  }
  draws.push(...new L.MultivariateNormal([0, 1], [[2, 0.3], [0.3, 1]]).sample(child));
  draws.push(L.logSumExp(draws), L.klBernoulliUpperBound(0.3, 0.2), L.lgamma(7.3), L.regularizedBeta(0.4, 2.5, 3.5));
  // The engine's own functions on the same arguments: expected to differ somewhere.
  const args = Array.from({ length: 2000 }, (_, i) => 0.001 + i * 0.37);
  const engine = args.flatMap((x) => [Math.log(x), Math.exp(-x / 100), Math.pow(x, 0.3)]);
  const portable = args.flatMap((x) => [M.log(x), M.exp(-x / 100), M.pow(x, 0.3)]);
  return { ints, floats, draws, discrete, engine, portable, state: child.getState() };
}
`;

interface ProbeResult {
  ints: number[];
  floats: number[];
  draws: number[];
  discrete: number[];
  engine: number[];
  portable: number[];
  state: unknown;
}

/**
 * The second probe: a learner from each package on the same seed, and the linear program
 * through HiGHS, which the browser loads from its own copy of `highs.wasm`.
 */
const PACKAGES_PROBE = `
import { createRng } from '@x/linalg';
import { BernoulliBandit, BetaThompsonSampling, simulateBandit } from '@x/bandits';
import { EpisodicProblem, garnet, linearProgramming, policyIteration, Psrl, riverSwim, simulateEpisodic, valueIteration } from '@x/mdp';
import { knnShapley, knnUtility, optimalMenu, permutationShapley, randomDataMarket } from '@x/data-pricing';
import highsLoader from 'highs';
export async function probe(seed, highsOptions) {
  const rng = createRng(seed);
  const bandit = simulateBandit(rng.split(), new BernoulliBandit([0.7, 0.5, 0.4]), () => new BetaThompsonSampling(3), {
    rounds: 400,
    runs: 3,
    checkpoints: [100, 400],
  });
  const mdp = garnet(rng.split(), 60, 4, 5);
  const vi = valueIteration(mdp, 0.9, { epsilon: 1e-8 });
  const pi = policyIteration(mdp, 0.9);
  const highs = await highsLoader(highsOptions);
  const lp = await linearProgramming(mdp, 0.9, { highs });
  const problem = new EpisodicProblem({ mdp: riverSwim(5), horizon: 10 });
  const psrl = simulateEpisodic(rng.split(), problem, (p) => new Psrl(p), {
    rounds: 60,
    runs: 2,
    checkpoints: [30, 60],
  });
  const data = rng.split();
  const sample = (n) => {
    const x = [];
    const y = [];
    for (let i = 0; i < n; i++) {
      const c = i % 2;
      x.push([c + data.nextFloat64(), c + data.nextFloat64()]);
      y.push(i < 3 ? 1 - c : c);
    }
    return { x, y };
  };
  const train = sample(16);
  const test = sample(12);
  const knn = knnShapley(train, test, 3);
  const tmc = permutationShapley(data, 16, knnUtility(train, test, 3), { permutations: 40, minPermutations: 40 });
  const market = randomDataMarket(rng.split(), { types: 4, products: 3, spread: 1 });
  const menu = await optimalMenu(market, { highs });
  return {
    menuRevenue: menu.revenue,
    menuFirstBest: menu.firstBest,
    menuViolation: menu.maxViolation,
    banditRegret: Array.from(bandit.series.regret.mean),
    viPolicy: Array.from(vi.policy),
    viIterations: vi.iterations,
    viValues: Array.from(vi.values),
    piPolicy: Array.from(pi.policy),
    piValues: Array.from(pi.values),
    lpValues: Array.from(lp.values),
    lpErrorBound: lp.errorBound,
    psrlRegret: Array.from(psrl.series.regret.mean),
    knn: Array.from(knn),
    tmc: Array.from(tmc.values),
    state: data.getState(),
  };
}
`;

interface PackagesProbeResult {
  menuRevenue: number;
  menuFirstBest: number;
  menuViolation: number;
  banditRegret: number[];
  viPolicy: number[];
  viIterations: number;
  viValues: number[];
  piPolicy: number[];
  piValues: number[];
  lpValues: number[];
  lpErrorBound: number;
  psrlRegret: number[];
  knn: number[];
  tmc: number[];
  state: unknown;
}

const PACKAGES = ['linalg', 'bandits', 'mdp', 'data-pricing'] as const;
const HIGHS = join(ROOT, 'packages/linalg/node_modules/highs');

let dir = '';
let browser: Browser | undefined;

/**
 * Builds a probe for the browser with vite. The probe lives outside the workspace, so each
 * `@x/...` import points at its package folder, whose exports map vite then reads (source
 * condition first), and `highs` at linalg's copy. `lib` makes an IIFE library exposing the
 * probe as `XProbe` and returns its code; otherwise it is an application build into
 * `dist-<name>`, and the code of all its chunks is returned.
 */
async function bundleProbe(name: string, source: string, { lib = true } = {}): Promise<string> {
  writeFileSync(join(dir, `${name}.js`), source);
  const outDir = join(dir, `dist-${name}`);
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    resolve: {
      conditions: ['@x/source', ...defaultClientConditions],
      alias: [
        ...PACKAGES.map((p) => ({ find: `@x/${p}`, replacement: join(ROOT, 'packages', p) })),
        { find: /^highs$/, replacement: HIGHS },
        {
          find: /^@x\/linalg\/math$/,
          replacement: join(ROOT, 'packages/linalg/src/math/index.ts'),
        },
      ].map(({ find, replacement }) => ({
        // Exact names: a package folder (whose exports map vite reads) or the source of a subpath.
        find: typeof find === 'string' ? new RegExp(`^${find}$`) : find,
        replacement,
      })),
    },
    build: lib
      ? {
          outDir,
          lib: {
            entry: join(dir, `${name}.js`),
            formats: ['iife'],
            name: 'XProbe',
            fileName: () => `${name}.js`,
          },
          minify: true,
        }
      : {
          outDir,
          rollupOptions: {
            input: join(dir, `${name}.js`),
            preserveEntrySignatures: 'exports-only',
          },
        },
  });
  return readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(outDir, f), 'utf8'))
    .join('\n');
}

/** The same probe in Node, straight from the packages' sources. */
async function importInNode<T>(name: string, source: string): Promise<T> {
  let local = source;
  for (const p of PACKAGES)
    local = local.replaceAll(
      `from '@x/${p}'`,
      `from '${join(ROOT, 'packages', p, 'src/index.ts')}'`,
    );
  local = local.replaceAll(
    "from '@x/linalg/math'",
    `from '${join(ROOT, 'packages/linalg/src/math/index.ts')}'`,
  );
  local = local.replace("from 'highs'", `from '${join(HIGHS, 'build/highs.mjs')}'`);
  writeFileSync(join(dir, `${name}.mjs`), local);
  return (await import(join(dir, `${name}.mjs`))) as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'x-browser-'));
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
    const bundle = await bundleProbe('probe', PROBE);
    const page = await browser!.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const { probe } = await importInNode<{ probe: (seed: number) => ProbeResult }>('probe', PROBE);
    let engineDifferences = 0;
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
      // Every continuous draw, the tail of the normal and the special functions included.
      expect(inBrowser.draws.length).toBeGreaterThan(400);
      expect(inBrowser.draws).toEqual(inNode.draws);
      expect(inBrowser.portable).toEqual(inNode.portable);
      engineDifferences += inBrowser.engine.filter(
        (x, i) => !Object.is(x, inNode.engine[i]),
      ).length;
    }
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome/);
    // Why the library does not use the engine's functions: print how often they disagreed.
    console.log(`Math.log/exp/pow: ${engineDifferences} results differ between Node and Chromium`);
  });
});

describe('@x/bandits, @x/mdp and @x/data-pricing in headless Chromium', () => {
  it('make the same decisions and values as in Node, the linear program included', async () => {
    const bundle = await bundleProbe('packages', PACKAGES_PROBE);
    const { probe } = await importInNode<{
      probe: (seed: number, highs?: object) => Promise<PackagesProbeResult>;
    }>('packages', PACKAGES_PROBE);
    // A page at an http origin, so that HiGHS can fetch its WebAssembly like a web app does.
    const origin = 'http://probe.test';
    const wasm = readFileSync(join(HIGHS, 'build/highs.wasm'));
    const page = await browser!.newPage();
    await page.route(`${origin}/**`, (route) =>
      route.request().url().endsWith('/highs.wasm')
        ? route.fulfill({ body: wasm, contentType: 'application/wasm' })
        : route.fulfill({
            body: '<!doctype html><html><body></body></html>',
            contentType: 'text/html',
          }),
    );
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: bundle });
    for (const seed of [1, 2]) {
      const inBrowser = (await page.evaluate(
        ([s, url]) =>
          (
            globalThis as unknown as {
              XProbe: { probe: (x: number, h: object) => Promise<unknown> };
            }
          ).XProbe.probe(s, { locateFile: () => url }),
        [seed, `${origin}/highs.wasm`] as const,
      )) as PackagesProbeResult;
      const inNode = await probe(seed);
      // Everything, bit for bit: decisions, counts, values, regret curves, data values, and the
      // linear programs HiGHS solves (WebAssembly arithmetic is IEEE-exact in every engine).
      expect(inBrowser).toEqual(inNode);
      expect(inBrowser.menuViolation).toBeLessThan(1e-6);
      expect(inBrowser.menuRevenue).toBeGreaterThan(0);
      // The LP solved in the browser is V* within its certified error bound.
      expect(inBrowser.lpValues).toHaveLength(inNode.piValues.length);
      expect(inBrowser.lpErrorBound).toBeLessThan(1e-5);
      for (const [s, v] of inBrowser.lpValues.entries())
        expect(Math.abs(v - inNode.piValues[s]!)).toBeLessThanOrEqual(
          inBrowser.lpErrorBound + 1e-12 * Math.abs(v),
        );
    }
  });
});

describe('bundle size', () => {
  it('an app that never solves a linear program ships no HiGHS', async () => {
    const app = `
import { createRng } from '@x/linalg';
import { BetaThompsonSampling } from '@x/bandits';
import { garnet, valueIteration } from '@x/mdp';
import { knnShapley } from '@x/data-pricing';
export function probe() {
  const rng = createRng(1);
  return [valueIteration(garnet(rng, 5, 2, 2), 0.9).values[0], new BetaThompsonSampling(2).select(rng), knnShapley];
}
`;
    // An application build (not a library build): vite transforms every module it can reach,
    // and emits the assets they reference, such as HiGHS's wasm file, even when the code that
    // would load them is later shaken out.
    const bundle = await bundleProbe('lean', app, { lib: false });
    const files = readdirSync(join(dir, 'dist-lean'), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.wasm'))).toEqual([]);
    expect(bundle).not.toMatch(/highs/i);
    expect(bundle.length).toBeGreaterThan(1000);
  });
});
