import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { chain } from '../generators/chain.ts';
import { garnet } from '../generators/garnet.ts';
import { gridworld } from '../generators/gridworld.ts';
import { Mdp } from '../model/Mdp.ts';
import { evaluatePolicy, policyIteration } from './policyIteration.ts';
import { relativeValueIteration } from './relativeValueIteration.ts';
import { softValueIteration } from './softValueIteration.ts';
import { valueIteration } from './valueIteration.ts';

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
    expect(() => softValueIteration(m, 0.9, 0)).toThrow(/beta must be > 0/);
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

describe('relative value iteration: the bias', () => {
  it.each([0.1, 0.5, 1])(
    'is the solution of g + h = R + P h with h(0) = 0, whatever the aperiodicity weight (%s)',
    (aperiodicity) => {
      const m = Mdp.fromDense([[[0.2, 0.8]], [[0.7, 0.3]]], [[1], [0]]);
      const r = relativeValueIteration(m, { epsilon: 1e-12, aperiodicity });
      // g + h0 = 1 + 0.2 h0 + 0.8 h1, g + h1 = 0.7 h0 + 0.3 h1, h0 = 0: h1 = -1/1.5, g = 1 - 0.8/1.5
      expect(r.gain).toBeCloseTo(1 - 0.8 / 1.5, 10);
      expect(r.bias[0]).toBe(0);
      expect(r.bias[1]!).toBeCloseTo(-1 / 1.5, 10);
    },
  );

  test.prop([fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 3 }), fc.nat()], {
    seed: 31,
    numRuns: 20,
  })(
    'satisfies the optimality equation g + h = max_a [R + P h] within the gain bracket',
    (S, A, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 3));
      const r = relativeValueIteration(m, { epsilon: 1e-11 });
      for (let s = 0; s < S; s++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let a = 0; a < A; a++)
          best = Math.max(best, m.reward[s * A + a]! + m.expectedNext(s, a, r.bias));
        expect(Math.abs(r.gain + r.bias[s]! - best)).toBeLessThan(1e-8);
      }
    },
  );
});

describe('generators', () => {
  it('chain: a patient agent goes forward, a myopic one goes back', () => {
    expect(Array.from(policyIteration(chain(5), 0.95).policy)).toEqual([0, 0, 0, 0, 0]);
    expect(policyIteration(chain(5), 0.3).policy[0]).toBe(1);
  });

  it('gridworld: optimal moves head to the goal around a wall; bad cells are rejected', () => {
    // 3 x 4, goal at (0, 3) worth 1, a pit at (1, 3) worth -1, a wall at (1, 1)
    const g = gridworld(3, 4, {
      goals: [
        [0, 3, 1],
        [1, 3, -1],
      ],
      walls: [[1, 1]],
      stepReward: -0.04,
      slip: 0.2,
    });
    const r = valueIteration(g, 0.99, { epsilon: 1e-9 });
    // from (0, 2) go right into the goal; from (2, 0) go up (the long way round the wall)
    expect(r.policy[0 * 4 + 2]).toBe(1);
    expect(r.policy[2 * 4 + 0]).toBe(0);
    expect(() => gridworld(2, 2, { goals: [[5, 0, 1]] })).toThrow(
      /^gridworld: goals\[0\] row must be an integer in \[0, 1\], got 5/,
    );
  });
});
