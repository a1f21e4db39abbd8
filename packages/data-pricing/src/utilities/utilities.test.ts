import { fc, test } from '@fast-check/vitest';
import { choleskySolve, createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { knnUtility } from './knnUtility.ts';
import { logisticUtility } from './logisticUtility.ts';
import { ridgeUtility } from './ridgeUtility.ts';

function regression(seed: number, n: number) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => [rng.nextFloat64(), rng.nextFloat64()]);
  const y = x.map(([a, b]) => 2 * a! - b! + 0.5 + 0.1 * (rng.nextFloat64() - 0.5));
  return { x, y };
}

describe('knnUtility', () => {
  test.prop([fc.nat(), fc.integer({ min: 1, max: 4 })], { seed: 4, numRuns: 30 })(
    'growing a subset point by point gives the same utilities as evaluating it from scratch',
    (seed, k) => {
      const rng = createRng(seed);
      const data = {
        x: Array.from({ length: 7 }, () => [Math.floor(rng.nextFloat64() * 3), rng.nextFloat64()]),
        y: Array.from({ length: 7 }, () => Math.floor(rng.nextFloat64() * 3)),
      };
      const u = knnUtility(data, data, k);
      const order = [3, 0, 6, 1, 5, 2, 4];
      u.reset();
      const grown = order.map((i) => u.add(i));
      for (let j = 1; j <= order.length; j++) {
        const subset = Int32Array.from(order.slice(0, j)).sort();
        expect(u.evaluate(subset)).toBeCloseTo(grown[j - 1]!, 14);
      }
    },
  );

  it('scores majority-vote accuracy, chance on the empty set, and means or sums', () => {
    const train = { x: [[0], [1], [10], [11]], y: [0, 0, 1, 1] };
    const validation = { x: [[0.5], [10.5], [0.2]], y: [0, 1, 1] };
    const u = knnUtility(train, validation, 1);
    expect(u.evaluate(Int32Array.of(0, 1, 2, 3))).toBeCloseTo(2 / 3, 15);
    expect(u.evaluate(new Int32Array(0))).toBeCloseTo(1 / 2, 15);
    // Only class 0 present: every validation point is predicted 0.
    expect(u.evaluate(Int32Array.of(0))).toBeCloseTo(1 / 3, 15);
    expect(
      knnUtility(train, validation, 1, { aggregate: 'sum' }).evaluate(Int32Array.of(0, 1, 2, 3)),
    ).toBe(2);
    expect(() => u.add(9)).toThrow(/knnUtility.add: i/);
    expect(() => u.evaluate(Int32Array.of(1, 1))).toThrow(/appears twice/);
  });
});

describe('ridgeUtility', () => {
  it('matches the closed-form ridge fit and grows incrementally to the same values', () => {
    const train = regression(1, 12);
    const validation = regression(2, 20);
    const lambda = 0.1;
    const u = ridgeUtility(train, validation, { lambda });
    const subset = Int32Array.of(1, 4, 5, 9, 11);
    const rows = Array.from(subset, (i) => [...train.x[i]!, 1]);
    const gram = [0, 1, 2].map((a) =>
      [0, 1, 2].map(
        (b) => rows.reduce((acc, r) => acc + r[a]! * r[b]!, 0) + (a === b ? lambda : 0),
      ),
    );
    const rhs = [0, 1, 2].map((a) =>
      rows.reduce((acc, r, k) => acc + r[a]! * train.y[subset[k]!]!, 0),
    );
    const w = choleskySolve(gram, rhs);
    const mse =
      validation.x.reduce(
        (acc, [a, b], v) => acc + (w[0]! * a! + w[1]! * b! + w[2]! - validation.y[v]!) ** 2,
        0,
      ) / 20;
    expect(u.evaluate(subset)).toBeCloseTo(-mse, 12);
    u.reset();
    let last = 0;
    for (const i of subset) last = u.add(i);
    expect(last).toBeCloseTo(-mse, 12);
    // The empty set predicts 0.
    expect(u.reset()).toBeCloseTo(-validation.y.reduce((acc, y) => acc + y * y, 0) / 20, 12);
    expect(() => ridgeUtility(train, validation, { lambda: 0 })).toThrow(/lambda/);
  });
});

describe('logisticUtility', () => {
  it('separates separable classes, predicts the only class present, and scores chance on the empty set', () => {
    const train = { x: [[-2], [-1], [1], [2], [-3], [3]], y: [0, 0, 1, 1, 0, 1] };
    const validation = { x: [[-1.5], [1.5], [-0.5], [0.5]], y: [0, 1, 0, 1] };
    const u = logisticUtility(train, validation);
    expect(u.evaluate(Int32Array.of(0, 1, 2, 3, 4, 5))).toBe(1);
    expect(u.evaluate(Int32Array.of(0, 1))).toBe(0.5);
    expect(u.evaluate(new Int32Array(0))).toBe(0.5);
    const three = { x: [[0], [5], [10], [0.5], [5.5], [10.5]], y: [0, 1, 2, 0, 1, 2] };
    expect(
      logisticUtility(three, three, { lambda: 1e-3 }).evaluate(Int32Array.of(0, 1, 2, 3, 4, 5)),
    ).toBeGreaterThanOrEqual(2 / 3);
    expect(() => logisticUtility({ x: [[0]], y: [1.5] }, validation)).toThrow(/integer class/);
    // Warm-started growth gives the accuracies of fits from scratch.
    u.reset();
    const order = [4, 0, 5, 2, 1, 3];
    order.forEach((i, j) => {
      const grown = u.add(i);
      expect(grown).toBe(u.evaluate(Int32Array.from(order.slice(0, j + 1)).sort()));
      u.reset();
      for (const k of order.slice(0, j + 1)) u.add(k);
    });
    expect(() => u.add(4)).toThrow(/already in the subset/);
  });
});

describe('logisticUtility on ordinary multivariate data', () => {
  test.prop([fc.nat(), fc.integer({ min: 2, max: 6 })], { seed: 12, numRuns: 20 })(
    'fits any subset without an asymmetry error and scores within [0, 1]',
    (seed, d) => {
      const rng = createRng(seed);
      const point = () => Array.from({ length: d }, () => 4 * rng.nextFloat64() - 2);
      const train = { x: Array.from({ length: 40 }, point), y: [] as number[] };
      train.y = train.x.map((x) => (x[0]! + 0.3 * x[1]! + 0.2 * rng.nextFloat64() > 0 ? 1 : 0));
      const validation = { x: Array.from({ length: 20 }, point), y: [] as number[] };
      validation.y = validation.x.map((x) => (x[0]! + 0.3 * x[1]! > 0 ? 1 : 0));
      const u = logisticUtility(train, validation);
      const all = u.evaluate(Int32Array.from({ length: 40 }, (_, i) => i));
      expect(all).toBeGreaterThanOrEqual(0.7);
      expect(all).toBeLessThanOrEqual(1);
    },
  );
});
