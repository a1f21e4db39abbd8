import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { shirkOrWork } from '../../test/problems.ts';
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

  it('rejects a learner that offers a share outside [0, 1]', () => {
    const bad = { select: () => 1.5, update: () => {} };
    expect(() =>
      simulateContractLearning(createRng(1), shirkOrWork(), () => bad, { rounds: 5 }),
    ).toThrow(/^simulateContractLearning: the learner offered share 1.5/);
  });
});
