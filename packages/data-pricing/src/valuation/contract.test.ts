import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { VALUER_CASES } from '../../test/valuers.ts';

/**
 * A random game on n points from a table of utilities, one per subset of the points, read
 * through `canon`: the utility of S is `table[canon(mask of S)]`.
 */
const game = (table: readonly number[], canon: (mask: number) => number) => (s: Int32Array) => {
  let mask = 0;
  for (const i of s) mask |= 1 << i;
  return table[canon(mask)]!;
};
const tables = (n: number) =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1 << n, maxLength: 1 << n });
/** Point n - 1 is a null player: the utility ignores it. */
const withoutLast = (n: number) => (mask: number) => mask & ~(1 << (n - 1));
/** Points 0 and 1 are interchangeable: the utility sees only how many of them S holds. */
const pairBlind = (mask: number) => {
  const both = (mask & 1) + ((mask >> 1) & 1);
  return (mask & ~3) | (both >= 1 ? 1 : 0) | (both === 2 ? 2 : 0);
};
/** Four standard errors (or, for an exact method, the rounding of sums over 2^n subsets). */
const allowance = (se: number | undefined, scale: number) => 4 * (se ?? 0) + 1e-12 * scale;

describe.each(VALUER_CASES)('$name: the valuation contract', (c) => {
  const n = 5;

  test.prop([tables(n)], { seed: 1, numRuns: 15 })(
    'a null player is worth 0, and shifting the utility by a constant changes no value',
    (table) => {
      const u = game(table, withoutLast(n));
      const { values, standardError } = c.value(n, u);
      expect(values.length).toBe(n);
      for (const v of values) expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(values[n - 1]!)).toBeLessThanOrEqual(allowance(standardError?.[n - 1], 1));
      const shifted = c.value(n, (s) => u(s) + 3);
      for (let i = 0; i < n; i++)
        expect(Math.abs(shifted.values[i]! - values[i]!)).toBeLessThanOrEqual(
          allowance(standardError?.[i], 4),
        );
    },
  );

  test.prop([tables(n)], { seed: 2, numRuns: 15 })(
    'interchangeable points get equal values, and scaling the utility scales the values',
    (table) => {
      const u = game(table, pairBlind);
      const { values, standardError: se } = c.value(n, u);
      const spread = se === undefined ? 0 : Math.hypot(se[0]!, se[1]!);
      expect(Math.abs(values[0]! - values[1]!)).toBeLessThanOrEqual(allowance(spread, 1));
      // A power of two scales every utility and every sum exactly, Monte Carlo or not.
      const scaled = c.value(n, (s) => 4 * u(s));
      for (let i = 0; i < n; i++) expect(scaled.values[i]).toBe(4 * values[i]!);
    },
  );

  test.prop([tables(n)], { seed: 3, numRuns: 15 })(
    'the same seed gives the same values; a Shapley method sums to U(N) - U(empty)',
    (table) => {
      const u = game(table, (m) => m);
      const first = c.value(n, u);
      expect(c.value(n, u)).toEqual(first);
      if (c.efficient) {
        const total = first.values.reduce((a, b) => a + b, 0);
        // Along every permutation the marginal contributions telescope: exact up to rounding.
        expect(Math.abs(total - (table[(1 << n) - 1]! - table[0]!))).toBeLessThanOrEqual(1e-12);
      }
      if (first.standardError !== undefined)
        for (const se of first.standardError) expect(se).toBeGreaterThanOrEqual(0);
    },
  );

  it('reports a utility that fails or returns a non-finite value, naming the subset', () => {
    expect(() =>
      c.value(3, (s) => {
        if (s.length === 2) throw new Error('model did not converge');
        return s.length;
      }),
    ).toThrow(/subset/);
    expect(() => c.value(3, (s) => (s.length === 3 ? Number.NaN : 0))).toThrow(/subset/);
  });
});
