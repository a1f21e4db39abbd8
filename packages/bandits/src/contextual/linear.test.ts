import { fc, test } from '@fast-check/vitest';
import { choleskySolve, createRng, Matrix } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import type { BanditPolicy } from '../core/BanditPolicy.ts';
import { learnerFromJSON } from '../core/learnerFromJSON.ts';
import { simulateBandit } from '../core/simulateBandit.ts';
import { LinearContextualBandit } from './LinearContextualBandit.ts';
import { LinearThompsonSampling } from './LinearThompsonSampling.ts';
import { LinUcb } from './LinUcb.ts';
import { SquareCb } from './SquareCb.ts';

const d = 3;
const vec = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d });

describe('LinUcb', () => {
  test.prop(
    [
      fc.array(fc.tuple(vec, fc.double({ min: -2, max: 2, noNaN: true })), {
        minLength: 1,
        maxLength: 30,
      }),
    ],
    { seed: 1 },
  )('its estimate is the ridge solution (lambda I + X^T X) theta = X^T y', (obs) => {
    const p = new LinUcb(2, d, { lambda: 0.7 });
    for (const [x, y] of obs) p.update(1, y, { context: x });
    const xtx = Matrix.eye(d).mul(0.7);
    const xty = Matrix.zeros(d, 1);
    for (const [x, y] of obs) {
      const col = Matrix.columnVector(x);
      xtx.add(col.mmul(col.transpose()));
      xty.add(col.clone().mul(y));
    }
    const direct = Array.from(choleskySolve(xtx, xty.to1DArray()));
    const est = p.estimate(1);
    for (const [i, v] of direct.entries())
      expect(Math.abs(est[i]! - v)).toBeLessThan(1e-9 * (1 + Math.abs(v)));
    expect(Array.from(p.estimate(0))).toEqual([0, 0, 0]);
  });

  it('scores theta^T x + alpha sqrt(x^T A^-1 x), and OFUL widens with its radius', () => {
    const p = new LinUcb(2, 2, { alpha: 0.5, lambda: 1 });
    p.update(0, 1, { context: [1, 0] });
    // arm 0: A = diag(2, 1): theta = (0.5, 0); x = (1, 1): 0.5 + 0.5 sqrt(1/2 + 1); arm 1: 0 + 0.5 sqrt(2)
    const probs = p.actionProbabilities(createRng(1), { context: [1, 1] });
    expect(probs[0]).toBe(1);
    const oful = new LinUcb(2, 2, {
      oful: { noiseStd: 0.5, delta: 0.1, thetaNorm: 1, featureNorm: 1 },
    });
    expect(oful.width(10)).toBeCloseTo(0.5 * Math.sqrt(2 * Math.log((1 + 10) / 0.1)) + 1, 12);
  });

  it('requires a valid context and leaves its state unchanged on rejection', () => {
    const p = new LinUcb(2, 2, { model: 'shared' });
    const rng = createRng(2);
    expect(p.contextLength).toBe(4);
    expect(() => p.select(rng)).toThrow(/context is required \(length 4\)/);
    expect(() => p.select(rng, { context: [1, 2] })).toThrow(/context must have length 4/);
    const before = JSON.stringify(p.toJSON());
    expect(() => p.update(0, 1, { context: [1, 2, 3, Number.NaN] })).toThrow(
      /context\[3\] must be a finite number/,
    );
    expect(() => p.updateMany([0, 1], [1, 1], [[1, 2, 3, 4], [1]])).toThrow(
      /at index 1; nothing was applied/,
    );
    expect(JSON.stringify(p.toJSON())).toBe(before);
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.nat({ max: 2 }), vec, fc.double({ min: -1, max: 1, noNaN: true })), {
        maxLength: 25,
      }),
      fc.nat(),
    ],
    { seed: 3, numRuns: 30 },
  )(
    'restored from JSON, LinUCB and linear TS make the same decisions from the same RNG state',
    (history, seed) => {
      for (const make of [
        () => new LinUcb(3, d),
        () => new LinearThompsonSampling(3, d, { model: 'disjoint' }),
      ]) {
        const p = make();
        for (const [a, x, r] of history) p.update(a, r, { context: x });
        const q = learnerFromJSON(JSON.parse(JSON.stringify(p.toJSON()))) as BanditPolicy;
        const r1 = createRng(seed);
        const r2 = createRng(seed);
        for (let i = 0; i < 10; i++) {
          const x = [Math.sin(i), Math.cos(i), 0.3];
          const a = p.select(r1, { context: x });
          expect(q.select(r2, { context: x })).toBe(a);
          p.update(a, 0.1 * i, { context: x });
          q.update(a, 0.1 * i, { context: x });
        }
      }
    },
  );

  it('rejects a corrupted design matrix', () => {
    const p = new LinUcb(1, 2);
    const state = p.toJSON();
    const bad = { ...state, stats: { ...state.stats, inverseDesign: [1, 0.5, 0, 1] } };
    expect(() => LinUcb.fromJSON(bad)).toThrow(/not symmetric/);
  });
});

describe('linear policies learn', () => {
  it('LinUCB and linear TS find the best arm of each round on a shared linear instance', () => {
    const env = new LinearContextualBandit([1, -0.5, 0.25], 6, { noiseStd: 0.1 });
    for (const make of [
      () => new LinUcb(6, 3, { model: 'shared', alpha: 0.5 }),
      () => new LinearThompsonSampling(6, 3, { scale: 0.2 }),
    ]) {
      const r = simulateBandit(createRng(4), env, make, {
        rounds: 2000,
        runs: 3,
        checkpoints: [200, 2000],
      });
      // the regret of the last 1800 rounds is much smaller than that of the first 200
      expect((r.series.regret.mean[1]! - r.series.regret.mean[0]!) / 1800).toBeLessThan(
        (0.3 * r.series.regret.mean[0]!) / 200,
      );
    }
  });
});

describe('linear policies read untrusted state', () => {
  it('a SquareCb state missing its oracle field is an error, not the ridge oracle', () => {
    const p = new SquareCb(3, 2, { oracle: 'logistic' });
    const state = JSON.parse(JSON.stringify(p.toJSON()));
    delete state.params.oracle;
    expect(() => SquareCb.fromJSON(state)).toThrow(
      /SquareCb.fromJSON: state.params.oracle is missing/,
    );
    state.params.oracle = null;
    expect(() => learnerFromJSON(state)).toThrow(
      /^learnerFromJSON: SquareCb.fromJSON: state.params.oracle must be one of/,
    );
  });
});
