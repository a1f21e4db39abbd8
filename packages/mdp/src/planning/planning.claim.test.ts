import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { policyIteration } from './policyIteration.ts';
import { valueIteration } from './valueIteration.ts';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('value iteration', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 40 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(0.5, 0.9, 0.99),
      fc.nat(),
    ],
    { seed: 2, numRuns: 40 },
  )(
    'claim: the sup-norm stopping rule guarantees |V - V*| <= epsilon (V* from policy iteration), Jacobi and Gauss-Seidel',
    (S, A, gamma, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3));
      const exact = policyIteration(m, gamma);
      for (const method of ['jacobi', 'gauss-seidel'] as const) {
        const vi = valueIteration(m, gamma, { epsilon: 1e-4, method });
        expect(vi.converged).toBe(true);
        expect(maxDiff(vi.values, exact.values)).toBeLessThanOrEqual(1e-4);
        expect(vi.errorBound).toBeLessThanOrEqual(1e-4);
      }
    },
  );
});
