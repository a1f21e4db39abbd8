import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference.ts';
import { randomSpd } from '../matrix/randomSpd.ts';
import { relativeError } from '../numeric/relativeError.ts';
import { createRng } from '../random/createRng.ts';
import { sampleNormal } from '../random/sampleNormal.ts';
import { normalLogPdf } from '../special/normalPdf.ts';
import { RunningStats } from '../stats/RunningStats.ts';
import { entropy } from './entropy.ts';
import { klBernoulli } from './klBernoulli.ts';
import {
  klBernoulliLowerBound,
  klBernoulliUpperBound,
  klBernoulliUpperBoundCeiling,
} from './klBernoulliBound.ts';
import { klCategorical } from './klCategorical.ts';
import { klGaussian } from './klGaussian.ts';
import { klMultivariateGaussian } from './klMultivariateGaussian.ts';
import { mutualInformation } from './mutualInformation.ts';

const distribution = fc
  .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 })
  .map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });

describe('entropy and KL', () => {
  test.prop([distribution], { seed: 1 })('0 <= H(p) <= log n, and KL(p, p) = 0', (p) => {
    const h = entropy(p);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThanOrEqual(Math.log(p.length) + 1e-12);
    expect(klCategorical(p, p)).toBeLessThan(1e-15);
  });

  test.prop(
    [
      distribution.chain((p) =>
        fc.tuple(
          fc.constant(p),
          distribution.filter((q) => q.length === p.length),
        ),
      ),
    ],
    { seed: 2 },
  )('KL(p, q) >= 0 and equals log n - H(p) against the uniform q', ([p, q]) => {
    expect(klCategorical(p, q)).toBeGreaterThanOrEqual(0);
    const u = p.map(() => 1 / p.length);
    expect(Math.abs(klCategorical(p, u) - (Math.log(p.length) - entropy(p)))).toBeLessThan(1e-12);
  });

  it('KL is infinite off the support and klBernoulli is the two-point case', () => {
    expect(klCategorical([0.5, 0.5], [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(klBernoulli(0.3, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(klBernoulli(0, 0)).toBe(0);
    expect(
      relativeError(klBernoulli(0.3, 0.6), klCategorical([0.3, 0.7], [0.6, 0.4])),
    ).toBeLessThan(1e-14);
  });

  it('Gaussian KL matches a Monte Carlo estimate within 4 standard errors', () => {
    const rng = createRng(17);
    const [m1, s1, m2, s2] = [0.3, 1.4, -0.5, 0.9];
    const acc = new RunningStats();
    for (let i = 0; i < 40_000; i++) {
      const x = sampleNormal(rng, m1, s1);
      acc.push(normalLogPdf(x, m1, s1) - normalLogPdf(x, m2, s2));
    }
    expect(Math.abs(acc.mean - klGaussian(m1, s1, m2, s2))).toBeLessThan(4 * acc.standardError);
  });

  it('multivariate Gaussian KL reduces to sums of univariate ones for diagonal covariances', () => {
    const kl = klMultivariateGaussian(
      [0, 1],
      [
        [2, 0],
        [0, 0.5],
      ],
      [1, -1],
      [
        [1, 0],
        [0, 3],
      ],
    );
    const expected =
      klGaussian(0, Math.SQRT2, 1, 1) + klGaussian(1, Math.sqrt(0.5), -1, Math.sqrt(3));
    expect(relativeError(kl, expected)).toBeLessThan(1e-13);
  });

  it('multivariate Gaussian KL is zero between equal distributions and invariant under a common rotation', () => {
    const rng = createRng(2);
    const a = randomSpd(rng, [1, 2, 5]);
    const b = randomSpd(rng, [0.5, 1, 3]);
    expect(klMultivariateGaussian([1, 2, 3], a, [1, 2, 3], a)).toBeLessThan(1e-12);
    // Diagonal forms in the eigenbasis of neither: compare with the trace/log-det formula via symmetry KL(a||b) != KL(b||a) but both >= 0.
    expect(klMultivariateGaussian([0, 0, 0], a, [1, 0, 0], b)).toBeGreaterThan(0);
  });
});

describe('KL-UCB bounds', () => {
  it('match 40-digit roots (fixtures) to a few ulps', () => {
    // q <= 1, so 4 ulps of 1 bounds the error of a root computed from a kl accurate to ~1 ulp.
    const tol = 4 * Number.EPSILON;
    for (const [p, d, q] of reference.klBernoulliUpperBound)
      expect(Math.abs(klBernoulliUpperBound(p!, d!) - q!)).toBeLessThanOrEqual(tol);
    for (const [p, d, q] of reference.klBernoulliLowerBound)
      expect(Math.abs(klBernoulliLowerBound(p!, d!) - q!)).toBeLessThanOrEqual(tol);
  });

  test.prop(
    [fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-9, max: 5, noNaN: true })],
    { seed: 3 },
  )('the bounds bracket p and lie within 1e-13 of the root of kl(p, q) = d', (p, d) => {
    const hi = klBernoulliUpperBound(p, d);
    const lo = klBernoulliLowerBound(p, d);
    expect(hi).toBeGreaterThanOrEqual(p);
    expect(lo).toBeLessThanOrEqual(p);
    // kl(p, .) increases on [p, 1] and decreases on [0, p]: the root lies in [q - delta, q + delta]
    // iff kl is <= d on the inner end and > d on the outer end (each end clipped to [0, 1]).
    const delta = 1e-13;
    const inner = (q: number) => klBernoulli(p, Math.min(1, Math.max(0, q)));
    expect(inner(Math.max(p, hi - delta))).toBeLessThanOrEqual(d);
    if (hi + delta <= 1) expect(klBernoulli(p, hi + delta)).toBeGreaterThan(d);
    expect(inner(Math.min(p, lo + delta))).toBeLessThanOrEqual(d);
    if (lo - delta >= 0) expect(klBernoulli(p, lo - delta)).toBeGreaterThan(d);
  });

  test.prop(
    [fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-12, max: 5, noNaN: true })],
    { seed: 31 },
  )('the ceiling is never below the bound, and tight for small d', (p, d) => {
    const q = klBernoulliUpperBound(p, d);
    const ceiling = klBernoulliUpperBoundCeiling(p, d);
    expect(ceiling).toBeGreaterThanOrEqual(q - 1e-15);
    if (d < 1e-4 && p > 0.01 && p < 0.99) expect(ceiling - q).toBeLessThan(2 * d);
  });

  it('are monotone in d and return p at d = 0', () => {
    expect(klBernoulliUpperBound(0.4, 0)).toBe(0.4);
    expect(klBernoulliLowerBound(0.4, 0)).toBe(0.4);
    expect(klBernoulliUpperBound(0.4, 0.1)).toBeLessThan(klBernoulliUpperBound(0.4, 0.2));
    expect(klBernoulliUpperBound(1, 3)).toBe(1);
    expect(klBernoulliLowerBound(0, 3)).toBe(0);
  });
});

describe('mutual information', () => {
  test.prop([distribution, distribution], { seed: 4 })(
    'is zero for a product distribution and at most min(H(X), H(Y))',
    (px, py) => {
      const joint = px.map((a) => py.map((b) => a * b));
      expect(mutualInformation(joint)).toBeLessThan(1e-12);
      const diag = px.map((a, i) => px.map((_, j) => (i === j ? a : 0)));
      expect(Math.abs(mutualInformation(diag) - entropy(px))).toBeLessThan(1e-12);
    },
  );
});

describe('bad input', () => {
  it.each([
    [() => entropy([0.5, 0.6]), /entropy: p must sum to 1, got sum 1.1/],
    [() => klCategorical([1], [0.5, 0.5]), /klCategorical: q must have length 1/],
    [() => klBernoulli(0.5, 2), /klBernoulli: q must be in \[0, 1\], got 2/],
    [() => klGaussian(0, 0, 0, 1), /klGaussian: sigma1 must be > 0, got 0/],
    [() => klBernoulliUpperBound(0.5, -1), /klBernoulliUpperBound: d must be >= 0, got -1/],
    [
      () =>
        mutualInformation([
          [0.5, -0.1],
          [0.3, 0.3],
        ]),
      /mutualInformation: joint\[0\]\[1\] must be >= 0/,
    ],
    [
      () =>
        klMultivariateGaussian(
          [0],
          [
            [1, 2],
            [2, 1],
          ],
          [0],
          [[1]],
        ),
      /klMultivariateGaussian/,
    ],
  ])('throws %#', (call, message) => {
    expect(call).toThrow(message);
  });
});
