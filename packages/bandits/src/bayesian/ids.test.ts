import { fc, test } from '@fast-check/vitest';
import { createRng, sampleBeta } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { InformationDirectedSampling } from './InformationDirectedSampling.ts';
import { minimizeInformationRatio } from './informationRatio.ts';

// Exact zeros matter (a zero-regret arm); denormals only test underflow of d^2.
const positive = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));

describe('minimizeInformationRatio', () => {
  test.prop([fc.array(fc.tuple(positive, positive), { minLength: 1, maxLength: 6 })], { seed: 1 })(
    'is never beaten by any distribution on a fine grid over pairs (brute force)',
    (arms) => {
      const regret = arms.map(([d]) => d);
      const info = arms.map(([, g]) => g);
      const candidates = arms.map((_, i) => i);
      const best = minimizeInformationRatio(regret, info, candidates);
      const psi = (d: number, g: number) =>
        d <= 0 ? 0 : g > 0 ? (d * d) / g : Number.POSITIVE_INFINITY;
      for (let i = 0; i < arms.length; i++) {
        for (let j = i; j < arms.length; j++) {
          for (let s = 0; s <= 200; s++) {
            const q = s / 200;
            const v = psi(q * regret[i]! + (1 - q) * regret[j]!, q * info[i]! + (1 - q) * info[j]!);
            expect(best.ratio).toBeLessThanOrEqual(v * (1 + 1e-12) + 1e-15);
          }
        }
      }
    },
  );
});

describe('InformationDirectedSampling', () => {
  it('computes P(A* = a) that matches Monte Carlo over the Beta posteriors', () => {
    const p = new InformationDirectedSampling(3, { gridPerArm: 200 });
    p.updateMany([0, 0, 0, 1, 1, 2], [1, 1, 0, 1, 0, 0]);
    const a = p.analyse();
    const rng = createRng(2);
    const counts = [0, 0, 0];
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const draws = [sampleBeta(rng, 3, 2), sampleBeta(rng, 2, 2), sampleBeta(rng, 1, 2)];
      counts[draws.indexOf(Math.max(...draws))]! += 1;
    }
    for (let k = 0; k < 3; k++) {
      const pk = counts[k]! / n;
      // Monte Carlo error plus a small grid error.
      expect(Math.abs(a.optimalProbability[k]! - pk)).toBeLessThan(
        4 * Math.sqrt((pk * (1 - pk)) / n) + 2e-3,
      );
    }
    expect(a.regrets.every((d) => d >= 0)).toBe(true);
  });

  it('rejects mutual information with Gaussian arms', () => {
    expect(
      () =>
        new InformationDirectedSampling(2, { family: 'gaussian', measure: 'mutual-information' }),
    ).toThrow(/only the variance measure/);
  });
});
