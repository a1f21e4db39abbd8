import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizedWeights } from './normalizedWeights.ts';

describe('normalizedWeights', () => {
  test.prop(
    [fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 })],
    {
      seed: 4,
      numRuns: 100,
    },
  )(
    'returns the weights divided by their sum: non-negative, summing to 1 within rounding',
    (raw) => {
      const weights = [...raw, 1];
      const w = normalizedWeights('f', 'weights', weights, weights.length);
      const total = weights.reduce((a, b) => a + b, 0);
      let sum = 0;
      for (const [i, x] of w.entries()) {
        expect(x).toBe(weights[i]! / total);
        sum += x;
      }
      // Each quotient is rounded once (half an ulp) and the sum adds n more roundings.
      expect(Math.abs(sum - 1)).toBeLessThanOrEqual(weights.length * Number.EPSILON);
    },
  );

  it('is uniform when omitted, and names the caller and the argument on bad input', () => {
    expect(Array.from(normalizedWeights('f', 'w', undefined, 4))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(() => normalizedWeights('model', 'prior', [1, 2], 3)).toThrow(
      new TypeError('model: prior must have 3 entries, got 2'),
    );
    expect(() => normalizedWeights('model', 'prior', [1, -1], 2)).toThrow(
      /model: prior\[1\] must be >= 0/,
    );
    expect(() => normalizedWeights('model', 'prior', [0, 0], 2)).toThrow(/positive sum/);
    expect(() => normalizedWeights('model', 'prior', [1, Number.NaN], 2)).toThrow(RangeError);
  });
});
