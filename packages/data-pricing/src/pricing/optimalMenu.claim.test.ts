import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lpTolerance, market } from '../../test/markets.ts';
import { evaluateMenu } from './evaluateMenu.ts';
import { optimalDeterministicMenu } from './optimalDeterministicMenu.ts';
import { optimalMenu } from './optimalMenu.ts';

/** Best revenue from one product at a posted price: some type's value is always optimal. */
function bestPostedPrice(values: readonly number[], weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let best = 0;
  for (const p of values) {
    let mass = 0;
    for (const [t, v] of values.entries()) if (v >= p) mass += weights[t]!;
    best = Math.max(best, (p * mass) / total);
  }
  return best;
}

describe('optimalMenu', () => {
  test.prop([market], { seed: 5, numRuns: 40 })(
    'claim: its menu is incentive compatible and individually rational, and earns between the best plain menu and the first best',
    async (market) => {
      const { values } = market;
      const scale = Math.max(1, ...values.flat());
      const lp = await optimalMenu(market);
      const plain = optimalDeterministicMenu(market);
      // The solver's answer, checked by the evaluator on the same market: exactly IC and IR (its
      // prices are the largest that implement its allocation), earning what it reports.
      const check = evaluateMenu(market, lp);
      expect(check.incentiveCompatible && check.individuallyRational).toBe(true);
      expect(check.revenue).toBeGreaterThanOrEqual(lp.revenue - 1e-9 * scale);
      expect(lp.maxViolation).toBeLessThanOrEqual(1e-12 * scale * values.length);
      expect(lp.revenue).toBeGreaterThanOrEqual(plain.revenue - lpTolerance(scale));
      expect(lp.revenue).toBeLessThanOrEqual(lp.firstBest + lpTolerance(scale));
      expect(plain.firstBest).toBe(lp.firstBest);
      for (const p of lp.prices) expect(p).toBeGreaterThanOrEqual(-lpTolerance(scale));
      for (const row of lp.allocation)
        expect(row.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + lpTolerance(1));
      const plainCheck = evaluateMenu(market, plain);
      expect(plainCheck.incentiveCompatible && plainCheck.individuallyRational).toBe(true);
    },
  );

  test.prop(
    [
      fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 1000 }),
    ],
    { seed: 6, numRuns: 40 },
  )(
    'claim: with one product the optimal menu earns exactly the best posted price (brute force)',
    async (vals, salt) => {
      const weights = vals.map((_, t) => 1 + ((salt * (t + 3)) % 7));
      const values = vals.map((v) => [v]);
      const expected = bestPostedPrice(vals, weights);
      const lp = await optimalMenu({ values, weights });
      expect(Math.abs(lp.revenue - expected)).toBeLessThanOrEqual(lpTolerance(10));
      // The plain-menu enumeration agrees with the same brute force, to rounding.
      const plain = optimalDeterministicMenu({ values, weights });
      expect(Math.abs(plain.revenue - expected)).toBeLessThanOrEqual(1e-12 * 10 * vals.length);
    },
  );
});
