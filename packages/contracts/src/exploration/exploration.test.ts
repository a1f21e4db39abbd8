import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { IncentivizedExploration } from './IncentivizedExploration.ts';

describe('IncentivizedExploration', () => {
  it('with no initial samples, exploring at all is not BIC (arm 0 is better a priori)', () => {
    const ie = new IncentivizedExploration({
      priors: [
        [3, 2],
        [1, 1],
      ],
      initialSamples: 0,
    });
    expect(ie.maxExploration()).toBe(0);
    expect(ie.audit(0).compatible).toBe(true);
    expect(ie.audit(0.01).compatible).toBe(false);
  });

  test.prop(
    [
      fc.double({ min: 0.5, max: 5, noNaN: true }),
      fc.double({ min: 0.5, max: 5, noNaN: true }),
      fc.double({ min: 0.5, max: 5, noNaN: true }),
      fc.integer({ min: 1, max: 40 }),
    ],
    { seed: 3, numRuns: 60 },
  )('epsilon* is exactly the edge of BIC: compatible at it, not above it', (a0, b0, b1, n) => {
    // Arm 1's prior mean a1 / (a1 + b1) below arm 0's: a1 chosen so.
    const m0 = a0 / (a0 + b0);
    const a1 = (0.8 * m0 * b1) / (1 - 0.8 * m0);
    const ie = new IncentivizedExploration({
      priors: [
        [a0, b0],
        [a1, b1],
      ],
      initialSamples: n,
    });
    const eps = ie.maxExploration();
    expect(eps).toBeGreaterThanOrEqual(0);
    expect(eps).toBeLessThanOrEqual(1);
    const at = ie.audit(eps);
    expect(at.compatible).toBe(true);
    expect(at.recommendationProbability[0]! + at.recommendationProbability[1]!).toBeCloseTo(1, 12);
    if (eps < 1) {
      expect(Math.abs(at.gains[1]!)).toBeLessThan(1e-12);
      expect(ie.audit(Math.min(1, eps * 1.01 + 1e-9)).compatible).toBe(false);
    }
  });

  it('rejects priors in the wrong order and bad arguments', () => {
    expect(
      () =>
        new IncentivizedExploration({
          priors: [
            [1, 3],
            [3, 1],
          ],
          initialSamples: 2,
        }),
    ).toThrow(/^IncentivizedExploration: arm 0 must have the higher prior mean/);
    const ie = new IncentivizedExploration({
      priors: [
        [3, 2],
        [1, 1],
      ],
      initialSamples: 4,
    });
    expect(() => ie.audit(1.5)).toThrow(
      /^IncentivizedExploration.audit: exploration must be in \[0, 1\]/,
    );
    expect(() => ie.recommend(createRng(1), 5, 0.1)).toThrow(
      /successes must be an integer in \[0, 4\]/,
    );
  });
});
