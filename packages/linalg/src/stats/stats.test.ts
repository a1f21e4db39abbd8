import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference.ts';
import { relativeError } from '../numeric/relativeError.ts';
import { createRng } from '../random/createRng.ts';
import { bootstrapCi } from './bootstrapCi.ts';
import { chiSquareTest } from './chiSquareTest.ts';
import { chiSquareTestDiscrete } from './chiSquareTestDiscrete.ts';
import { fitLine } from './fitLine.ts';
import { fitLogLogSlope } from './fitLogLogSlope.ts';
import { kolmogorovSmirnovTest } from './kolmogorovSmirnovTest.ts';
import { quantile } from './quantile.ts';
import { RunningStats } from './RunningStats.ts';

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
  minLength: 2,
  maxLength: 50,
});

describe('RunningStats', () => {
  test.prop([sample], { seed: 1 })('matches the two-pass mean and variance', (xs) => {
    const s = new RunningStats();
    for (const x of xs) s.push(x);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    const scale = Math.max(...xs.map(Math.abs));
    expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(4 * xs.length * Number.EPSILON * scale);
    expect(Math.abs(s.variance - variance)).toBeLessThanOrEqual(
      8 * xs.length * Number.EPSILON * scale * scale,
    );
    expect(s.min).toBe(Math.min(...xs));
    expect(s.max).toBe(Math.max(...xs));
  });

  test.prop([sample, sample], { seed: 2 })(
    'merge equals pushing everything into one accumulator',
    (xs, ys) => {
      const a = new RunningStats();
      const b = new RunningStats();
      const all = new RunningStats();
      for (const x of xs) a.push(x);
      for (const y of ys) b.push(y);
      for (const v of [...xs, ...ys]) all.push(v);
      a.merge(b);
      const scale = Math.max(...[...xs, ...ys].map(Math.abs));
      expect(a.count).toBe(all.count);
      expect(Math.abs(a.mean - all.mean)).toBeLessThanOrEqual(
        8 * all.count * Number.EPSILON * scale,
      );
      expect(Math.abs(a.variance - all.variance)).toBeLessThanOrEqual(
        16 * all.count * Number.EPSILON * scale * scale,
      );
    },
  );

  it('round-trips through JSON and rejects corrupted state untouched', () => {
    const s = new RunningStats().push(1).push(5).push(2);
    const restored = RunningStats.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(restored.toJSON()).toEqual(s.toJSON());
    expect(RunningStats.fromJSON(new RunningStats().toJSON()).count).toBe(0);
    expect(() => RunningStats.fromJSON({ ...s.toJSON(), m2: -1 })).toThrow(/m2 must be >= 0/);
    expect(() => RunningStats.fromJSON({ ...s.toJSON(), count: 1.5 })).toThrow(
      /count must be an integer/,
    );
    expect(() => s.push(Number.NaN)).toThrow(/RunningStats.push: x must be finite, got NaN/);
    expect(s.count).toBe(3);
  });
});

describe('quantile', () => {
  it('matches numpy (type 7)', () => {
    const { values, p, q } = reference.quantile;
    for (const [i, pi] of p.entries())
      expect(relativeError(quantile(values, pi), q[i]!)).toBeLessThan(1e-15);
  });
  it('rejects bad input', () => {
    expect(() => quantile([], 0.5)).toThrow(/quantile: values must not be empty/);
    expect(() => quantile([1], 2)).toThrow(/quantile: p must be in \[0, 1\], got 2/);
  });
});

describe('goodness-of-fit tests against scipy', () => {
  it('chi-square statistic and p-value', () => {
    const { observed, expected, statistic, pValue } = reference.chiSquare;
    const r = chiSquareTest(observed, expected);
    expect(relativeError(r.statistic, statistic)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue, pValue)).toBeLessThan(1e-12);
    expect(r.dof).toBe(3);
  });
  it('Kolmogorov-Smirnov statistic and asymptotic p-value', () => {
    const { sample: xs, statistic, pValue } = reference.kolmogorovSmirnov;
    const r = kolmogorovSmirnovTest(xs, (x) => Math.min(1, Math.max(0, x)));
    expect(relativeError(r.statistic, statistic)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue, pValue)).toBeLessThan(1e-10);
  });
});

describe('chiSquareTestDiscrete', () => {
  it('merges sparse cells and folds the tail, matching chiSquareTest on the merged table', () => {
    // pmf 0.5, 0.3, 0.15, 0.05 with 40 draws: expected 20, 12, 6, 2 -> the last two cells merge.
    const draws = [
      ...Array(22).fill(0),
      ...Array(10).fill(1),
      ...Array(6).fill(2),
      ...Array(2).fill(3),
    ];
    const pmf = (k: number) => [0.5, 0.3, 0.15, 0.05][k] ?? 0;
    const r = chiSquareTestDiscrete(draws, pmf);
    const direct = chiSquareTest([22, 10, 8], [0.5, 0.3, 0.2]);
    expect(r.dof).toBe(2);
    expect(relativeError(r.statistic, direct.statistic)).toBeLessThan(1e-14);
    expect(relativeError(r.pValue, direct.pValue)).toBeLessThan(1e-14);
  });
  it('rejects non-integer draws and bad pmf values', () => {
    expect(() => chiSquareTestDiscrete([0, 1.5], () => 0.5)).toThrow(
      /draws\[1\] must be a non-negative integer, got 1.5/,
    );
    expect(() => chiSquareTestDiscrete([0, 1], () => 2)).toThrow(
      /pmf\(0\) must be in \[0, 1\], got 2/,
    );
  });
});

describe('line fits', () => {
  test.prop(
    [fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true })],
    { seed: 3 },
  )('recover an exact line', (a, b) => {
    const x = [1, 2, 3, 5, 8];
    const f = fitLine(
      x,
      x.map((v) => a + b * v),
    );
    expect(Math.abs(f.slope - b)).toBeLessThan(1e-13 * (Math.abs(a) + Math.abs(b) + 1) * 8);
    expect(Math.abs(f.intercept - a)).toBeLessThan(1e-13 * (Math.abs(a) + Math.abs(b) + 1) * 8);
  });

  it('fitLogLogSlope recovers a power law exactly', () => {
    const t = [100, 1000, 10_000];
    expect(fitLogLogSlope(t, t.map(Math.sqrt)).slope).toBeCloseTo(0.5, 14);
  });

  it('rejects too few points, constant x and non-positive values in log-log', () => {
    expect(() => fitLine([1, 2], [1, 2])).toThrow(/fitLine: need at least 3 points, got 2/);
    expect(() => fitLine([1, 1, 1], [1, 2, 3])).toThrow(/fitLine: x must not be constant/);
    expect(() => fitLogLogSlope([1, 2, 3], [1, 0, 3])).toThrow(
      /fitLogLogSlope: y\[1\] must be positive and finite, got 0/,
    );
    expect(() => fitLine([1, 2, 3], [1, 2])).toThrow(TypeError);
  });
});

describe('bootstrapCi', () => {
  it('is reproducible and rejects a statistic that returns NaN', () => {
    const data = [1, 2, 3, 4, 10];
    const stat = (s: Float64Array) => Math.max(...s);
    expect(bootstrapCi(createRng(1), data, stat)).toEqual(bootstrapCi(createRng(1), data, stat));
    expect(() => bootstrapCi(createRng(1), data, () => Number.NaN)).toThrow(
      /bootstrapCi: statistic returned NaN/,
    );
  });
});
