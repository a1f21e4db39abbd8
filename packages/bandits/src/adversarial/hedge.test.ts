import { describe, expect, it } from 'vitest';
import { Hedge } from './Hedge.ts';

describe('Hedge.probabilities into a buffer', () => {
  it('writes the same distribution it returns as a copy, and checks the buffer', () => {
    const h = new Hedge(3, { rounds: 10 });
    h.update([0.2, 0.9, 0.5]);
    const out = new Float64Array(3);
    expect(h.probabilities(out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(h.probabilities()));
    expect(() => h.probabilities(new Float64Array(2))).toThrow(
      /^Hedge.probabilities: out must be a Float64Array of length 3/,
    );
  });
});
