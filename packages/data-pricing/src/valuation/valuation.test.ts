import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { blobs } from '../../test/blobs.ts';
import { knnUtility } from '../utilities/knnUtility.ts';
import { CachedUtility } from './CachedUtility.ts';
import { exactSemivalue, exactShapley } from './exactSemivalue.ts';
import { knnShapley } from './knnShapley.ts';
import { leaveOneOut } from './leaveOneOut.ts';
import { permutationShapley } from './permutationShapley.ts';
import { sampledSemivalue } from './sampledSemivalue.ts';
import { semivalueWeights } from './semivalueWeights.ts';

describe('exactSemivalue', () => {
  test.prop(
    [
      fc.integer({ min: 1, max: 12 }),
      fc.double({ min: 0.1, max: 16, noNaN: true }),
      fc.double({ min: 0.1, max: 16, noNaN: true }),
    ],
    { seed: 2 },
  )(
    'semivalue weights over all subsets sum to one, and Beta(1, 1) is Shapley',
    (n, alpha, beta) => {
      let binom = 1;
      let total = 0;
      let shapleyTotal = 0;
      const w = semivalueWeights('t', n, { alpha, beta });
      const s = semivalueWeights('t', n, 'shapley');
      const b11 = semivalueWeights('t', n, { alpha: 1, beta: 1 });
      for (let k = 0; k < n; k++) {
        total += binom * w[k]!;
        shapleyTotal += binom * s[k]!;
        expect(b11[k]).toBeCloseTo(s[k]!, 12);
        binom = (binom * (n - 1 - k)) / (k + 1);
      }
      expect(total).toBeCloseTo(1, 10);
      expect(shapleyTotal).toBeCloseTo(1, 12);
    },
  );

  it('gives every semivalue the weights of an additive game, and shares a redundant point', () => {
    const w = [1, -2, 0.5, 3];
    const additive = (s: Int32Array) => s.reduce((acc, i) => acc + w[i]!, 0);
    for (const semivalue of ['shapley', 'banzhaf', { alpha: 4, beta: 1 }] as const) {
      const v = exactSemivalue(4, additive, semivalue);
      for (let i = 0; i < 4; i++) expect(v[i]).toBeCloseTo(w[i]!, 12);
    }
    // Points 0 and 1 are copies: U = 1 if either is present. Leave-one-out gives both 0.
    const copies = (s: Int32Array) => (s.includes(0) || s.includes(1) ? 1 : 0);
    expect(Array.from(leaveOneOut(3, copies))).toEqual([0, 0, 0]);
    const sh = exactShapley(3, copies);
    expect(sh[0]).toBeCloseTo(0.5, 14);
    expect(sh[1]).toBeCloseTo(0.5, 14);
    expect(sh[2]).toBeCloseTo(0, 14);
  });

  it('names the subset when the utility throws or returns a non-finite value, and returns nothing', () => {
    const failing = (s: Int32Array) => {
      if (s.length === 2) throw new Error('boom');
      return s.length;
    };
    expect(() => exactShapley(3, failing)).toThrow(/utility failed on subset \[0, 1\]/);
    expect(() => leaveOneOut(2, () => Number.NaN)).toThrow(
      /finite number, got NaN on subset \[0, 1\]/,
    );
    expect(() => exactShapley(21, () => 0)).toThrow(/^exactShapley: n/);
    expect(() => exactSemivalue(3, () => 0, { alpha: 0, beta: 1 })).toThrow(/alpha/);
  });
});

describe('permutationShapley', () => {
  const data = blobs(3, 8);
  const validation = blobs(4, 30);
  const utility = knnUtility(data, validation, 3);

  it('gives the same values through the incremental and the plain utility, and reuses work', () => {
    const plain = (s: Int32Array) => utility.evaluate(s);
    const a = permutationShapley(createRng(5), 8, utility, { permutations: 50, tolerance: 0 });
    const b = permutationShapley(createRng(5), 8, plain, { permutations: 50, tolerance: 0 });
    for (let i = 0; i < 8; i++) expect(a.values[i]).toBeCloseTo(b.values[i]!, 12);
    // One insertion per point per permutation (plus U(N) and U(empty)).
    expect(a.utilityCalls).toBe(50 * 8 + 2);
    // The cache answers the prefixes that repeat across permutations.
    expect(b.utilityCalls).toBeLessThan(50 * 8);
    const truncated = permutationShapley(createRng(5), 8, plain, {
      permutations: 50,
      tolerance: 0,
      truncation: 0.05,
    });
    expect(truncated.utilityCalls).toBeLessThanOrEqual(b.utilityCalls);
  });

  it('stops on the diagnostic even when most values are zero', () => {
    // Five dummy points and one that carries the whole utility.
    const game = (s: Int32Array) => (s.includes(0) ? 1 : 0);
    const r = permutationShapley(createRng(1), 6, game, { permutations: 10_000, tolerance: 0.01 });
    expect(r.converged).toBe(true);
    expect(r.permutations).toBeLessThan(10_000);
    expect(r.values[0]).toBeCloseTo(1, 12);
    for (let i = 1; i < 6; i++) expect(r.values[i]).toBe(0);
  });

  it('rejects bad options and a utility of the wrong size', () => {
    expect(() => permutationShapley(createRng(1), 8, utility, { truncation: 2 })).toThrow(
      /truncation/,
    );
    expect(() => permutationShapley(createRng(1), 7, utility)).toThrow(/size 8, not n = 7/);
  });
});

describe('knnShapley', () => {
  it('rejects mismatched shapes, empty sets, non-integer labels and non-finite features', () => {
    const train = {
      x: [
        [0, 1],
        [1, 0],
      ],
      y: [0, 1],
    };
    expect(() => knnShapley(train, { x: [[0]], y: [0] }, 1)).toThrow(
      /validation has 1 features, the training set 2/,
    );
    expect(() => knnShapley({ x: [], y: [] }, train, 1)).toThrow(
      /train must hold at least one point/,
    );
    expect(() => knnShapley({ ...train, y: [0, 0.5] }, train, 1)).toThrow(
      /train.y\[1\] must be an integer class/,
    );
    expect(() =>
      knnShapley(
        {
          ...train,
          x: [
            [0, 1],
            [Number.NaN, 0],
          ],
        },
        train,
        1,
      ),
    ).toThrow(/train.x\[1\]\[0\] must be finite/);
    expect(() => knnShapley(train, { x: [[0, 1]], y: [0, 1] }, 1)).toThrow(
      /validation.y must have 1 labels/,
    );
    expect(() => knnShapley(train, train, 0)).toThrow(/knnShapley: k/);
  });
});

describe('CachedUtility', () => {
  it('calls the utility once per subset', () => {
    let calls = 0;
    const cached = new CachedUtility(3, (s) => {
      calls++;
      return s.length;
    });
    cached.evaluate(Int32Array.of(0, 2));
    cached.evaluate(Int32Array.of(0, 2));
    expect([calls, cached.calls, cached.hits]).toEqual([1, 1, 1]);
    expect(() => new CachedUtility(3, 5 as never)).toThrow(/function or have an evaluate method/);
    // A full cache still answers, by calling the utility.
    const small = new CachedUtility(40, (s) => s.length, { maxEntries: 1 });
    small.evaluate(Int32Array.of(0, 39));
    small.evaluate(Int32Array.of(1));
    small.evaluate(Int32Array.of(1));
    small.evaluate(Int32Array.of(0, 39));
    expect([small.calls, small.hits]).toEqual([3, 1]);
  });
});

describe('sampledSemivalue at large n', () => {
  it('Banzhaf draws coalitions of about half the points for n >= 1076 (weights in log space)', () => {
    // U(S) = |S|^2: adding a point to s others adds 2s + 1, so the Banzhaf value of every point
    // is E[2s + 1] = n for s ~ Binomial(n - 1, 1/2). The mean over all points of 4 samples each
    // has standard deviation sqrt((n - 1) / (4n)) < 1/2.
    const n = 1100;
    const r = sampledSemivalue(createRng(11), n, (subset) => subset.length ** 2, 'banzhaf', {
      samples: 4,
    });
    let mean = 0;
    for (let i = 0; i < n; i++) mean += r.values[i]! / n;
    expect(Math.abs(mean - n)).toBeLessThan(5 * 0.5);
  });
});

describe('CachedUtility keys name one subset each', () => {
  it('rejects indices out of range, duplicates and decreasing lists instead of answering for another subset', () => {
    const c = new CachedUtility(31, (s) => s.length);
    expect(c.evaluate(Int32Array.of(0))).toBe(1);
    expect(() => c.evaluate(Int32Array.of(32))).toThrow(
      /CachedUtility.evaluate: subset must list distinct indices in \[0, 30\] in increasing order, got 32 at position 0/,
    );
    expect(() => c.evaluate(Int32Array.of(3, 3))).toThrow(RangeError);
    expect(() => c.evaluate(Int32Array.of(4, 2))).toThrow(RangeError);
    expect(() => c.evaluate([1, 2] as unknown as Int32Array)).toThrow(TypeError);
    const small = new CachedUtility(3, (s) => s.length);
    expect(() => small.evaluate(Int32Array.of(-1))).toThrow(RangeError);
    expect([c.calls, c.hits]).toEqual([1, 0]);
  });
});
