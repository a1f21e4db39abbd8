import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { KnapsackBandit } from './KnapsackBandit.ts';
import { knapsackBenchmark } from './knapsackBenchmark.ts';
import { LagrangeBwk } from './LagrangeBwk.ts';
import { simulateKnapsackBandit } from './simulateKnapsackBandit.ts';

const env = (rounds = 1000, budget = 100) =>
  new KnapsackBandit({ rewards: [0.9, 0.5], consumption: [[0.8], [0.1]], budget, rounds });

describe('KnapsackBandit and its benchmark', () => {
  it('appends a null arm and solves the LP by hand: mix the arms to spend B/T a round', async () => {
    const e = env();
    expect(e.arms).toBe(3);
    // max 0.9 p0 + 0.5 p1 s.t. 0.8 p0 + 0.1 p1 <= 0.1, p0 + p1 + p2 = 1: p1 = 1, p0 = 0 gives
    // 0.5; shifting mass to arm 0 costs 0.7 of budget per 0.4 of reward: p = (0, 1, 0).
    const { value, distribution } = await knapsackBenchmark(e);
    expect(value).toBeCloseTo(500, 5);
    expect(distribution[1]!).toBeCloseTo(1, 6);
    const tight = await knapsackBenchmark(env(1000, 50));
    // Budget 0.05 a round: all on arm 1 would spend 0.1; p1 = 0.5 (the rest null) gives 0.25.
    expect(tight.value).toBeCloseTo(250, 5);
  });

  it('rejects malformed data with the argument named', () => {
    expect(
      () => new KnapsackBandit({ rewards: [1.5], consumption: [[0]], budget: 1, rounds: 1 }),
    ).toThrow(/^KnapsackBandit: rewards\[0\] must be in \[0, 1\]/);
    expect(
      () => new KnapsackBandit({ rewards: [0.5], consumption: [[0], [1]], budget: 1, rounds: 1 }),
    ).toThrow(/consumption must have 1 rows/);
    expect(
      () => new KnapsackBandit({ rewards: [0.5], consumption: [[0]], budget: 5, rounds: 2 }),
    ).toThrow(/budget must be at most rounds/);
  });
});

describe('LagrangeBwk', () => {
  it('saves and restores its state, and then decides the same', () => {
    const a = new LagrangeBwk(env());
    const rng = createRng(3);
    for (let t = 0; t < 40; t++) {
      const arm = a.select(rng);
      a.update(arm, t % 2, [arm === 0 ? 1 : 0]);
    }
    const b = LagrangeBwk.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.toJSON()).toEqual(a.toJSON());
    const r1 = createRng(9);
    const r2 = createRng(9);
    for (let t = 0; t < 20; t++) expect(b.select(r2)).toBe(a.select(r1));
  });

  it('plays the null arm once a resource has less than one unit left', () => {
    const l = new LagrangeBwk({ arms: 3, resources: 1, budget: 2, rounds: 10 });
    l.update(0, 1, [1]);
    expect(l.exhausted).toBe(false);
    l.update(0, 1, [0.5]);
    expect(l.exhausted).toBe(true);
    expect(l.select(createRng(1))).toBe(2);
  });

  it('rejects a bad update and changes nothing', () => {
    const l = new LagrangeBwk(env());
    const before = JSON.stringify(l.toJSON());
    expect(() => l.update(0, 2, [0])).toThrow(/^LagrangeBwk.update: reward must be in \[0, 1\]/);
    expect(() => l.update(0, 1, [1.5])).toThrow(
      /^LagrangeBwk.update: consumption\[0\] must be in \[0, 1\]/,
    );
    expect(() => l.update(5, 1, [0])).toThrow(/^LagrangeBwk.update: arm must be an integer/);
    expect(JSON.stringify(l.toJSON())).toBe(before);
  });
});

describe('simulateKnapsackBandit', () => {
  it('charges the benchmark rate for every round after the budget runs out', async () => {
    // Always the costly arm: budget 10 lasts about 12 pulls of arm 0 (consumption 0.8).
    const greedy = { select: () => 0, update: () => {} };
    const e = env(200, 10);
    const r = await simulateKnapsackBandit(createRng(1), e, () => greedy, {
      rounds: 200,
      checkpoints: [100, 200],
    });
    const perRound = (await knapsackBenchmark(e)).value / 200;
    // Rounds 100 to 200 earn nothing, so the regret grows by exactly 100 x perRound there.
    expect(r.series.regret.mean[1]! - r.series.regret.mean[0]!).toBeCloseTo(100 * perRound, 9);
  });

  it('gives any split of the runs the single call, merged bit for bit', async () => {
    const { mergeRuns } = await import('@x/linalg/experiment');
    const run = (firstRun: number, runs: number) =>
      simulateKnapsackBandit(createRng(4), env(60, 20), (e) => new LagrangeBwk(e), {
        rounds: 60,
        checkpoints: [10, 60],
        firstRun,
        runs,
      });
    const whole = await run(0, 5);
    expect(mergeRuns([await run(3, 2), await run(0, 1), await run(1, 2)])).toEqual(whole);
  });
});
