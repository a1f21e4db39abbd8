import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ALPHA, chiSquareOfDraws, meanZScore } from '../../test/statistical.ts';
import { binomialLogPmf } from '../special/binomialLogPmf.ts';
import { normalCdf } from '../special/normalCdf.ts';
import { poissonLogPmf } from '../special/poissonLogPmf.ts';
import { regularizedBeta } from '../special/regularizedBeta.ts';
import { regularizedGamma } from '../special/regularizedGamma.ts';
import { kolmogorovSmirnovTest } from '../stats/kolmogorovSmirnovTest.ts';
import { AliasTable } from './AliasTable.ts';
import { createRng } from './createRng.ts';
import { sampleBernoulli } from './sampleBernoulli.ts';
import { sampleBeta } from './sampleBeta.ts';
import { sampleBinomial } from './sampleBinomial.ts';
import { sampleCategorical } from './sampleCategorical.ts';
import { sampleChoice } from './sampleChoice.ts';
import { sampleDirichlet } from './sampleDirichlet.ts';
import { sampleExponential } from './sampleExponential.ts';
import { sampleGamma } from './sampleGamma.ts';
import { sampleInt } from './sampleInt.ts';
import { sampleNormal } from './sampleNormal.ts';
import { samplePoisson } from './samplePoisson.ts';
import { sampleUniform } from './sampleUniform.ts';
import { shuffle } from './shuffle.ts';

const N = 20_000;
const draw = (f: () => number, n = N) => Float64Array.from({ length: n }, f);

describe('continuous samplers pass Kolmogorov-Smirnov against their CDFs', () => {
  const cases: [string, (r: ReturnType<typeof createRng>) => number, (x: number) => number][] = [
    [
      'uniform(-1, 3)',
      (r) => sampleUniform(r, -1, 3),
      (x) => Math.min(1, Math.max(0, (x + 1) / 4)),
    ],
    ['normal(2, 0.5)', (r) => sampleNormal(r, 2, 0.5), (x) => normalCdf(x, 2, 0.5)],
    ['exponential(3)', (r) => sampleExponential(r, 3), (x) => 1 - Math.exp(-3 * x)],
    ['gamma(0.3)', (r) => sampleGamma(r, 0.3), (x) => regularizedGamma(0.3, x)],
    ['gamma(4.5, 2)', (r) => sampleGamma(r, 4.5, 2), (x) => regularizedGamma(4.5, x / 2)],
    ['beta(0.5, 0.5)', (r) => sampleBeta(r, 0.5, 0.5), (x) => regularizedBeta(x, 0.5, 0.5)],
    ['beta(2, 7)', (r) => sampleBeta(r, 2, 7), (x) => regularizedBeta(x, 2, 7)],
  ];
  for (const [name, sample, cdf] of cases) {
    it(name, () => {
      const rng = createRng(11);
      expect(
        kolmogorovSmirnovTest(
          draw(() => sample(rng)),
          cdf,
        ).pValue,
      ).toBeGreaterThan(ALPHA);
    });
  }

  it('detects a wrong distribution (the test has power)', () => {
    const rng = createRng(11);
    const xs = draw(() => sampleGamma(rng, 4.5, 2));
    expect(kolmogorovSmirnovTest(xs, (x) => regularizedGamma(4.6, x / 2)).pValue).toBeLessThan(
      ALPHA,
    );
  });
});

describe('discrete samplers pass chi-square against their pmfs', () => {
  const binomPmf = (n: number, p: number) => (k: number) => Math.exp(binomialLogPmf(k, n, p));
  const poisPmf = (l: number) => (k: number) => Math.exp(poissonLogPmf(k, l));
  const cases: [string, (r: ReturnType<typeof createRng>) => number, (k: number) => number][] = [
    ['binomial(20, 0.3) by inversion', (r) => sampleBinomial(r, 20, 0.3), binomPmf(20, 0.3)],
    ['binomial(1000, 0.4) by BTRS', (r) => sampleBinomial(r, 1000, 0.4), binomPmf(1000, 0.4)],
    ['binomial(200, 0.9) by symmetry', (r) => sampleBinomial(r, 200, 0.9), binomPmf(200, 0.9)],
    ['poisson(3.5) by inversion', (r) => samplePoisson(r, 3.5), poisPmf(3.5)],
    ['poisson(250) by PTRS', (r) => samplePoisson(r, 250), poisPmf(250)],
    ['int(7)', (r) => sampleInt(r, 7), (k) => (k < 7 ? 1 / 7 : 0)],
    ['categorical', (r) => sampleCategorical(r, [1, 0, 3, 6]), (k) => [0.1, 0, 0.3, 0.6][k] ?? 0],
    ['bernoulli(0.2)', (r) => sampleBernoulli(r, 0.2), (k) => (k === 1 ? 0.2 : 0.8)],
  ];
  for (const [name, sample, pmf] of cases) {
    it(name, () => {
      const rng = createRng(23);
      expect(
        chiSquareOfDraws(
          draw(() => sample(rng)),
          pmf,
        ),
      ).toBeGreaterThan(ALPHA);
    });
  }

  it('alias table matches its weights and never draws a zero-weight category', () => {
    const w = [5, 0, 1, 2, 2];
    const table = new AliasTable(w);
    const draws = table.sampleMany(createRng(5), N);
    expect(draws.includes(1)).toBe(false);
    expect(chiSquareOfDraws(draws, (k) => (w[k] ?? 0) / 10)).toBeGreaterThan(ALPHA);
  });
});

describe('moments', () => {
  it('Beta with tiny shapes stays in [0, 1] with mean a / (a + b)', () => {
    const rng = createRng(3);
    const a = 0.01;
    const b = 0.03;
    const xs = draw(() => sampleBeta(rng, a, b));
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(meanZScore(xs, mean, variance))).toBeLessThan(4);
  });

  it('Dirichlet has mean alpha / sum(alpha)', () => {
    const rng = createRng(4);
    const alpha = [0.5, 2, 7.5];
    const s = 10;
    const out = new Float64Array(3);
    const cols = alpha.map(() => new Float64Array(N));
    for (let i = 0; i < N; i++) {
      sampleDirichlet(rng, alpha, out);
      for (let j = 0; j < 3; j++) cols[j]![i] = out[j]!;
    }
    alpha.forEach((a, j) => {
      const m = a / s;
      expect(Math.abs(meanZScore(cols[j]!, m, (m * (1 - m)) / (s + 1)))).toBeLessThan(4);
    });
  });

  test.prop(
    [
      fc.array(fc.double({ min: 1e-3, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 }),
      fc.nat(),
    ],
    { seed: 9 },
  )('Dirichlet draws are probability vectors', (alpha, seed) => {
    const x = sampleDirichlet(createRng(seed), alpha);
    expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.abs(x.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
  });
});

describe('permutations and subsets', () => {
  test.prop([fc.array(fc.integer(), { maxLength: 30 }), fc.nat()], { seed: 12 })(
    'shuffle permutes',
    (xs, seed) => {
      const ys = shuffle(createRng(seed), xs.slice());
      expect(ys.slice().sort((a, b) => a - b)).toEqual(xs.slice().sort((a, b) => a - b));
    },
  );

  it('shuffle makes all 6 orders of 3 items equally likely', () => {
    const rng = createRng(8);
    const orders = ['012', '021', '102', '120', '201', '210'];
    const draws = draw(() => orders.indexOf(shuffle(rng, [0, 1, 2]).join('')), 12_000);
    expect(chiSquareOfDraws(draws, (k) => (k < 6 ? 1 / 6 : 0))).toBeGreaterThan(ALPHA);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat()], { seed: 13 })(
    'sampleChoice draws distinct indices in range',
    (n, kRaw, seed) => {
      const k = kRaw % (n + 1);
      const idx = sampleChoice(createRng(seed), n, k);
      expect(idx.length).toBe(k);
      expect(new Set(idx).size).toBe(k);
      expect(idx.every((i) => i >= 0 && i < n)).toBe(true);
    },
  );

  it('sampleChoice includes each item with probability k / n in both algorithms', () => {
    for (const [n, k] of [
      [10, 6],
      [40, 3],
    ] as const) {
      const rng = createRng(14);
      const firsts = draw(() => sampleChoice(rng, n, k)[0]!, 10_000);
      // The first pick of a uniformly ordered random subset is uniform on {0..n-1}.
      expect(chiSquareOfDraws(firsts, (j) => (j < n ? 1 / n : 0))).toBeGreaterThan(ALPHA);
    }
  });
});

describe('bad input', () => {
  const rng = createRng(1);
  it.each([
    ['sampleUniform', () => sampleUniform(rng, 2, 1), /sampleUniform: b must be >= a/],
    ['sampleInt', () => sampleInt(rng, 0), /sampleInt: n must be an integer in \[1, /],
    ['sampleNormal', () => sampleNormal(rng, 0, -1), /sampleNormal: sigma must be >= 0, got -1/],
    [
      'sampleExponential',
      () => sampleExponential(rng, 0),
      /sampleExponential: rate must be > 0, got 0/,
    ],
    [
      'sampleGamma',
      () => sampleGamma(rng, Number.NaN),
      /sampleGamma: shape must be finite, got NaN/,
    ],
    ['sampleBeta', () => sampleBeta(rng, 1, -2), /sampleBeta: b must be > 0, got -2/],
    [
      'sampleDirichlet',
      () => sampleDirichlet(rng, [1, 0]),
      /sampleDirichlet: alpha\[1\] must be > 0, got 0/,
    ],
    [
      'sampleBernoulli',
      () => sampleBernoulli(rng, 1.5),
      /sampleBernoulli: p must be in \[0, 1\], got 1.5/,
    ],
    [
      'sampleBinomial',
      () => sampleBinomial(rng, 2.5, 0.5),
      /sampleBinomial: n must be an integer >= 0, got 2.5/,
    ],
    ['samplePoisson', () => samplePoisson(rng, -1), /samplePoisson: lambda must be >= 0, got -1/],
    [
      'sampleCategorical',
      () => sampleCategorical(rng, [0, 0]),
      /sampleCategorical: weights must have a positive sum/,
    ],
    ['AliasTable', () => new AliasTable([1, -1]), /AliasTable: weights\[1\] must be >= 0, got -1/],
    [
      'sampleChoice',
      () => sampleChoice(rng, 3, 4),
      /sampleChoice: k must be an integer in \[0, 3\], got 4/,
    ],
  ])('%s throws a RangeError naming the argument', (_name, call, message) => {
    const before = rng.getState();
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
    expect(rng.getState()).toEqual(before); // a rejected call draws nothing
  });
});
