/** Random data markets and the linear programs' tolerance, for the menu solvers' tests. */
import { fc } from '@fast-check/vitest';

/**
 * HiGHS solves to primal and dual feasibility tolerances of 1e-7 (relative to the problem's
 * scale); the revenue is a weighted mean of prices, each that close to an exact optimum, so it is
 * good to a small multiple of that.
 */
export const lpTolerance = (scale: number) => 1e-6 * Math.max(1, scale);

export const market = fc
  .record({ T: fc.integer({ min: 1, max: 4 }), D: fc.integer({ min: 1, max: 3 }) })
  .chain(({ T, D }) =>
    fc.record({
      values: fc.array(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: D, maxLength: D }),
        { minLength: T, maxLength: T },
      ),
      weights: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), {
        minLength: T,
        maxLength: T,
      }),
    }),
  );
