import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { simulateBandit } from '../core/simulateBandit.ts';
import { LinearBandit } from './LinearBandit.ts';
import { LinearThompsonSampling } from './LinearThompsonSampling.ts';
import { LinUcb } from './LinUcb.ts';

describe('linear regret', () => {
  it('claim: on the hypercube lower-bound instance, regret at T grows like sqrt(T) (slope near 1/2)', () => {
    // For each T, theta = (1, 1, 1)/sqrt(T): gaps of order 1/sqrt(T), regret of order d sqrt(T).
    const horizons = [250, 500, 1000, 2000, 4000];
    const actions = LinearBandit.hypercube(3);
    for (const make of [
      () =>
        new LinUcb(8, 3, {
          model: 'shared',
          oful: { noiseStd: 1, delta: 0.1, thetaNorm: 1, featureNorm: 1 },
        }),
      () => new LinearThompsonSampling(8, 3, { scale: 1 }),
    ]) {
      const rng = createRng(6);
      const regret = horizons.map((T) => {
        const env = new LinearBandit(
          actions,
          [1, 1, 1].map((v) => v / Math.sqrt(T)),
          1,
        );
        return simulateBandit(rng.split(), env, make, { rounds: T, runs: 8, checkpoints: [T] })
          .series.regret.mean[0]!;
      });
      const slope = fitLogLogSlope(horizons, regret).slope;
      expect(Math.abs(slope - 0.5)).toBeLessThan(0.2);
    }
  });
});
