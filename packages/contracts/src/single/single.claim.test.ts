import { describe, expect, it } from 'vitest';
import { randomProblem } from '../../test/problems.ts';
import { firstBest } from './firstBest.ts';
import { linearContract } from './linearContract.ts';
import { optimalContract } from './optimalContract.ts';
import { tightLinearInstance } from './tightLinearInstance.ts';

describe('linear versus optimal contracts (Dutting, Roughgarden and Talgam-Cohen, arXiv:1808.03713)', () => {
  it.each([
    [2, 0.5],
    [3, 0.3],
    [5, 0.5],
    [8, 0.2],
    [12, 0.25],
  ])(
    'claim: on the tight instance with n = %i, gamma = %f, optimal / linear = n - (n - 1) gamma',
    async (n, gamma) => {
      const problem = tightLinearInstance(n, gamma);
      const linear = linearContract(problem);
      const best = await optimalContract(problem);
      const ratio = best.principalUtility / linear.principalUtility;
      // The linear contract is exact (breakpoints in closed form): it earns 1, up to the costs'
      // rounding (2^-53 x the largest reward, at most 2^26). The optimum is HiGHS's, feasible to
      // 1e-7 relative to the payments (at most the largest cost).
      const largest = problem.reward(n - 1);
      expect(Math.abs(linear.principalUtility - 1)).toBeLessThanOrEqual(8 * 2 ** -53 * largest);
      expect(Math.abs(ratio - (n - (n - 1) * gamma))).toBeLessThanOrEqual(1e-7 * largest + 1e-9);
      expect(best.action).toBe(n - 1);
      expect(best.principalUtility).toBeCloseTo(firstBest(problem).welfare, 6);
    },
  );

  it('claim: on random instances the ratio stays small (at most the number of actions, here below 2 on most)', async () => {
    const ratios: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const p = randomProblem(seed);
      const linear = linearContract(p);
      if (!(linear.principalUtility > 1e-9)) continue;
      ratios.push((await optimalContract(p)).principalUtility / linear.principalUtility);
    }
    ratios.sort((a, b) => a - b);
    // Every ratio is at least 1 (linear contracts are contracts) and at most n <= 5 (the
    // paper's worst case over instances with n actions).
    expect(ratios[0]!).toBeGreaterThanOrEqual(1 - 1e-6);
    expect(ratios[ratios.length - 1]!).toBeLessThanOrEqual(5);
    expect(ratios[Math.floor(0.9 * ratios.length)]!).toBeLessThan(2);
  });
});
