import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { negativeRewardMdp, workChain } from '../../test/pamdps.ts';
import { shirkOrWork } from '../../test/problems.ts';
import { linearContractPolicy } from '../mdp/linearContractPolicy.ts';
import { BisectionContractLearner } from './BisectionContractLearner.ts';
import { LinearContractLearner } from './LinearContractLearner.ts';
import { simulateContractLearning } from './simulateContractLearning.ts';

describe('LinearContractLearner', () => {
  it('offers the grid 0, 1/K, ..., 1 with K = ceil(T^(1/3))', () => {
    expect(new LinearContractLearner({ rounds: 1000, rewardMax: 1 }).shares.length).toBe(11);
    expect(new LinearContractLearner({ rounds: 1001, rewardMax: 1 }).shares.length).toBe(12);
    const l = new LinearContractLearner({ rounds: 10, rewardMax: 1, gridSize: 4 });
    expect(Array.from(l.shares)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('saves and restores its state, and then decides the same', () => {
    const a = new LinearContractLearner({ rounds: 100, rewardMax: 10 });
    const rng = createRng(2);
    for (let t = 0; t < 30; t++) {
      const share = a.select(rng);
      a.update(share, (1 - share) * (t % 3 === 0 ? 10 : 0));
    }
    const b = LinearContractLearner.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.toJSON()).toEqual(a.toJSON());
    const r1 = createRng(5);
    const r2 = createRng(5);
    for (let t = 0; t < 20; t++) expect(b.select(r2)).toBe(a.select(r1));
  });

  it('rejects bad arguments and stored states with the caller named, changing nothing', () => {
    expect(() => new LinearContractLearner({ rounds: 0, rewardMax: 1 })).toThrow(
      /^LinearContractLearner: rounds must be an integer/,
    );
    expect(() => new LinearContractLearner(undefined as never)).toThrow(TypeError);
    const l = new LinearContractLearner({ rounds: 8, rewardMax: 1 });
    const before = JSON.stringify(l.toJSON());
    expect(() => l.update(0.3, 0.5)).toThrow(/^LinearContractLearner.update: share must be one of/);
    expect(() => l.update(0.5, 2)).toThrow(/^LinearContractLearner.update: /);
    expect(JSON.stringify(l.toJSON())).toBe(before);
    const state = l.toJSON();
    expect(() =>
      LinearContractLearner.fromJSON({ ...state, params: { ...state.params, gridSize: 5 } }),
    ).toThrow(/^LinearContractLearner.fromJSON: state.stats.ucb does not match the grid/);
  });
});

describe('simulateContractLearning', () => {
  it('charges no regret to a learner that always offers the best linear share', () => {
    const best = { select: () => 1 / 7, update: () => {} };
    const r = simulateContractLearning(createRng(1), shirkOrWork(), () => best, { rounds: 50 });
    expect(Math.abs(r.series.regret.mean.at(-1)!)).toBeLessThan(1e-12);
  });

  it('on a principal-agent MDP, plays episodes: the best linear share costs no regret and keeps its value on average', () => {
    const problem = workChain(2);
    const linear = linearContractPolicy(problem);
    const kept: number[] = [];
    const best = { select: () => linear.share, update: (_: number, u: number) => kept.push(u) };
    const rounds = 20_000;
    const r = simulateContractLearning(createRng(1), problem, () => best, { rounds });
    expect(Math.abs(r.series.regret.mean.at(-1)!)).toBeLessThan(1e-9 * rounds);
    // Each episode's take lies in [0, (1 - share) H]: Hoeffding at 1e-6 bounds the average.
    const mean = kept.reduce((a, b) => a + b, 0) / rounds;
    const width = (1 - linear.share) * 2 * Math.sqrt(Math.log(2e6) / (2 * rounds));
    expect(Math.abs(mean - linear.principalValue)).toBeLessThan(width);
  });

  it('rejects a principal-agent MDP with a negative reward (a linear contract would pay < 0)', () => {
    const problem = negativeRewardMdp();
    const learner = { select: () => 0, update: () => {} };
    expect(() =>
      simulateContractLearning(createRng(1), problem, () => learner, { rounds: 5 }),
    ).toThrow(/^simulateContractLearning: rewards must be >= 0/);
  });

  it('rejects a learner that offers a share outside [0, 1]', () => {
    const bad = { select: () => 1.5, update: () => {} };
    expect(() =>
      simulateContractLearning(createRng(1), shirkOrWork(), () => bad, { rounds: 5 }),
    ).toThrow(/^simulateContractLearning: the learner offered share 1.5/);
  });
});

describe('BisectionContractLearner', () => {
  it('probes 0, then 1 - precision, then bisects towards the jump, and finally plays one share', () => {
    // 40 samples a probe: twice the Hoeffding width, 2 x 5 sqrt(log(2 x 1000^2) / 80) = 4.3, is
    // below the jump 5.
    const l = new BisectionContractLearner({
      rounds: 1000,
      rewardMax: 5,
      samplesPerProbe: 40,
      precision: 0.1,
    });
    const rng = createRng(1);
    const offered: number[] = [];
    // An agent who works (reward 5) from share 0.3 on, shirks (reward 0) below.
    for (let t = 0; t < 1000 && l.searching; t++) {
      const share = l.select(rng);
      offered.push(share);
      l.update(share, share >= 0.3 ? (1 - share) * 5 : 0);
    }
    expect(offered[0]).toBe(0);
    expect(offered[40]).toBe(0.9);
    expect(offered[80]).toBe(0.45);
    expect(l.searching).toBe(false);
    const choice = l.select(rng);
    expect(choice).toBeGreaterThanOrEqual(0.3);
    expect(choice).toBeLessThanOrEqual(0.3 + 0.1);
  });

  it('saves and restores mid-search, then offers the same shares', () => {
    const a = new BisectionContractLearner({ rounds: 400, rewardMax: 5 });
    const rng = createRng(2);
    for (let t = 0; t < 90; t++) {
      const share = a.select(rng);
      a.update(share, share > 0.5 ? (1 - share) * 5 : (1 - share) * 1);
    }
    const b = BisectionContractLearner.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.toJSON()).toEqual(a.toJSON());
    for (let t = 0; t < 50; t++) {
      const s1 = a.select(rng);
      expect(b.select(rng)).toBe(s1);
      a.update(s1, (1 - s1) * 2);
      b.update(s1, (1 - s1) * 2);
    }
  });

  it('rejects an update for a share it did not offer, or an impossible utility, changing nothing', () => {
    const l = new BisectionContractLearner({ rounds: 100, rewardMax: 1 });
    const before = JSON.stringify(l.toJSON());
    expect(() => l.update(0.5, 0.1)).toThrow(
      /^BisectionContractLearner.update: share must be the share offered now, 0/,
    );
    expect(() => l.update(0, 2)).toThrow(
      /^BisectionContractLearner.update: utility must be in \[0, 1\]/,
    );
    expect(JSON.stringify(l.toJSON())).toBe(before);
    const state = l.toJSON();
    expect(() =>
      BisectionContractLearner.fromJSON({ ...state, stats: { ...state.stats, current: 0.7 } }),
    ).toThrow(/^BisectionContractLearner.fromJSON: state.stats.current is inconsistent/);
  });
});
