import { betaQuantile, createRng, type Rng, RunningStats } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { NormalGammaThompsonSampling } from '../bayesian/NormalGammaThompsonSampling.ts';
import { BayesUcb } from './BayesUcb.ts';
import { ExploreFirst } from './ExploreFirst.ts';
import { KlUcb } from './KlUcb.ts';
import { Moss } from './Moss.ts';
import { SuccessiveElimination } from './SuccessiveElimination.ts';
import { UcbV } from './UcbV.ts';

/** Exposes a policy's per-arm score (protected) after its per-round preparation. */
function scoreOf(policy: object, arm: number, rng: Rng = createRng(0)): number {
  const p = policy as { prepareRound(): void; score(a: number, r: Rng): number };
  p.prepareRound();
  return p.score(arm, rng);
}

describe('index formulas', () => {
  it('UCB-V: mean + sqrt(2 V E / n) + 3 b E / n with E = 1.2 log t', () => {
    const p = new UcbV(2);
    p.updateMany([0, 0, 0, 1], [0.2, 0.6, 1, 0.5]);
    const mean = 0.6;
    const v = (0.04 + 0.36 + 1) / 3 - mean * mean;
    const e = 1.2 * Math.log(4);
    expect(scoreOf(p, 0)).toBeCloseTo(mean + Math.sqrt((2 * v * e) / 3) + (3 * e) / 3, 14);
  });
  it('MOSS: mean + sqrt(max(0, log(T / (K n))) / n), no bonus once n >= T / K', () => {
    const p = new Moss(2, { rounds: 100 });
    p.updateMany([0, 0, 1], [1, 0, 1]);
    expect(scoreOf(p, 0)).toBeCloseTo(0.5 + Math.sqrt(Math.log(50 / 2) / 2), 14);
    const q = new Moss(2, { rounds: 4 });
    q.updateMany([0, 0, 0], [1, 0, 1]);
    expect(scoreOf(q, 0)).toBeCloseTo(2 / 3, 15);
  });
  it('Bayes-UCB: the Beta posterior quantile at level 1 - 1/(t + 1)', () => {
    const p = new BayesUcb(2);
    p.updateMany([0, 0, 0, 1], [1, 1, 0, 0]);
    expect(scoreOf(p, 0)).toBeCloseTo(betaQuantile(1 - 1 / 5, 3, 2), 14);
  });
  it('KL-UCB Gaussian: mean + sigma sqrt(2 log t / n)', () => {
    const p = new KlUcb(2, { family: 'gaussian', noiseStd: 2 });
    p.updateMany([0, 0, 1], [3, -1, 10]);
    expect(scoreOf(p, 0)).toBeCloseTo(1 + 2 * Math.sqrt((2 * Math.log(3)) / 2), 14);
    expect(() => p.update(0, 1e6)).not.toThrow();
    expect(() => new KlUcb(2, { family: 'poisson' as 'gaussian' })).toThrow(/family must be/);
  });
});

describe('NormalGammaThompsonSampling', () => {
  it('draws means from the Normal-Gamma posterior: Student-t moments', () => {
    const p = new NormalGammaThompsonSampling(1, {
      priorMean: 0,
      priorCount: 1,
      shape: 2,
      rate: 1,
    });
    const xs = [1.2, 0.8, 1.5, 0.9, 1.1, 1.3];
    p.updateMany(
      xs.map(() => 0),
      xs,
    );
    const n = xs.length;
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
    const kn = 1 + n;
    const mun = (n * mean) / kn;
    const an = 2 + n / 2;
    const bn = 1 + ss / 2 + (n * mean * mean) / (2 * kn);
    // Marginal of mu: Student-t with 2 an dof, location mun, variance bn / (kn (an - 1)).
    const variance = bn / (kn * (an - 1));
    const rng = createRng(3);
    const s = new RunningStats();
    for (let i = 0; i < 40_000; i++) s.push(scoreOf(p, 0, rng));
    expect(Math.abs(s.mean - mun)).toBeLessThan(4 * Math.sqrt(variance / 40_000));
    // The sample variance of 40,000 t draws with 2 an = 10 dof has relative sd about 0.012.
    expect(Math.abs(s.variance / variance - 1)).toBeLessThan(0.06);
  });
});

describe('ExploreFirst', () => {
  it('uses N = ceil((T/K)^(2/3) (log T)^(1/3)) pulls per arm, then commits to the best mean', () => {
    const p = new ExploreFirst(2, { rounds: 1000 });
    expect(p.explorationPulls).toBe(Math.ceil(500 ** (2 / 3) * Math.log(1000) ** (1 / 3)));
    const q = new ExploreFirst(3, { explorationPulls: 2 });
    const rng = createRng(4);
    const seen: number[] = [];
    for (let t = 0; t < 6; t++) {
      const a = q.select(rng);
      seen.push(a);
      q.update(a, a === 1 ? 1 : 0);
    }
    expect(seen.sort()).toEqual([0, 0, 1, 1, 2, 2]);
    for (let t = 0; t < 5; t++) expect(q.select(rng)).toBe(1);
    expect(() => new ExploreFirst(2, {})).toThrow(/rounds must be an integer/);
  });
});

describe('SuccessiveElimination', () => {
  it('eliminates a clearly worse arm and never plays it again unless nothing else is available', () => {
    const p = new SuccessiveElimination(2, { rounds: 100 });
    // radius with T = 100 after n pulls: sqrt(2 log 100 / n) = 0.48 at n = 40
    for (let i = 0; i < 40; i++) p.updateMany([0, 1], [1, 0]);
    expect(p.isActive(0)).toBe(true);
    expect(p.isActive(1)).toBe(false);
    const rng = createRng(5);
    for (let t = 0; t < 20; t++) expect(p.select(rng)).toBe(0);
    expect(p.select(rng, { available: [1] })).toBe(1);
    const restored = SuccessiveElimination.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(restored.isActive(1)).toBe(false);
    expect(() =>
      SuccessiveElimination.fromJSON({
        ...p.toJSON(),
        stats: { ...p.toJSON().stats, active: [false, false] },
      }),
    ).toThrow(/at least one arm active/);
    p.reset();
    expect(p.isActive(1)).toBe(true);
  });
});
