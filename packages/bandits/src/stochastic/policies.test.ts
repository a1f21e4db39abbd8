import { createRng, klBernoulliUpperBound, rngFromState } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { Exp3 } from '../adversarial/Exp3.ts';
import { BetaThompsonSampling } from '../bayesian/BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from '../bayesian/GaussianThompsonSampling.ts';
import { EpsilonGreedy } from './EpsilonGreedy.ts';
import { KlUcb } from './KlUcb.ts';
import { Ucb1 } from './Ucb1.ts';

describe('Ucb1', () => {
  it('plays unpulled arms first, then the largest mean + sqrt(2 log t / n)', () => {
    const p = new Ucb1(3);
    const rng = createRng(1);
    const first = new Set([p.select(rng)]);
    p.updateMany([0, 0, 1, 2], [1, 1, 0, 1]);
    // t = 4: indices 1 + sqrt(2 ln4 / 2), 0 + sqrt(2 ln4), 1 + sqrt(2 ln4)
    expect(p.select(rng)).toBe(2);
    expect(first.size).toBe(1);
    const probs = p.actionProbabilities(rng);
    expect(Array.from(probs)).toEqual([0, 0, 1]);
  });
  it('scales the bonus by the reward range', () => {
    const p = new Ucb1(2, { rewardMin: -10, rewardMax: 10 });
    p.updateMany([0, 1, 1], [5, 4, 4]);
    // index0 = 5 + 20 sqrt(2 ln 3 / 1), index1 = 4 + 20 sqrt(2 ln3 / 2)
    expect(p.select(createRng(2))).toBe(0);
    expect(() => p.update(0, 11)).toThrow(/reward must be in \[-10, 10\], got 11/);
    expect(() => new Ucb1(2, { rewardMin: 1, rewardMax: 1 })).toThrow(
      /rewardMax must be > rewardMin/,
    );
  });
});

describe('KlUcb', () => {
  it('uses the KL upper bound at level (log t + c log log t) / n', () => {
    const p = new KlUcb(2, { c: 3 });
    p.updateMany([0, 0, 0, 1, 1, 1, 1, 1, 1, 1], [1, 0, 0, 1, 1, 0, 1, 0, 1, 1]);
    const t = 10;
    const level = Math.log(t) + 3 * Math.log(Math.log(t));
    const i0 = klBernoulliUpperBound(1 / 3, level / 3);
    const i1 = klBernoulliUpperBound(5 / 7, level / 7);
    expect(p.select(createRng(3))).toBe(i0 > i1 ? 0 : 1);
    expect(() => new KlUcb(2, { c: -1 })).toThrow(/KlUcb: c must be >= 0, got -1/);
    expect(() => p.update(0, 2)).toThrow(/reward must be in \[0, 1\]/);
  });

  it('chooses the argmax of the exact indices every round, with or without its cached bounds', () => {
    const K = 8;
    const means = Array.from({ length: K }, (_, i) => 0.2 + 0.07 * i);
    for (const c of [0, 3]) {
      const rng = createRng(10 + c);
      const env = createRng(20 + c);
      const p = new KlUcb(K, { c });
      let unique = 0;
      for (let t = 0; t < 20_000; t++) {
        const total = Math.max(1, t);
        const level =
          total >= 3 ? Math.log(total) + c * Math.log(Math.log(total)) : Math.log(total);
        const index = means.map((_, a) =>
          p.pulls(a) === 0
            ? Number.POSITIVE_INFINITY
            : klBernoulliUpperBound(p.mean(a), level / p.pulls(a)),
        );
        const top = Math.max(...index);
        const a = p.select(rng);
        expect(index[a]).toBe(top);
        if (index.filter((x) => x === top).length === 1) unique++;
        // A restored copy (no cache) makes the same choice from the same generator state.
        if (t % 997 === 0) {
          const copy = KlUcb.fromJSON(p.toJSON());
          const state = rng.getState();
          expect(copy.select(rngFromState(state))).toBe(p.select(rngFromState(state)));
        }
        p.update(a, env.nextFloat64() < means[a]! ? 1 : 0);
      }
      expect(unique).toBeGreaterThan(19_000);
    }
  });
});

describe('Thompson sampling', () => {
  it('Beta: the chosen arm follows P(theta_0 > theta_1) of the posteriors', () => {
    // Arm 0 posterior Beta(4, 2), arm 1 Beta(2, 4): P(theta_0 > theta_1) = 113/126, the integral
    // of the Beta(4, 2) density times the Beta(2, 4) CDF (checked with scipy's quad).
    const p = new BetaThompsonSampling(2);
    p.updateMany([0, 0, 0, 0, 1, 1, 1, 1], [1, 1, 1, 0, 1, 0, 0, 0]);
    const probs = p.actionProbabilities(createRng(4), { samples: 40_000 });
    const exact = 113 / 126;
    expect(Math.abs(probs[0]! - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 40_000));
  });
  it('Gaussian: the score is a draw from N(S/(n+1), 1/(n+1)) with the default prior', () => {
    const p = new GaussianThompsonSampling(2);
    p.updateMany([0, 0, 0], [1.5, 2.5, 2]);
    // Arm 1 has no data: N(0, 1). Arm 0: N(6/4, 1/4). P(arm 0) = Phi(1.5 / sqrt(1.25)).
    const probs = p.actionProbabilities(createRng(5), { samples: 40_000 });
    const z = 1.5 / Math.sqrt(1.25);
    const exact = 0.5 * (1 + erfApprox(z / Math.SQRT2));
    expect(Math.abs(probs[0]! - exact)).toBeLessThan(
      4 * Math.sqrt((exact * (1 - exact)) / 40_000) + 1e-6,
    );
  });
});

/** erf by its Taylor series, accurate to 1e-12 for |x| < 2 (an independent check of Phi). */
function erfApprox(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe('EpsilonGreedy', () => {
  it('has propensities eps / m + (1 - eps) on the greedy arm', () => {
    const p = new EpsilonGreedy(4, { epsilon: 0.2 });
    p.updateMany([0, 1, 2, 3], [0.1, 0.9, 0.3, 0.2]);
    const probs = p.actionProbabilities(createRng(6));
    for (const [i, q] of [0.05, 0.85, 0.05, 0.05].entries()) expect(probs[i]).toBeCloseTo(q, 15);
  });
  it('decays as min(1, cK / (d^2 t))', () => {
    const p = new EpsilonGreedy(5, { decay: { c: 6, d: 0.5 } });
    expect(p.currentEpsilon).toBe(1);
    for (let i = 0; i < 1000; i++) p.update(i % 5, 0.5);
    expect(p.currentEpsilon).toBeCloseTo((6 * 5) / (0.25 * 1000), 14);
  });
});

describe('Exp3', () => {
  it('plays p(i) proportional to exp(-eta L_i) with importance-weighted loss estimates', () => {
    const p = new Exp3(3, { rounds: 100 });
    const eta = Math.sqrt((2 * Math.log(3)) / 300);
    expect(p.learningRate).toBeCloseTo(eta, 15);
    p.update(0, 0.25, { propensity: 0.5 }); // loss 0.75 / 0.5 = 1.5
    p.update(2, 1); // loss 0
    const w = [Math.exp(-eta * 1.5), 1, 1];
    const z = w[0]! + w[1]! + w[2]!;
    const probs = p.actionProbabilities(createRng(7));
    for (const [i, wi] of w.entries()) expect(probs[i]!).toBeCloseTo(wi / z, 14);
    expect(p.toJSON().stats['estimatedLosses']).toEqual([1.5, 0, 0]);
  });
  it('stays finite after huge estimated losses (log-space weights)', () => {
    const p = new Exp3(2);
    for (let i = 0; i < 50; i++) p.update(0, 0, { propensity: 1e-6 });
    const probs = p.actionProbabilities(createRng(8));
    expect(probs.every(Number.isFinite)).toBe(true);
    expect(probs[1]).toBeCloseTo(1, 12);
    expect(() => p.update(0, 0.5, { propensity: 0 })).toThrow(/propensity must be in \(0, 1\]/);
    expect(() => new Exp3(1)).toThrow(/^Exp3: arms must be an integer in \[2, 16777216\], got 1/);
  });
});

describe('statistics accessors', () => {
  it('report means and pulls', () => {
    const p = new Ucb1(2);
    p.updateMany([1, 1, 0], [1, 0, 1]);
    expect(p.mean(1)).toBe(0.5);
    expect(p.pulls(1)).toBe(2);
    expect(p.mean(0)).toBe(1);
    expect(() => p.mean(2)).toThrow(RangeError);
  });
});

describe('KlUcb restored from JSON', () => {
  it('breaks ties exactly like the original, whatever indices the original had cached', () => {
    // Found by the state-promise property: the cached bounds used to change which tied arm the
    // reservoir draw started from, so a restored copy (no cache) chose another arm.
    const p = new KlUcb(4, { c: 3 });
    p.updateMany([1], [0]);
    p.select(createRng(202937289), { available: [1] });
    p.updateMany([3], [0]);
    const q = KlUcb.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    const r1 = createRng(7);
    const r2 = createRng(7);
    for (let i = 0; i < 12; i++) {
      const a = p.select(r1);
      expect(q.select(r2)).toBe(a);
      p.update(a, (a % 2) * 0.75);
      q.update(a, (a % 2) * 0.75);
    }
  });
});
