import { fc, test } from '@fast-check/vitest';
import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { blobs } from '../../test/blobs.ts';
import { knnUtility } from '../utilities/knnUtility.ts';
import { banzhafMsr } from './banzhafMsr.ts';
import { exactSemivalue, exactShapley } from './exactSemivalue.ts';
import { knnShapley } from './knnShapley.ts';
import { permutationShapley } from './permutationShapley.ts';
import { sampledSemivalue } from './sampledSemivalue.ts';

/** A game given by a table of U over bit masks. */
const tableGame = (table: readonly number[]) => (subset: Int32Array) => {
  let mask = 0;
  for (const i of subset) mask |= 1 << i;
  return table[mask]!;
};

const gameArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
      minLength: 1 << n,
      maxLength: 1 << n,
    }),
  ),
);

describe('exactSemivalue', () => {
  test.prop([gameArb], { seed: 1, numRuns: 100 })(
    'claim: Shapley values satisfy efficiency, sum = U(N) - U(empty)',
    ([n, table]) => {
      const values = exactShapley(n, tableGame(table));
      const sum = values.reduce((a, b) => a + b, 0);
      // 2^n terms of size <= 20 each: 1e-12 relative to the table's scale is rounding.
      expect(Math.abs(sum - (table[(1 << n) - 1]! - table[0]!))).toBeLessThanOrEqual(1e-11);
    },
  );
});

describe('permutationShapley', () => {
  const data = blobs(3, 8);
  const validation = blobs(4, 30);
  const utility = knnUtility(data, validation, 3);
  const exact = exactShapley(8, utility);

  it('claim: the error falls like 1/sqrt(permutations) (log-log slope -1/2)', () => {
    const counts = [25, 100, 400, 1600];
    const rmse = counts.map((m) => {
      let total = 0;
      const seeds = 8;
      for (let seed = 0; seed < seeds; seed++) {
        const r = permutationShapley(createRng(seed), 8, utility, {
          permutations: m,
          tolerance: 0,
        });
        for (let i = 0; i < 8; i++) total += (r.values[i]! - exact[i]!) ** 2;
      }
      return Math.sqrt(total / (8 * seeds));
    });
    const fit = fitLogLogSlope(counts, rmse);
    // Over a 64-fold range the slope of an O(m^-1/2) error is -1/2; 0.15 covers the Monte Carlo
    // error of 8 seeds (the RMSE at each count has relative error about 1/sqrt(64) = 0.125).
    expect(Math.abs(fit.slope + 0.5)).toBeLessThan(0.15);
  });
});

describe('banzhafMsr', () => {
  it('claim: maximum-sample-reuse estimates converge to the exact Banzhaf values', () => {
    const data = blobs(5, 7);
    const utility = knnUtility(data, blobs(6, 25), 3);
    const exact = exactSemivalue(7, utility, 'banzhaf');
    const r = banzhafMsr(createRng(2), 7, utility, { samples: 20_000 });
    // Each estimate is a difference of two means of ~10^4 utilities in [0, 1]: sd <= 0.5/sqrt(5000) * sqrt(2) = 0.01.
    for (let i = 0; i < 7; i++) expect(Math.abs(r.values[i]! - exact[i]!)).toBeLessThan(0.04);
    expect(r.utilityCalls).toBeLessThanOrEqual(1 << 7);
  });
});

describe('knnShapley', () => {
  const pointsArb = fc.record({
    seed: fc.nat(),
    n: fc.integer({ min: 1, max: 9 }),
    t: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 5 }),
    task: fc.constantFrom('classification' as const, 'regression' as const),
    regression: fc.constantFrom('prediction' as const, 'neighbours' as const),
  });

  test.prop([pointsArb], { seed: 3, numRuns: 150 })(
    'claim: equals exact Shapley of its utility by enumeration (ties broken by index)',
    ({ seed, n, t, k, task, regression }) => {
      const rng = createRng(seed);
      // Integer coordinates on a small grid make distance ties common.
      const point = () => [Math.floor(rng.nextFloat64() * 3), Math.floor(rng.nextFloat64() * 3)];
      const label = () =>
        task === 'classification' ? Math.floor(rng.nextFloat64() * 2) : rng.nextFloat64();
      const train = { x: Array.from({ length: n }, point), y: Array.from({ length: n }, label) };
      const test = { x: Array.from({ length: t }, point), y: Array.from({ length: t }, label) };
      const utility = (s: Int32Array) => {
        let total = 0;
        for (let j = 0; j < t; j++) {
          const dist = (i: number) =>
            (train.x[i]![0]! - test.x[j]![0]!) ** 2 + (train.x[i]![1]! - test.x[j]![1]!) ** 2;
          const sorted = Array.from(s).sort((a, b) => dist(a) - dist(b) || a - b);
          const top = sorted.slice(0, k);
          const yt = test.y[j]!;
          if (task === 'regression' && regression === 'prediction') {
            const prediction = top.reduce((acc, i) => acc + train.y[i]!, 0) / k;
            total -= (prediction - yt) ** 2;
            continue;
          }
          for (const i of top) {
            const yi = train.y[i]!;
            total += (task === 'classification' ? (yi === yt ? 1 : 0) : -((yi - yt) ** 2)) / k;
          }
        }
        return total / t;
      };
      const exact = exactShapley(n, utility);
      const fast = knnShapley(train, test, k, { task, regression });
      for (let i = 0; i < n; i++) expect(fast[i]).toBeCloseTo(exact[i]!, 12);
      const summed = knnShapley(train, test, k, { task, regression, aggregate: 'sum' });
      for (let i = 0; i < n; i++) expect(summed[i]).toBeCloseTo(t * exact[i]!, 11);
    },
  );
});

describe('sampledSemivalue', () => {
  it('claim: converges to the exact Beta(4, 1), Banzhaf and Shapley values', () => {
    const data = blobs(7, 8);
    const utility = knnUtility(data, blobs(8, 25), 3);
    for (const semivalue of [{ alpha: 4, beta: 1 }, 'banzhaf', 'shapley'] as const) {
      const exact = exactSemivalue(8, utility, semivalue);
      const r = sampledSemivalue(createRng(3), 8, utility, semivalue, { samples: 3000 });
      // Within 4 standard errors (each the sample standard deviation over sqrt(3000)), plus
      // rounding.
      for (let i = 0; i < 8; i++)
        expect(Math.abs(r.values[i]! - exact[i]!)).toBeLessThanOrEqual(
          4 * r.standardError[i]! + 1e-12,
        );
    }
    expect(() => sampledSemivalue(createRng(1), 3, () => 0, 'shapley', { samples: 1 })).toThrow(
      /samples/,
    );
  });
});
