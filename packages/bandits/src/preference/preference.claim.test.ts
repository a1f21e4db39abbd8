import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { sparseCoverage } from '../../test/alignment.ts';
import { PreferenceOptimizer, type PreferenceOptimizerOptions } from './PreferenceOptimizer.ts';
import { preferenceDataset } from './preferenceDataset.ts';

describe('offline alignment under sparse coverage (SPAC, arXiv:2406.04274; RPO, arXiv:2405.16436)', () => {
  it("claim: DPO's suboptimality stays bounded away from zero as data grow, while RPO's and SPAC's go to zero", () => {
    const { problem, covered, beta, dpoLimit } = sparseCoverage();
    // The comparator: the best policy the data cover (single-policy concentrability).
    const target = problem.evaluate(problem.optimalPolicy(beta, covered), beta).objective;
    const floor = target - problem.evaluate(dpoLimit, beta).objective;
    const sizes = [100, 400, 1600, 6400];
    const seeds = 6;
    const gap = (options: (n: number) => PreferenceOptimizerOptions, iterations: number) =>
      sizes.map((n) => {
        let sum = 0;
        for (let s = 0; s < seeds; s++) {
          const data = preferenceDataset(createRng(100 + s), problem, {
            pairs: n,
            coverage: { kind: 'anchored', covered },
          });
          const learner = new PreferenceOptimizer(problem, options(n));
          learner.fit(data, { iterations });
          sum += target - problem.evaluate(learner.logPolicy(), beta).objective;
        }
        return sum / seeds;
      });
    const dpo = gap(() => ({ loss: 'dpo', beta }), 2000);
    // The regularisers' weight 1/sqrt(n) (the library's tuning: their bias vanishes as data
    // grow) and the reward class [-10, 10], which holds the true rewards.
    const rpo = gap(
      (n) => ({ loss: 'rpo', beta, sftWeight: 1 / Math.sqrt(n), rewardBound: 10 }),
      2000,
    );
    const spac = gap(
      (n) => ({
        loss: 'spac',
        beta,
        pessimism: 1 / Math.sqrt(n),
        rewardBound: 10,
        innerIterations: 50,
      }),
      40,
    );
    // DPO keeps the reference's mass on the two responses it never sees: its gap tends to the
    // gap of its infinite-data solution, which is large.
    expect(floor).toBeGreaterThan(1);
    for (const g of dpo) expect(g).toBeGreaterThan(floor / 2);
    // RPO and SPAC: at least the theorems' N^(-1/2) (the regularised objective is quadratic at
    // its optimum, so the measured rate is about N^(-1)).
    for (const g of [rpo, spac]) {
      expect(fitLogLogSlope(sizes, g).slope).toBeLessThan(-0.5);
      expect(g.at(-1)!).toBeLessThan(floor / 100);
    }
  });
});
