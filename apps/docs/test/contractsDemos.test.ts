import { describe, expect, it } from 'vitest';
import { tightRatios } from '../components/contractsDemos.ts';

describe('the contracts guide demos', () => {
  it('show the ratio n - (n - 1) gamma on the tight instance', () => {
    for (const { n, gamma, ratio } of tightRatios())
      expect(Math.abs(ratio - (n - (n - 1) * gamma))).toBeLessThan(1e-6);
  });
});
