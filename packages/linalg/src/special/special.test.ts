import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import large from '../../test/fixtures/large-parameters.json' with { type: 'json' };
import { reference, SPECIAL_TOL } from '../../test/reference.ts';
import { relativeError } from '../numeric/relativeError.ts';
import { studentTQuantile } from '../stats/studentTQuantile.ts';
import { betaQuantile } from './betaQuantile.ts';
import { binomialLogPmf } from './binomialLogPmf.ts';
import { digamma } from './digamma.ts';
import { erf, erfc } from './erf.ts';
import { lgamma } from './lgamma.ts';
import { log1pExp } from './log1pExp.ts';
import { logAddExp } from './logAddExp.ts';
import { logBeta } from './logBeta.ts';
import { logSumExp } from './logSumExp.ts';
import { normalCdf } from './normalCdf.ts';
import { normalLogPdf, normalPdf } from './normalPdf.ts';
import { normalQuantile } from './normalQuantile.ts';
import { poissonLogPmf } from './poissonLogPmf.ts';
import { regularizedBeta } from './regularizedBeta.ts';
import { regularizedGamma } from './regularizedGamma.ts';
import { logSigmoid, sigmoid } from './sigmoid.ts';
import { logSoftmax, softmax } from './softmax.ts';

const close = (actual: number, expected: number, tol = SPECIAL_TOL) =>
  expect(relativeError(actual, expected)).toBeLessThan(tol);

describe('special functions against scipy (fixtures/generate.py)', () => {
  it('lgamma, digamma, logBeta', () => {
    for (const [x, v] of reference.lgamma) close(lgamma(x!), v!);
    for (const [x, v] of reference.digamma) close(digamma(x!), v!);
    for (const [a, b, v] of reference.logBeta) close(logBeta(a!, b!), v!);
  });
  it('regularized incomplete beta and gamma, both tails', () => {
    for (const [x, a, b, v] of reference.regularizedBeta) close(regularizedBeta(x!, a!, b!), v!);
    for (const [x, a, b, v] of reference.regularizedBeta)
      close(regularizedBeta(x!, a!, b!, true), 1 - v!, 1e-12);
    for (const [a, x, v] of reference.regularizedGammaP) close(regularizedGamma(a!, x!), v!);
    for (const [a, x, v] of reference.regularizedGammaQ) close(regularizedGamma(a!, x!, true), v!);
  });
  it('erf, erfc, normal CDF (deep lower tail) and quantile (both tails)', () => {
    for (const [x, v] of reference.erf) close(erf(x!), v!);
    for (const [x, v] of reference.erfc) close(erfc(x!), v!);
    // erfc's relative condition number at y = -x / sqrt 2 is about 2 y^2 = x^2: the rounding of
    // the argument alone costs x^2 ulps in the far tail.
    for (const [x, v] of reference.normalCdf)
      close(normalCdf(x!), v!, Math.max(SPECIAL_TOL, 4 * x! * x! * Number.EPSILON));
    for (const [p, v] of reference.normalQuantile) {
      if (v === 0) expect(Math.abs(normalQuantile(p!))).toBeLessThan(1e-300);
      else close(normalQuantile(p!), v!);
    }
  });
  it('binomial and Poisson log-pmfs', () => {
    // Differences of log-gammas cancel: the absolute error is a few ulps of the largest term.
    for (const [k, n, p, v] of reference.binomialLogPmf) {
      expect(Math.abs(binomialLogPmf(k!, n!, p!) - v!)).toBeLessThan(
        8 * Number.EPSILON * (lgamma(n! + 1) + 1),
      );
    }
    for (const [k, lam, v] of reference.poissonLogPmf) {
      const scale = Math.abs(k! * Math.log(lam!)) + lam! + lgamma(k! + 1) + 1;
      expect(Math.abs(poissonLogPmf(k!, lam!) - v!)).toBeLessThan(8 * Number.EPSILON * scale);
    }
    expect(binomialLogPmf(11, 10, 0.3)).toBe(Number.NEGATIVE_INFINITY);
    expect(binomialLogPmf(0, 5, 0)).toBe(0);
    expect(poissonLogPmf(-1, 2)).toBe(Number.NEGATIVE_INFINITY);
    expect(poissonLogPmf(0, 0)).toBe(0);
    expect(() => binomialLogPmf(1.5, 3, 0.5)).toThrow(/binomialLogPmf: k must be an integer/);
    expect(() => poissonLogPmf(1, -1)).toThrow(/poissonLogPmf: lambda must be >= 0, got -1/);
  });
  it('large parameters against 50-digit references (fixtures/generateLarge.py)', () => {
    // Shapes from 1e3 to 1e12 in both tails: stdlib's betainc returned 1.19 at (0.5, 1e10, 1e10).
    for (const [x, a, b, lower, upper] of large.regularizedBeta) {
      close(regularizedBeta(x!, a!, b!), lower!);
      close(regularizedBeta(x!, a!, b!, true), upper!);
    }
    expect(regularizedBeta(0.5, 1e10, 1e10)).toBeCloseTo(0.5, 12);
    // Counts up to 2^53: the plain difference of log-gammas had no correct digit at 1e15.
    for (const [k, n, p, v] of large.binomialLogPmf) close(binomialLogPmf(k!, n!, p!), v!);
    for (const [k, lam, v] of large.poissonLogPmf) close(poissonLogPmf(k!, lam!), v!);
  });

  test.prop(
    [
      fc.double({ min: 1e3, max: 1e14, noNaN: true }),
      fc.double({ min: 1e3, max: 1e14, noNaN: true }),
      fc.double({ min: -6, max: 6, noNaN: true }),
    ],
    { seed: 41, numRuns: 200 },
  )(
    'at large shapes the two tails are a CDF: in [0, 1], summing to 1, monotone in x',
    (a, b, z) => {
      const n = a + b;
      const sd = Math.sqrt((a * b) / (n * n * (n + 1)));
      const x = Math.min(1, Math.max(0, a / n + z * sd));
      const lo = regularizedBeta(x, a, b);
      const up = regularizedBeta(x, a, b, true);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(lo).toBeLessThanOrEqual(1);
      expect(Math.abs(lo + up - 1)).toBeLessThan(1e-14);
      const x2 = Math.min(1, x + 0.1 * sd);
      expect(regularizedBeta(x2, a, b)).toBeGreaterThanOrEqual(lo - 1e-15);
    },
  );

  it('Beta quantile inverts the regularized incomplete beta', () => {
    for (const [p, a, b, v] of reference.betaQuantile) close(betaQuantile(p!, a!, b!), v!, 1e-12);
    for (const [p, a, b] of reference.betaQuantile)
      close(regularizedBeta(betaQuantile(p!, a!, b!), a!, b!), p!, 1e-11);
  });
  it('Student t quantile', () => {
    for (const [p, df, v] of reference.studentTQuantile)
      close(studentTQuantile(p!, df!), v!, 1e-12);
  });
  test.prop([fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true })], { seed: 3 })(
    'normalQuantile inverts normalCdf',
    (p) => {
      // d p = phi(z) d z, so a relative error e in z maps to |z| phi(z) e / p in p; 1e-13 leaves room.
      expect(relativeError(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-12);
    },
  );
  it('normalPdf integrates the CDF (Simpson on [-1, 1])', () => {
    let s = 0;
    const n = 200;
    const h = 2 / n;
    for (let i = 0; i <= n; i++)
      s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * normalPdf(-1 + i * h);
    // Simpson's error is h^4/180 * max|f''''| * 2 < 1e-9 here.
    expect(Math.abs((s * h) / 3 - (normalCdf(1) - normalCdf(-1)))).toBeLessThan(1e-9);
    close(normalLogPdf(3, 1, 2), Math.log(normalPdf(3, 1, 2)), 1e-15);
  });
});

describe('log-space helpers', () => {
  const logits = fc.array(fc.double({ min: -700, max: 700, noNaN: true }), {
    minLength: 1,
    maxLength: 20,
  });
  test.prop([logits, fc.double({ min: -1e4, max: 1e4, noNaN: true })], { seed: 4 })(
    'logSumExp is shift-equivariant and between max and max + log n',
    (x, c) => {
      const lse = logSumExp(x);
      const max = Math.max(...x);
      expect(lse).toBeGreaterThanOrEqual(max);
      expect(lse).toBeLessThanOrEqual(max + Math.log(x.length) + 1e-12 * Math.abs(max));
      const shifted = logSumExp(x.map((v) => v + c));
      expect(Math.abs(shifted - (lse + c))).toBeLessThan(1e-12 * (Math.abs(lse) + Math.abs(c) + 1));
    },
  );
  it('logSumExp handles overflow, empty input and -Infinity', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
    expect(logSumExp([Number.NEGATIVE_INFINITY, 0])).toBe(0);
    expect(() => logSumExp([0, Number.NaN])).toThrow(/logSumExp: x\[1\] must be a number, not NaN/);
  });
  test.prop([logits], { seed: 5 })(
    'softmax is a distribution and exp(logSoftmax) equals it',
    (x) => {
      const p = softmax(x);
      const lp = logSoftmax(x);
      expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      for (const [i, pi] of p.entries())
        expect(Math.abs(Math.exp(lp[i]!) - pi)).toBeLessThan(1e-14);
    },
  );
  test.prop(
    [
      fc.double({ min: -800, max: 800, noNaN: true }),
      fc.double({ min: -800, max: 800, noNaN: true }),
    ],
    { seed: 6 },
  )('logAddExp agrees with logSumExp', (a, b) => {
    expect(Math.abs(logAddExp(a, b) - logSumExp([a, b]))).toBeLessThan(
      1e-13 * (Math.abs(a) + Math.abs(b) + 1),
    );
  });
  it('logAddExp with -Infinity is exact', () => {
    expect(logAddExp(Number.NEGATIVE_INFINITY, -3)).toBe(-3);
    expect(logAddExp(2, Number.NEGATIVE_INFINITY)).toBe(2);
  });
  const moderate = fc.double({ min: -30, max: 30, noNaN: true });
  test.prop([moderate], { seed: 7 })(
    'log1pExp and sigmoid agree with the naive formulas where those are exact',
    (x) => {
      close(log1pExp(x), Math.log1p(Math.exp(x)), 1e-14);
      close(sigmoid(x), 1 / (1 + Math.exp(-x)), 1e-14);
      expect(Math.abs(sigmoid(x) + sigmoid(-x) - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    },
  );
  test.prop([moderate], { seed: 8 })(
    'logSigmoid: log of sigmoid where that is exact (x <= 0), and log s(x) - log s(-x) = x',
    (x) => {
      if (x <= 0) close(logSigmoid(x), Math.log(sigmoid(x)), 1e-14);
      expect(Math.abs(logSigmoid(x) - logSigmoid(-x) - x)).toBeLessThan(
        4 * Number.EPSILON * (Math.abs(x) + 1),
      );
    },
  );
  it('stay finite and accurate far in the tails', () => {
    expect(log1pExp(1000)).toBe(1000);
    close(log1pExp(-800), Math.exp(-800), 1e-15);
    expect(sigmoid(-800)).toBeGreaterThanOrEqual(0);
    expect(sigmoid(800)).toBe(1);
    close(logSigmoid(-800), -800, 1e-15);
  });
});

describe('bad input', () => {
  it.each([
    [() => lgamma(Number.NaN), /lgamma: x must be finite, got NaN/],
    [() => digamma(Number.POSITIVE_INFINITY), /digamma: x must be finite/],
    [() => logBeta(0, 1), /logBeta: a must be > 0, got 0/],
    [() => regularizedBeta(1.2, 1, 1), /regularizedBeta: x must be in \[0, 1\], got 1.2/],
    [() => regularizedGamma(1, -1), /regularizedGamma: x must be >= 0, got -1/],
    [() => normalQuantile(-0.1), /normalQuantile: p must be in \[0, 1\], got -0.1/],
    [() => normalCdf(0, 0, 0), /normalCdf: sigma must be > 0, got 0/],
    [() => softmax([]), /softmax: x must not be empty/],
    [() => sigmoid(Number.NaN), /sigmoid: x must not be NaN/],
    [() => logSigmoid(Number.NaN), /logSigmoid: x must not be NaN/],
    [() => log1pExp(Number.NaN), /log1pExp: x must not be NaN/],
    [() => logAddExp(1, Number.NaN), /logAddExp: b must not be NaN/],
    [() => erf(Number.NaN), /erf: x must not be NaN/],
    [() => erfc(Number.NaN), /erfc: x must not be NaN/],
    [() => softmax([1, Number.POSITIVE_INFINITY]), /softmax: x\[1\] must be a finite number/],
  ])('throws RangeError %#', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
