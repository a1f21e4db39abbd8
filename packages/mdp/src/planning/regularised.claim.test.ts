import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { modifiedPolicyIteration } from './modifiedPolicyIteration.ts';
import { policyIteration } from './policyIteration.ts';

describe('modified policy iteration', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 30 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(0, 1, 5, 50),
      fc.nat(),
    ],
    { seed: 5, numRuns: 30 },
  )(
    'claim: its stopping rule guarantees |V - V*| <= epsilon for every number of partial sweeps',
    (S, A, sweeps, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3));
      const exact = policyIteration(m, 0.95);
      const r = modifiedPolicyIteration(m, 0.95, { epsilon: 1e-5, sweeps });
      expect(r.converged).toBe(true);
      for (let s = 0; s < S; s++)
        expect(Math.abs(r.values[s]! - exact.values[s]!)).toBeLessThanOrEqual(1e-5);
      expect(Array.from(r.policy)).toEqual(Array.from(exact.policy));
    },
  );
});
