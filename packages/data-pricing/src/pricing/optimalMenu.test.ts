import { test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { lpTolerance, market } from '../../test/markets.ts';
import { evaluateMenu } from './evaluateMenu.ts';
import { productMenu } from './Menu.ts';
import { optimalDeterministicMenu } from './optimalDeterministicMenu.ts';
import { optimalMenu } from './optimalMenu.ts';
import { randomDataMarket } from './randomDataMarket.ts';

describe('optimalMenu', () => {
  it('extracts the full surplus when each type values only its own product', async () => {
    const values = [
      [2, 0, 0],
      [0, 3, 0],
      [0, 0, 1],
    ];
    const menu = await optimalMenu({ values, weights: [1, 1, 2] });
    expect(menu.firstBest).toBeCloseTo((2 + 3 + 2 * 1) / 4, 14);
    expect(Math.abs(menu.revenue - menu.firstBest)).toBeLessThanOrEqual(lpTolerance(3));
    expect(Math.abs(menu.buyerSurplus)).toBeLessThanOrEqual(lpTolerance(3));
    for (let t = 0; t < 3; t++) {
      expect(menu.allocation[t]![t]).toBeCloseTo(1, 6);
      expect(menu.prices[t]).toBeCloseTo(values[t]![t]!, 6);
    }
  });

  it('screens two types with a lottery when that beats every plain menu', async () => {
    // A buyer who values the good at 1 or at 3 (equally likely): the best posted price is 3
    // (revenue 1.5) or 1 (revenue 1); with two qualities screening earns more.
    const values = [
      [1, 0.9],
      [3, 1],
    ];
    const lp = await optimalMenu({ values });
    const plain = optimalDeterministicMenu({ values });
    expect(plain.revenue).toBeGreaterThan(1.5);
    expect(lp.revenue).toBeGreaterThanOrEqual(plain.revenue - lpTolerance(3));
    expect(lp.revenue).toBeLessThanOrEqual(lp.firstBest + lpTolerance(3));
  });

  it('charges production costs, and leaves unsold a product that costs more than anyone pays', async () => {
    const values = [
      [2, 5],
      [1, 4],
    ];
    const costs = [0.5, 10];
    const lp = await optimalMenu({ values, costs });
    expect(lp.firstBest).toBeCloseTo((1.5 + 0.5) / 2, 14);
    for (let t = 0; t < 2; t++) expect(lp.allocation[t]![1]).toBeLessThanOrEqual(1e-7);
    const plain = optimalDeterministicMenu({ values, costs });
    expect(Array.from(plain.products)).not.toContain(1);
    // One product, values 2 and 1, cost 0.5: price 2 earns (2 - 0.5)/2, price 1 earns 0.5.
    expect(plain.revenue).toBeCloseTo(0.75, 14);
    expect(Math.abs(lp.revenue - 0.75)).toBeLessThanOrEqual(lpTolerance(5));
  });

  it('gives the same menu in any currency unit: values near 1e300 solve like values near 1', async () => {
    const values = [
      [1, 0.9],
      [3, 1],
    ];
    const base = await optimalMenu({ values, costs: [0.2, 0] });
    const huge = await optimalMenu({
      values: values.map((row) => row.map((x) => x * 1e300)),
      costs: [0.2e300, 0],
    });
    expect(Math.abs(huge.revenue / 1e300 - base.revenue)).toBeLessThanOrEqual(lpTolerance(3));
    expect(huge.maxViolation / 1e300).toBeLessThanOrEqual(lpTolerance(3));
  });

  it('rejects bad markets', async () => {
    await expect(optimalMenu({ values: [[1, -1]] })).rejects.toThrow(
      /^optimalMenu: market.values\[0\]\[1\] must be >= 0/,
    );
    await expect(optimalMenu({ values: [[1]], weights: [1, 1] })).rejects.toThrow(
      /weights must have 1/,
    );
    await expect(optimalMenu({ values: [[1, 2]], costs: [0, -1] })).rejects.toThrow(/costs\[1\]/);
    await expect(optimalMenu({ values: [[1, Number.NaN]] })).rejects.toThrow(RangeError);
  });
});

describe('optimalDeterministicMenu', () => {
  test.prop([market], { seed: 7, numRuns: 60 })(
    'its menu is IC and IR when re-evaluated, and no price can rise without losing a buyer',
    (market) => {
      const plain = optimalDeterministicMenu(market);
      // One item per product sold, each the product's indicator; each type's item is its product.
      for (const [t, d] of plain.products.entries()) {
        const item = plain.assignment[t]!;
        expect(item === -1 ? -1 : plain.allocation[item]!.indexOf(1)).toBe(d);
      }
      expect(new Set(plain.assignment).size - (plain.assignment.includes(-1) ? 1 : 0)).toBe(
        plain.allocation.length,
      );
      const outcome = evaluateMenu(market, plain);
      expect(outcome.incentiveCompatible).toBe(true);
      expect(outcome.individuallyRational).toBe(true);
      expect(outcome.revenue).toBeGreaterThanOrEqual(plain.revenue - 1e-9);
      // Maximal prices: raising the price of a product that sells by a visible amount makes some
      // buyer of it switch.
      for (const item of plain.allocation.keys()) {
        const prices = Float64Array.from(plain.prices, (p, i) => (i === item ? p + 1e-6 : p));
        const after = evaluateMenu(market, { ...plain, prices });
        expect(after.incentiveCompatible && after.individuallyRational).toBe(false);
      }
    },
  );

  it('refuses markets too large to enumerate', () => {
    const values = Array.from({ length: 12 }, () => [1, 2, 3]);
    expect(() => optimalDeterministicMenu({ values })).toThrow(/16777216 assignments.*optimalMenu/);
    expect(optimalDeterministicMenu({ values: [[1]] }, { maxAssignments: 2 }).revenue).toBe(1);
  });
});

describe('randomDataMarket', () => {
  it('values each unit request at its information gain under each prior, reproducibly', () => {
    const a = randomDataMarket(createRng(3), { types: 4, products: 5, spread: 1.5 });
    const b = randomDataMarket(createRng(3), { types: 4, products: 5, spread: 1.5 });
    expect(a.values).toEqual(b.values);
    expect(a.requests[0]).toEqual([[1, 0, 0]]);
    for (const [t, sigma] of a.priors.entries())
      for (const [k, [x]] of a.requests.entries()) {
        expect(Math.hypot(...x!)).toBeCloseTo(1, 14);
        let quad = 0;
        for (let i = 0; i < 3; i++) quad += x![i]! ** 2 * sigma[i]![i]!;
        expect(a.values[t]![k]).toBeCloseTo(0.5 * Math.log1p(quad / 0.5), 13); // sigma^2 = 1/2
      }
    // Spread 0: every type is the same buyer, and a posted price takes the whole surplus.
    const alike = randomDataMarket(createRng(4), { types: 3, products: 2, spread: 0 });
    expect(alike.values[1]).toEqual(alike.values[0]);
    const plain = optimalDeterministicMenu(alike);
    expect(plain.revenue).toBeCloseTo(plain.firstBest, 14);
  });

  it('rejects bad sizes', () => {
    expect(() => randomDataMarket(createRng(1), { types: 0, products: 2 })).toThrow(/types/);
    expect(() => randomDataMarket(createRng(1), { types: 2, products: 2, spread: -1 })).toThrow(
      /spread/,
    );
    expect(() => randomDataMarket(createRng(1), { types: 2, products: 2, noiseStd: 0 })).toThrow(
      /noiseStd/,
    );
    expect(() => randomDataMarket(createRng(1), { types: 4, products: 2, spread: 1e4 })).toThrow(
      /spread 10000 is too large/,
    );
  });
});

describe('the pricing functions compose', () => {
  it('a data market in, a menu out, and the evaluator checks any solver on the same market', async () => {
    const market = randomDataMarket(createRng(9), { types: 4, products: 3, spread: 1.5 });
    const lp = await optimalMenu(market);
    const plain = optimalDeterministicMenu(market);
    for (const menu of [lp, plain]) {
      const outcome = evaluateMenu(market, menu);
      expect(outcome.incentiveCompatible && outcome.individuallyRational).toBe(true);
      expect(outcome.revenue).toBeCloseTo(menu.revenue, 9);
      expect(Array.from(outcome.choices)).toEqual(Array.from(menu.assignment));
    }
    // Posted prices are a menu too: the best plain menu's prices for its products.
    const posted = productMenu(
      Array.from({ length: 3 }, (_, d) => {
        const item = plain.allocation.findIndex((row) => row[d] === 1);
        return item === -1 ? 1e9 : plain.prices[item]!;
      }),
    );
    expect(evaluateMenu(market, posted).revenue).toBeCloseTo(plain.revenue, 9);
  });
});
