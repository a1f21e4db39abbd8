import { fc, test } from '@fast-check/vitest';
import { createRng, normInf } from '@x/linalg';
import { describe, expect } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { linearProgramming } from './linearProgramming.ts';
import { policyIteration } from './policyIteration.ts';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

describe('linearProgramming (HiGHS)', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 30 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(0.5, 0.9, 0.99),
      fc.nat(),
    ],
    {
      seed: 5,
      numRuns: 15,
    },
  )(
    'claim: the LP optimum is V* (equal to policy iteration within the a-posteriori bound)',
    async (S, A, gamma, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3));
      const lp = await linearProgramming(m, gamma);
      const exact = policyIteration(m, gamma);
      // Slack for the rounding in the LU solve and the residual itself: a few ulps of |V| / (1 - gamma).
      const slack = (64 * Number.EPSILON * Math.max(1, normInf(exact.values))) / (1 - gamma);
      expect(maxDiff(lp.values, exact.values)).toBeLessThanOrEqual(lp.errorBound + slack);
      expect(lp.errorBound).toBeLessThan(1e-5); // HiGHS's default tolerances are about 1e-7
    },
  );
});
