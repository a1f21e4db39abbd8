import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { simulateBandit } from '../core/simulateBandit.ts';
import { LinearContextualBandit } from './LinearContextualBandit.ts';
import { LogisticContextualBandit } from './LogisticContextualBandit.ts';
import { SquareCb } from './SquareCb.ts';

describe('SquareCb', () => {
  it('claim: regret is sublinear with the ridge oracle on a linear instance and the logistic oracle on a logistic one', () => {
    const checkpoints = [500, 1000, 2000, 4000];
    const cases = [
      {
        env: new LinearContextualBandit([0.6, -0.4, 0.2], 5, { noiseStd: 0.2 }),
        make: () => new SquareCb(5, 3),
      },
      {
        env: new LogisticContextualBandit([2, -1.5, 1], 5),
        make: () => new SquareCb(5, 3, { oracle: 'logistic' }),
      },
    ];
    for (const { env, make } of cases) {
      const r = simulateBandit(createRng(3), env, make, { rounds: 4000, runs: 4, checkpoints });
      // Foster and Rakhlin's bound is O(sqrt(KT log T)) here: slope near 1/2, far from linear.
      expect(fitLogLogSlope(checkpoints, r.series.regret.mean).slope).toBeLessThan(0.75);
    }
  });
});
