import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { gaussLegendre } from './gaussLegendre.ts';

describe('gaussLegendre', () => {
  test.prop([fc.integer({ min: 1, max: 80 })], { seed: 1, numRuns: 40 })(
    'integrates every monomial of degree <= 2n - 1 on [-1, 1] exactly (to rounding)',
    (n) => {
      const { nodes, weights } = gaussLegendre(n);
      for (let d = 0; d <= 2 * n - 1; d++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += weights[i]! * nodes[i]! ** d;
        const exact = d % 2 === 1 ? 0 : 2 / (d + 1);
        expect(Math.abs(s - exact)).toBeLessThan(8 * n * Number.EPSILON);
      }
      for (let i = 1; i < n; i++) expect(nodes[i]!).toBeGreaterThan(nodes[i - 1]!);
    },
  );

  it('matches the tabulated 5-point rule and rejects bad sizes', () => {
    const { nodes, weights } = gaussLegendre(5);
    // Abramowitz and Stegun, Table 25.4.
    expect(nodes[4]).toBeCloseTo(0.906179845938664, 15);
    expect(weights[4]).toBeCloseTo(0.236926885056189, 15);
    expect(weights[2]).toBeCloseTo(0.568888888888889, 15);
    expect(() => gaussLegendre(0)).toThrow(
      /gaussLegendre: n must be an integer in \[1, 1024\], got 0/,
    );
    expect(() => gaussLegendre(2.5)).toThrow(RangeError);
  });
});
