import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dataProductValues } from './dataProductValues.ts';
import { evaluateMenu } from './evaluateMenu.ts';
import { productMenu } from './Menu.ts';

describe('evaluateMenu', () => {
  it('lets each type buy its best product, breaks ties for the seller, and reports revenue and first-best', () => {
    const values = [
      [3, 1],
      [2, 2],
      [0.5, 0.4],
    ];
    const r = evaluateMenu({ values, weights: [1, 1, 2] }, productMenu([2, 1]));
    // Type 0: surpluses 1 and 0 -> product 0. Type 1: 0 and 1 -> product 1. Type 2: both negative.
    expect(Array.from(r.choices)).toEqual([0, 1, -1]);
    expect(r.revenue).toBeCloseTo(0.25 * 2 + 0.25 * 1, 15);
    expect(r.buyerSurplus).toBeCloseTo(0.25 * 1 + 0.25 * 1, 15);
    expect(r.firstBest).toBeCloseTo(0.25 * 3 + 0.25 * 2 + 0.5 * 0.5, 15);
    // Indifferent between the two products (surplus 1 each): the higher price wins.
    expect(Array.from(evaluateMenu({ values: [[3, 2]] }, productMenu([2, 1])).choices)).toEqual([
      0,
    ]);
    // Indifferent between buying at value and not buying: it buys.
    expect(Array.from(evaluateMenu({ values: [[2]] }, productMenu([2])).choices)).toEqual([0]);
    // Costs make revenue the seller's profit.
    const withCosts = evaluateMenu(
      { values, weights: [1, 1, 2], costs: [0.5, 0] },
      productMenu([2, 1]),
    );
    expect(withCosts.revenue).toBeCloseTo(0.25 * 1.5 + 0.25 * 1, 15);
  });

  it('checks incentive compatibility and individual rationality of the items meant for each type', () => {
    const market = {
      values: [
        [3, 1],
        [2, 2],
      ],
    };
    const menu = (prices: number[]) => ({ ...productMenu(prices), assignment: [0, 1] });
    const ok = evaluateMenu(market, menu([2, 1]));
    expect([ok.incentiveCompatible, ok.individuallyRational]).toEqual([true, true]);
    // Each type priced at its value for its own product: type 1 would lose 1 on product 0, so
    // this personalised menu is IC and extracts the full surplus.
    const personalised = evaluateMenu(market, menu([3, 2]));
    expect(personalised.incentiveCompatible).toBe(true);
    expect(personalised.revenue).toBeCloseTo(personalised.firstBest, 15);
    const bad = evaluateMenu(market, menu([1, 1.5]));
    expect(bad.incentiveCompatible).toBe(false);
    expect(bad.violations).toEqual([{ type: 1, prefers: 0, gain: 0.5 }]);
    expect(evaluateMenu(market, menu([4, 1])).individuallyRational).toBe(false);
    const fn = /^evaluateMenu: /;
    expect(() => evaluateMenu(market, { allocation: [[1, 0]], prices: [1, 2] })).toThrow(fn);
    expect(() => evaluateMenu(market, productMenu([1]))).toThrow(
      /menu.allocation must have 2 columns \(products\), got 1/,
    );
    expect(() => evaluateMenu(market, { ...productMenu([1, 1]), prices: [1, -1] })).toThrow(
      /menu.prices\[1\] must be >= 0/,
    );
    expect(() => evaluateMenu({ values: [[-1]] }, productMenu([1]))).toThrow(
      /market.values\[0\]\[0\] must be >= 0/,
    );
    expect(() => evaluateMenu(market, { ...productMenu([1, 1]), assignment: [0, 2] })).toThrow(
      /menu.assignment\[1\]/,
    );
    expect(() => productMenu([1, -1])).toThrow(/^productMenu: prices\[1\] must be >= 0/);
  });

  test.prop(
    [
      fc.array(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        { minLength: 1, maxLength: 5 },
      ),
      fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
    ],
    { seed: 9, numRuns: 200 },
  )(
    'revenue plus buyer surplus never exceeds first-best, and the chosen menu is IC by construction',
    (values, prices) => {
      const r = evaluateMenu({ values }, productMenu(prices));
      expect(r.revenue + r.buyerSurplus).toBeLessThanOrEqual(r.firstBest + 1e-12);
      const chosen = { ...productMenu(prices), assignment: r.choices };
      expect(evaluateMenu({ values }, chosen).incentiveCompatible).toBe(true);
      expect(evaluateMenu({ values }, chosen).individuallyRational).toBe(true);
    },
  );
});

describe('dataProductValues', () => {
  it('values a request by the information gain under each buyer prior', () => {
    const values = dataProductValues(
      [
        [
          [1, 0],
          [0, 0.01],
        ],
        [
          [0.01, 0],
          [0, 1],
        ],
      ],
      [[[1, 0]], [[0, 1]]],
      1,
    );
    // Each buyer values the direction it knows least.
    expect(values[0]![0]).toBeCloseTo(0.5 * Math.log(2), 14);
    expect(values[0]![1]).toBeCloseTo(0.5 * Math.log(1.01), 14);
    expect(values[1]![1]).toBeCloseTo(0.5 * Math.log(2), 14);
    expect(() => dataProductValues([], [[[1]]], 1)).toThrow(/must not be empty/);
  });
});

describe('bounded enumeration and allocation', () => {
  it('optimalDeterministicMenu rejects maxAssignments: Infinity; knnUtility rejects a label of 1e9', async () => {
    const { optimalDeterministicMenu } = await import('./optimalDeterministicMenu.ts');
    const { knnUtility } = await import('../utilities/knnUtility.ts');
    expect(() =>
      optimalDeterministicMenu(
        { values: [[1], [2]] },
        { maxAssignments: Number.POSITIVE_INFINITY },
      ),
    ).toThrow(/optimalDeterministicMenu: maxAssignments must be an integer in \[1, 2147483648\]/);
    const data = { x: [[0], [1]], y: [0, 1e9] };
    expect(() => knnUtility(data, data, 1)).toThrow(/knnUtility: class labels must be below/);
  });
});
