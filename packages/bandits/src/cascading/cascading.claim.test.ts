import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { CascadeUcb } from './CascadeUcb.ts';
import { CascadingBandit } from './CascadingBandit.ts';
import { simulateCascadingBandit } from './simulateCascadingBandit.ts';

describe('CascadeUcb', () => {
  it('claim: CascadeKL-UCB and CascadeUCB1 have regret growing like log n', () => {
    const env = new CascadingBandit([0.5, 0.4, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05], 2);
    const checkpoints = [200, 500, 1000, 2000, 5000, 10_000];
    for (const index of ['kl-ucb', 'ucb1'] as const) {
      const r = simulateCascadingBandit(createRng(3), env, () => new CascadeUcb(8, 2, { index }), {
        rounds: 10_000,
        runs: 20,
        checkpoints,
      });
      // log n growth: far below the slope 1/2 of sqrt(n) regret over the last decade.
      expect(
        fitLogLogSlope(checkpoints.slice(-4), r.series.regret.mean.slice(-4)).slope,
      ).toBeLessThan(0.4);
    }
  });
});
