import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { randomProblem, shirkOrWork } from '../../test/problems.ts';
import { ContractProblem } from './ContractProblem.ts';
import { firstBest } from './firstBest.ts';
import { leastPaymentContracts } from './leastPaymentContracts.ts';
import { linearContract } from './linearContract.ts';
import { optimalContract } from './optimalContract.ts';
import { tightLinearInstance } from './tightLinearInstance.ts';

/** HiGHS's feasibility tolerance (1e-7) relative to the problem's scale, with a little slack. */
const lpTolerance = (scale: number) => 1e-6 * Math.max(1, scale);

describe('ContractProblem', () => {
  it('computes expected rewards and payments and the best response', () => {
    const p = shirkOrWork();
    expect(p.expectedReward(0)).toBeCloseTo(1, 15);
    expect(p.expectedReward(1)).toBeCloseTo(8, 15);
    expect(p.expectedPayment(1, [0, 2])).toBeCloseTo(1.6, 15);
    expect(p.bestResponse([0, 0])).toBe(0);
    expect(p.bestResponse([0, 2])).toBe(1);
  });

  it('breaks ties in the principal favour, within the tolerance only', () => {
    const p = shirkOrWork();
    // Pay 10/7 on success: both actions give the agent 1/7; the principal prefers work.
    expect(p.bestResponse([0, 10 / 7])).toBe(1);
    expect(p.bestResponse([0, 10 / 7 - 1e-3])).toBe(0);
    expect(p.bestResponse([0, 10 / 7 - 1e-3], { tolerance: 1e-2 })).toBe(1);
  });

  it('rejects bad data with the argument named', () => {
    const data = { outcomes: [[0.5, 0.6]], costs: [0], rewards: [1, 2] };
    expect(() => new ContractProblem(data)).toThrow(/ContractProblem: outcomes\[0\] must sum to 1/);
    expect(() => new ContractProblem({ ...data, outcomes: [[0.5, 0.5]], costs: [-1] })).toThrow(
      /ContractProblem: costs\[0\] must be >= 0/,
    );
    expect(() => new ContractProblem({ ...data, outcomes: [[1.5, -0.5]] })).toThrow(
      /outcomes\[0\]\[0\] must be in \[0, 1\]/,
    );
    expect(() => shirkOrWork().bestResponse([0, -1])).toThrow(
      /ContractProblem.bestResponse: contract\[1\] must be >= 0/,
    );
    expect(() => shirkOrWork().bestResponse([0])).toThrow(TypeError);
  });
});

describe('optimal and linear contracts', () => {
  it('solve the shirk-or-work example by hand', async () => {
    const p = shirkOrWork();
    const best = await optimalContract(p);
    expect(best.action).toBe(1);
    expect(best.contract[0]).toBeCloseTo(0, 9);
    expect(best.contract[1]).toBeCloseTo(10 / 7, 9);
    expect(best.payment).toBeCloseTo(8 / 7, 9);
    expect(best.principalUtility).toBeCloseTo(8 - 8 / 7, 9);
    expect(best.agentUtility).toBeCloseTo(8 / 7 - 1, 9);
    const linear = linearContract(p);
    expect(linear.share).toBeCloseTo(1 / 7, 15);
    expect(linear.action).toBe(1);
    expect(linear.principalUtility).toBeCloseTo((6 / 7) * 8, 14);
    expect(firstBest(p)).toEqual({ action: 1, welfare: 7 });
  });

  it('report an action dominated by a mixture of cheaper ones as not implementable', async () => {
    // Action 2 draws the same mixture as an equal blend of 0 and 1 but costs more than their blend.
    const p = new ContractProblem({
      outcomes: [
        [1, 0],
        [0, 1],
        [0.5, 0.5],
      ],
      costs: [0, 1, 0.6],
      rewards: [0, 3],
    });
    const impl = await leastPaymentContracts(p);
    expect(impl.map((i) => i.implementable)).toEqual([true, true, false]);
    expect(impl[2]!.payment).toBe(Number.POSITIVE_INFINITY);
    expect(impl[2]!.contract).toBeNull();
  });

  it('with a margin, induce the action strictly: the agent prefers it by the margin', async () => {
    const p = shirkOrWork();
    const best = await optimalContract(p, { margin: 0.5 });
    const u = (a: number) => p.expectedPayment(a, best.contract) - p.cost(a);
    expect(u(best.action) - u(1 - best.action)).toBeGreaterThanOrEqual(0.5 - lpTolerance(10));
    await expect(optimalContract(p, { margin: -1 })).rejects.toThrow(
      /^optimalContract: margin must be >= 0/,
    );
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 3, numRuns: 30 })(
    'the optimal contract induces its action, is never beaten by the linear one, and stays below first best',
    async (seed) => {
      const p = randomProblem(seed);
      const best = await optimalContract(p);
      const scale = Math.max(...best.contract, 1);
      expect(p.bestResponse(best.contract)).toBe(best.action);
      const linear = linearContract(p);
      expect(best.principalUtility).toBeGreaterThanOrEqual(
        linear.principalUtility - lpTolerance(scale),
      );
      expect(best.principalUtility).toBeLessThanOrEqual(firstBest(p).welfare + lpTolerance(scale));
      // The linear contract's action is the agent's best response to it.
      const shares = Array.from({ length: p.outcomes }, (_, j) => linear.share * p.reward(j));
      expect(p.bestResponse(shares, { tolerance: 1e-9 })).toBe(linear.action);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 4, numRuns: 30 })(
    'the linear contract is at least as good as every share on a fine grid (no grid is needed)',
    (seed) => {
      const p = randomProblem(seed);
      const linear = linearContract(p);
      for (let i = 0; i <= 1000; i++) {
        const alpha = i / 1000;
        const a = p.bestResponse(
          Array.from({ length: p.outcomes }, (_, j) => alpha * p.reward(j)),
          { tolerance: 0 },
        );
        expect((1 - alpha) * p.expectedReward(a)).toBeLessThanOrEqual(
          linear.principalUtility + 1e-12,
        );
      }
    },
  );
});

describe('tightLinearInstance', () => {
  it('rejects parameters whose rewards would exceed 2^26', () => {
    expect(() => tightLinearInstance(30, 0.5)).toThrow(/tightLinearInstance: gamma\^-\(n-1\)/);
    expect(() => tightLinearInstance(1, 0.5)).toThrow(RangeError);
    expect(() => tightLinearInstance(3, 1)).toThrow(/gamma must be in \(0, 1\)/);
  });
});
