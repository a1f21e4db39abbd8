import { fc, test } from '@fast-check/vitest';
import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { bestPerm } from './bestPerm.ts';
import { CascadingProblem } from './CascadingProblem.ts';
import { CascadingVi } from './CascadingVi.ts';
import { cascadeListValue } from './cascadeListValue.ts';
import { cascadingBackwardInduction } from './cascadingBackwardInduction.ts';
import { simulateCascadingMdp } from './simulateCascadingMdp.ts';

/** Every ordered list of 1..m distinct items out of n. */
function allLists(n: number, m: number): number[][] {
  const out: number[][] = [];
  const grow = (prefix: number[]) => {
    if (prefix.length > 0) out.push(prefix);
    if (prefix.length === m) return;
    for (let a = 0; a < n; a++) if (!prefix.includes(a)) grow([...prefix, a]);
  };
  grow([]);
  return out;
}

const bruteForce = (q: number[], w: number[], wNone: number, m: number) =>
  Math.max(...allLists(q.length, m).map((l) => cascadeListValue(l, q, w, wNone)));

// Values are sums of at most 6 products of numbers in [-10, 10]: 1e-12 absolute is rounding.
const TOL = 1e-12;

function smallProblem(seed: number, S = 3, N = 5, m = 2, H = 3): CascadingProblem {
  const rng = createRng(seed);
  const mdp = garnet(rng, S, N + 1, 2);
  const attraction = Array.from({ length: S * N }, () => 0.6 * rng.nextFloat64());
  return new CascadingProblem({ mdp, attraction, maxLength: m, horizon: H, start: 0 });
}

describe('bestPerm (cascading RL oracle)', () => {
  test.prop(
    [
      fc
        .integer({ min: 1, max: 6 })
        .chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
            fc.double({ min: -10, max: 10, noNaN: true }),
            fc.integer({ min: 1, max: 4 }),
          ),
        ),
    ],
    { seed: 7, numRuns: 300 },
  )('claim: BestPerm equals brute force over all ordered lists', ([q, w, wNone, m]) => {
    const best = bestPerm(q, w, wNone, m);
    expect(best.list.length).toBeLessThanOrEqual(m);
    // The reported value is the value of the reported list, and no list beats it.
    expect(Math.abs(cascadeListValue(best.list, q, w, wNone) - best.value)).toBeLessThanOrEqual(
      TOL,
    );
    expect(Math.abs(best.value - bruteForce(q, w, wNone, m))).toBeLessThanOrEqual(TOL);
  });
});

describe('cascadingBackwardInduction', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 4 }),
      fc.integer({ min: 2, max: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.nat(),
    ],
    {
      seed: 8,
      numRuns: 25,
    },
  )(
    'claim: the plan equals backward induction over every item list as an action (brute force)',
    (S, N, m, seed) => {
      const rng = createRng(seed);
      const mdp = garnet(rng, S, N + 1, Math.min(S, 2));
      const q = Array.from({ length: S * N }, () => rng.nextFloat64());
      const H = 3;
      const plan = cascadingBackwardInduction(mdp, q, m, H);
      let next = new Float64Array(S);
      for (let h = H - 1; h >= 0; h--) {
        const v = new Float64Array(S);
        for (let s = 0; s < S; s++) {
          const w = Array.from(
            { length: N },
            (_, a) => mdp.reward[s * (N + 1) + a]! + mdp.expectedNext(s, a, next),
          );
          const none = mdp.reward[s * (N + 1) + N]! + mdp.expectedNext(s, N, next);
          v[s] = bruteForce(q.slice(s * N, (s + 1) * N), w, none, m);
          expect(Math.abs(plan.values[h * S + s]! - v[s]!)).toBeLessThanOrEqual(1e-12 * (H - h));
        }
        next = v;
      }
    },
  );
});

describe('CascadingVi', () => {
  it('claim: regret is sublinear (bonus scaled to the problem, c = 0.1) and far below H sqrt(HSNK) log', () => {
    const problem = smallProblem(3);
    const K = 2000;
    const checkpoints = [250, 500, 1000, 2000];
    const run = (bonusScale: number) =>
      simulateCascadingMdp(
        createRng(5),
        problem,
        () =>
          new CascadingVi(
            { states: 3, items: 5, maxLength: 2, horizon: 3 },
            { rounds: K, bonusScale },
          ),
        { rounds: K, runs: 3, checkpoints },
      );
    const tuned = run(0.1);
    // Linear regret has slope 1; the theorem's rate is 1/2 up to logs.
    expect(fitLogLogSlope(checkpoints, tuned.series.regret.mean).slope).toBeLessThan(0.6);
    const bound = 3 * Math.sqrt(3 * 3 * 5 * K) * Math.log(3 * 5 * 3 * K);
    expect(run(1).series.regret.mean.at(-1)!).toBeLessThan(bound);
  });
});
