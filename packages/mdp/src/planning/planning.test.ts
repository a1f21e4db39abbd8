import { fc, test } from '@fast-check/vitest';
import { createRng, normInf } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { riverSwim } from '../generators/riverSwim.ts';
import { Mdp } from '../model/Mdp.ts';
import { backwardInduction } from './backwardInduction.ts';
import { evaluatePolicy, policyIteration } from './policyIteration.ts';
import { valueIteration } from './valueIteration.ts';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('the model', () => {
  it('validates rows, probabilities and rewards, naming the state and action', () => {
    const ok = [
      [
        [0.5, 0.5],
        [1, 0],
      ],
      [
        [0, 1],
        [0.2, 0.8],
      ],
    ];
    expect(
      Mdp.fromDense(ok, [
        [1, 0],
        [0, 1],
      ]).nonZeros,
    ).toBe(6);
    expect(() =>
      Mdp.fromDense(
        [
          [
            [0.5, 0.4],
            [1, 0],
          ],
          ok[1]!,
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toThrow(/state 0, action 0 sum to 0.9/);
    expect(() =>
      Mdp.fromDense(
        [
          [
            [1.2, -0.2],
            [1, 0],
          ],
          ok[1]!,
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toThrow(/P\(0 \| 0, 0\) must be in \[0, 1\], got 1.2/);
    expect(() =>
      Mdp.fromDense(ok, [
        [1, Number.NaN],
        [0, 1],
      ]),
    ).toThrow(/reward of state 0, action 1 must be finite, got NaN/);
    expect(() => Mdp.fromDense(ok, [[1, 0]])).toThrow(TypeError);
  });

  it("averages rewards given per (s, a, s') under P", () => {
    const m = Mdp.fromDense([[[0.25, 0.75]], [[1, 0]]], [[[4, 8]], [[1, 1]]]);
    expect(m.reward[0]).toBeCloseTo(0.25 * 4 + 0.75 * 8, 15);
  });

  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.nat()], {
    seed: 1,
  })('garnet rows are distributions over b distinct successors', (S, A, seed) => {
    const b = Math.min(S, 3);
    const m = garnet(createRng(seed), S, A, b);
    expect(m.nonZeros).toBe(S * A * b);
    for (let r = 0; r < S * A; r++) {
      const succ = Array.from(m.next.subarray(m.rowStart[r]!, m.rowStart[r + 1]!));
      expect(new Set(succ).size).toBe(b);
    }
  });
});

describe('the model as JSON', () => {
  test.prop([fc.integer({ min: 1, max: 2 ** 31 - 1 })], { seed: 12, numRuns: 20 })(
    'JSON.stringify and new Mdp(JSON.parse(...)) rebuild the same model, bit for bit',
    (seed) => {
      const mdp = garnet(createRng(seed), 7, 3, 3);
      const back = new Mdp(JSON.parse(JSON.stringify(mdp)));
      expect([back.states, back.actions]).toEqual([7, 3]);
      expect(back.rowStart).toEqual(mdp.rowStart);
      expect(back.next).toEqual(mdp.next);
      expect(back.prob).toEqual(mdp.prob);
      expect(back.reward).toEqual(mdp.reward);
      expect(valueIteration(back, 0.9).values).toEqual(valueIteration(mdp, 0.9).values);
    },
  );

  it('validates what it reads back', () => {
    const data = JSON.parse(JSON.stringify(riverSwim(3)));
    data.prob[0] = 2;
    expect(() => new Mdp(data)).toThrow(/P\(\d+ \| 0, 0\) must be in \[0, 1\], got 2/);
    data.prob.pop();
    expect(() => new Mdp(data)).toThrow(TypeError);
  });
});

describe('value iteration', () => {
  it('reports an honest error bound when the iteration cap stops it first', () => {
    const m = garnet(createRng(3), 30, 3, 3);
    const exact = policyIteration(m, 0.99);
    const vi = valueIteration(m, 0.99, { epsilon: 1e-8, maxIterations: 20 });
    expect(vi.converged).toBe(false);
    expect(vi.iterations).toBe(20);
    expect(maxDiff(vi.values, exact.values)).toBeLessThanOrEqual(vi.errorBound);
  });

  it('rejects gamma outside [0, 1) and bad options', () => {
    const m = riverSwim();
    expect(() => valueIteration(m, 1)).toThrow(/valueIteration: gamma must be in \[0, 1\), got 1/);
    expect(() => valueIteration(m, 0.9, { epsilon: 0 })).toThrow(/epsilon must be > 0/);
    expect(() => valueIteration(m, 0.9, { initialValues: [1] })).toThrow(TypeError);
  });
});

describe('policy iteration', () => {
  test.prop([fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 4 }), fc.nat()], {
    seed: 4,
    numRuns: 30,
  })(
    'returns a policy greedy with respect to its own exact values (Bellman optimality)',
    (S, A, seed) => {
      const m = garnet(createRng(seed), S, A, Math.min(S, 4));
      const r = policyIteration(m, 0.95);
      expect(r.converged).toBe(true);
      const v = evaluatePolicy(m, 0.95, r.policy);
      expect(maxDiff(v, r.values)).toBeLessThan(1e-9);
      for (let s = 0; s < S; s++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let a = 0; a < A; a++) best = Math.max(best, r.q[s * A + a]!);
        // Bellman residual: rounding of an O(S^3) solve on values of size 1/(1 - gamma)
        expect(Math.abs(best - r.values[s]!)).toBeLessThan(1e-9 * (1 + normInf(r.values)));
      }
    },
  );

  it('the iterative evaluation (BiCGSTAB) agrees with the direct one within its residual bound', () => {
    const m = garnet(createRng(5), 400, 3, 5);
    const policy = Int32Array.from({ length: 400 }, (_, s) => s % 3);
    const direct = evaluatePolicy(m, 0.95, policy, { solver: 'direct' });
    const iterative = evaluatePolicy(m, 0.95, policy, { solver: 'iterative' });
    // relative residual 1e-13, amplified by at most (1 + gamma) / (1 - gamma) = 39
    expect(maxDiff(direct, iterative)).toBeLessThan(
      39 * 1e-13 * (1 + normInf(direct)) * Math.sqrt(400),
    );
    const pi = policyIteration(m, 0.95);
    const viaDirect = policyIteration(m, 0.95, { solver: 'direct' });
    expect(Array.from(pi.policy)).toEqual(Array.from(viaDirect.policy));
  });

  it('RiverSwim: swimming right everywhere is optimal for a patient agent', () => {
    const r = policyIteration(riverSwim(6), 0.95);
    expect(Array.from(r.policy)).toEqual([1, 1, 1, 1, 1, 1]);
    const myopic = policyIteration(riverSwim(6), 0.1);
    expect(myopic.policy[0]).toBe(0);
  });
});

describe('backward induction', () => {
  it('matches brute force over all action sequences on a small deterministic chain', () => {
    // 3 states, 2 actions: action 0 stays (reward s), action 1 moves right (reward 0).
    const P = [0, 1, 2].map((s) => [
      [0, 1, 2].map((j) => (j === s ? 1 : 0)),
      [0, 1, 2].map((j) => (j === Math.min(2, s + 1) ? 1 : 0)),
    ]);
    const R = [0, 1, 2].map((s) => [s, 0]);
    const m = Mdp.fromDense(P, R);
    const H = 4;
    const res = backwardInduction(m, H);
    let best = Number.NEGATIVE_INFINITY;
    for (let code = 0; code < 2 ** H; code++) {
      let s = 0;
      let total = 0;
      for (let h = 0; h < H; h++) {
        const a = (code >> h) & 1;
        total += R[s]![a]!;
        s = a === 1 ? Math.min(2, s + 1) : s;
      }
      best = Math.max(best, total);
    }
    expect(res.values[0]).toBe(best);
    expect(res.policy.length).toBe(H * 3);
    // The layout is by step from the start: at the last step staying (reward s) is best (a tie
    // at s = 0 goes to action 0); at the first step state 0 moves right.
    for (let s = 0; s < 3; s++) expect(res.policy[(H - 1) * 3 + s]).toBe(0);
    expect(res.policy[0]).toBe(1);
  });
});

describe('planners check their model', () => {
  it('reject an object that is not an Mdp, and a value scale that overflows', async () => {
    const { valueIteration: vi } = await import('./valueIteration.ts');
    const { policyIteration: pi } = await import('./policyIteration.ts');
    const { backwardInduction: bi } = await import('./backwardInduction.ts');
    const { Mdp } = await import('../model/Mdp.ts');
    expect(() => vi({} as never, 0.9)).toThrow(/valueIteration: mdp must be an Mdp/);
    expect(() => pi(null as never, 0.9)).toThrow(/policyIteration: mdp must be an Mdp/);
    const huge = Mdp.fromDense([[[1]]], [[1e307]]);
    // V* = 1e307 / (1 - 0.999) = 1e310: not a double. Before, VI reported converged Infinity.
    expect(() => vi(huge, 0.999)).toThrow(/valueIteration: the value scale .* overflows/);
    expect(() => bi(huge, 1e5)).toThrow(/backwardInduction: the value scale/);
    expect(vi(huge, 0.5).values[0]).toBeCloseTo(2e307, -300);
  });
});
