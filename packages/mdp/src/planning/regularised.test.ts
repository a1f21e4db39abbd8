import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { evaluatePolicy, policyIteration } from './policyIteration.ts';
import { relativeValueIteration } from './relativeValueIteration.ts';
import { softValueIteration } from './softValueIteration.ts';

describe('soft value iteration', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 25 }),
      fc.integer({ min: 2, max: 4 }),
      fc.constantFrom(0.01, 0.1, 1),
      fc.nat(),
    ],
    { seed: 1, numRuns: 30 },
  )(
    'with a uniform reference: V* - tau log A / (1 - gamma) <= V_tau <= V* (+ epsilon), and a valid soft policy',
    (S, A, tau, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3));
      const gamma = 0.9;
      const soft = softValueIteration(m, gamma, tau, { epsilon: 1e-8 });
      const hard = policyIteration(m, gamma);
      for (let s = 0; s < S; s++) {
        expect(soft.values[s]!).toBeLessThanOrEqual(hard.values[s]! + 1e-7);
        expect(soft.values[s]!).toBeGreaterThanOrEqual(
          hard.values[s]! - (tau * Math.log(A)) / (1 - gamma) - 1e-7,
        );
        let z = 0;
        for (let a = 0; a < A; a++) z += soft.policy[s * A + a]!;
        expect(Math.abs(z - 1)).toBeLessThan(1e-12);
      }
    },
  );

  it('with a deterministic reference it evaluates that policy (the KL term forbids any other)', () => {
    const m = garnet(createRng(2), 20, 3, 4);
    const reference = new Float64Array(60);
    for (let s = 0; s < 20; s++) reference[s * 3 + (s % 3)] = 1;
    const soft = softValueIteration(m, 0.9, 0.5, { reference, epsilon: 1e-10 });
    const exact = evaluatePolicy(
      m,
      0.9,
      Int32Array.from({ length: 20 }, (_, s) => s % 3),
    );
    for (let s = 0; s < 20; s++) expect(Math.abs(soft.values[s]! - exact[s]!)).toBeLessThan(1e-9);
    expect(() => softValueIteration(m, 0.9, 0)).toThrow(/temperature must be > 0/);
    expect(() =>
      softValueIteration(m, 0.9, 1, { reference: new Float64Array(60).fill(0.5) }),
    ).toThrow(/sums to 1.5, not 1/);
  });
});

describe('relative value iteration', () => {
  test.prop([fc.integer({ min: 2, max: 20 }), fc.integer({ min: 1, max: 3 }), fc.nat()], {
    seed: 3,
    numRuns: 20,
  })(
    'brackets the optimal gain, which matches (1 - gamma) V*_gamma as gamma -> 1',
    (S, A, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3)); // random successors: communicating w.h.p.
      const r = relativeValueIteration(m, { epsilon: 1e-9 });
      expect(r.converged).toBe(true);
      expect(r.gainBounds[1] - r.gainBounds[0]).toBeLessThanOrEqual(1e-9);
      const gamma = 1 - 1e-6;
      const v = policyIteration(m, gamma, { solver: 'direct' }).values;
      // (1 - gamma) V_gamma = g + (1 - gamma) h: the bias term is at most ~1e-6 x span(h)
      for (let s = 0; s < S; s++) expect(Math.abs((1 - gamma) * v[s]! - r.gain)).toBeLessThan(1e-4);
    },
  );
});
