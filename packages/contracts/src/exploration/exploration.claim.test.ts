import { createRng, sampleBeta } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { IncentivizedExploration } from './IncentivizedExploration.ts';

describe('hidden exploration (Slivkins, arXiv:1904.07272, Chapter 11)', () => {
  it('claim: at epsilon* an agent told to explore gains nothing in expectation by deviating, checked by simulating the Bayesian world', () => {
    const priors = [
      [3, 2],
      [1, 1],
    ] as const;
    const N0 = 8;
    const ie = new IncentivizedExploration({ priors, initialSamples: N0 });
    const eps = ie.maxExploration();
    expect(eps).toBeGreaterThan(0);
    const rng = createRng(11);
    const n = 400_000;
    let told1 = 0;
    let gain1 = 0;
    let told0 = 0;
    let gain0 = 0;
    for (let i = 0; i < n; i++) {
      const mu0 = sampleBeta(rng, priors[0][0], priors[0][1]);
      const mu1 = sampleBeta(rng, priors[1][0], priors[1][1]);
      let k = 0;
      for (let j = 0; j < N0; j++) if (rng.nextFloat64() < mu0) k++;
      if (ie.recommend(rng, k, eps) === 1) {
        told1++;
        gain1 += mu1 - mu0;
      } else {
        told0++;
        gain0 += mu0 - mu1;
      }
    }
    const audit = ie.audit(eps);
    // The simulated E[(mu_rec - mu_other) 1{rec}] match the exact audit within 4 standard errors
    // (each term is bounded by 1, so the standard error is at most 1 / sqrt(n)).
    const se = 1 / Math.sqrt(n);
    expect(Math.abs(gain1 / n - audit.gains[1]!)).toBeLessThan(4 * se);
    expect(Math.abs(gain0 / n - audit.gains[0]!)).toBeLessThan(4 * se);
    expect(Math.abs(told1 / n - audit.recommendationProbability[1]!)).toBeLessThan(4 * 0.5 * se);
    expect(told0).toBeGreaterThan(0);
  });
});
