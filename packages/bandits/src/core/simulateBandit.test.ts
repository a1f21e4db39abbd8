import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { AdversarialBandit } from '../adversarial/AdversarialBandit.ts';
import { Exp3 } from '../adversarial/Exp3.ts';
import { BernoulliBandit } from '../stochastic/BernoulliBandit.ts';
import { BoundedBandit } from '../stochastic/BoundedBandit.ts';
import { GaussianBandit } from '../stochastic/GaussianBandit.ts';
import { Ucb1 } from '../stochastic/Ucb1.ts';
import type { BanditPolicy } from './BanditPolicy.ts';
import { simulateBandit } from './simulateBandit.ts';

/** A policy that always plays one arm (built on Ucb1 for the interface, with available pinned). */
function fixedArm(arms: number, arm: number): BanditPolicy {
  const inner = new Ucb1(arms);
  return {
    arms,
    select: (rng) => inner.select(rng, { available: [arm] }),
    selectMany: (rng, count) => inner.selectMany(rng, count, { available: [arm] }),
    selectSlate: (rng, k) => inner.selectSlate(rng, k),
    actionProbabilities: (rng) => inner.actionProbabilities(rng, { available: [arm] }),
    selectWithPropensity: (rng) => inner.selectWithPropensity(rng, { available: [arm] }),
    update: (a, r) => inner.update(a, Math.min(1, Math.max(0, r))),
    updateMany: (a, r) => inner.updateMany(a, r),
    reset: () => inner.reset(),
    mean: (a) => inner.mean(a),
    pulls: (a) => inner.pulls(a),
    toJSON: () => inner.toJSON(),
  };
}

describe('simulateBandit', () => {
  it('gives zero regret to the best fixed arm and gap * t to another', () => {
    const env = new BernoulliBandit([0.2, 0.7, 0.5]);
    const best = simulateBandit(createRng(1), env, () => fixedArm(3, 1), { rounds: 100, runs: 3 });
    expect(Array.from(best.series.regret.mean).every((r) => Math.abs(r) < 1e-12)).toBe(true);
    const worst = simulateBandit(createRng(1), env, () => fixedArm(3, 0), {
      rounds: 100,
      runs: 2,
      checkpoints: [10, 100],
    });
    expect(worst.series.regret.mean[0]).toBeCloseTo(5, 12);
    expect(worst.series.regret.mean[1]).toBeCloseTo(50, 11);
    expect(worst.series.regret.standardError[1]).toBe(0);
  });

  it('measures adversarial regret against the best arm in hindsight', () => {
    // Arm 0 pays 1 in the first half, arm 1 in the second: a fixed arm earns T/2 either way.
    const env = AdversarialBandit.fromFunction(10, 2, (t, a) => (t < 5 === (a === 0) ? 1 : 0));
    const r = simulateBandit(createRng(2), env, () => fixedArm(2, 0), {
      rounds: 10,
      checkpoints: [5, 10],
    });
    expect(Array.from(r.series.regret.mean)).toEqual([0, 0]);
    expect(r.series.regret.perRun[1]).toBe(0); // the one run, at the last checkpoint
  });

  it('is reproducible and does not depend on the environment drawing more or fewer numbers', () => {
    const env = new GaussianBandit([0, 0.5, 1], 2);
    const a = simulateBandit(
      createRng(3),
      env,
      () => new Ucb1(3, { rewardMin: -100, rewardMax: 100 }),
      {
        rounds: 300,
        runs: 4,
      },
    );
    const b = simulateBandit(
      createRng(3),
      env,
      () => new Ucb1(3, { rewardMin: -100, rewardMax: 100 }),
      {
        rounds: 300,
        runs: 4,
      },
    );
    expect(b).toEqual(a);
  });

  it('rejects bad options and mismatched arms', () => {
    const env = new BernoulliBandit([0.5, 0.5]);
    expect(() => simulateBandit(createRng(1), env, () => new Ucb1(2), { rounds: 0 })).toThrow(
      /^simulateBandit: rounds must be an integer in \[1, 2147483647\], got 0/,
    );
    expect(() =>
      simulateBandit(createRng(1), env, () => new Ucb1(2), { rounds: 10, checkpoints: [5, 3] }),
    ).toThrow(
      /^simulateBandit: checkpoints must be increasing rounds in \[1, 10\], got 3 at index 1/,
    );
    expect(() => simulateBandit(createRng(1), env, () => new Exp3(3), { rounds: 10 })).toThrow(
      /the policy has 3 arms, the environment 2/,
    );
  });

  it('records the collected reward next to the regret, and merges run ranges bit for bit', async () => {
    const { mergeRuns } = await import('@x/linalg/experiment');
    const env = new BernoulliBandit([0.2, 0.7]);
    const options = { rounds: 50, checkpoints: [10, 50] };
    const all = simulateBandit(createRng(5), env, (e) => new Ucb1(e.arms), { ...options, runs: 5 });
    const parts = [0, 2].map((firstRun) =>
      simulateBandit(createRng(5), env, (e) => new Ucb1(e.arms), {
        ...options,
        firstRun,
        runs: firstRun === 0 ? 2 : 3,
      }),
    );
    expect(mergeRuns(parts)).toEqual(all);
    expect(all.series.reward.mean[1]).toBeGreaterThan(10);
    expect(all.series.reward.mean[1]).toBeLessThanOrEqual(50);
  });
});

describe('bounded environments', () => {
  it('draw Beta rewards with the stated means, and fail loudly on a draw outside the interval', () => {
    const env = BoundedBandit.beta([
      [2, 5],
      [5, 2],
    ]);
    expect(env.expectedReward(0, 1)).toBeCloseTo(5 / 7, 15);
    const rng = createRng(6);
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += env.pull(rng, i, 0);
    // Beta(2, 5): variance ab / ((a + b)^2 (a + b + 1)) = 10 / 392
    expect(Math.abs(s / 20_000 - 2 / 7)).toBeLessThan(4 * Math.sqrt(10 / 392 / 20_000));
    const bad = new BoundedBandit([{ mean: 0.5, sample: () => 2 }]);
    expect(() => bad.pull(rng, 0, 0)).toThrow(/arm 0 drew 2, outside \[0, 1\]/);
    expect(() => new BoundedBandit([{ mean: 3, sample: () => 0 }])).toThrow(
      /mean must be in \[0, 1\]/,
    );
    const r = simulateBandit(createRng(7), env, () => new Ucb1(2), { rounds: 2000, runs: 4 });
    expect(r.series.regret.mean.at(-1)!).toBeLessThan(0.1 * 2000 * (5 / 7 - 2 / 7));
  });
});

describe('environments', () => {
  it('Bernoulli arms pay 0/1 with their means; bad means are rejected', () => {
    const env = new BernoulliBandit([0.3]);
    const rng = createRng(4);
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += env.pull(rng, i, 0);
    expect(Math.abs(s / 20_000 - 0.3)).toBeLessThan(4 * Math.sqrt(0.21 / 20_000));
    expect(() => new BernoulliBandit([0.5, 1.2])).toThrow(
      /means\[1\] must be in \[0, 1\], got 1.2/,
    );
    expect(() => new BernoulliBandit([])).toThrow(/non-empty/);
    expect(() => new GaussianBandit([0], 0)).toThrow(/noiseStd must be > 0/);
    expect(() => new AdversarialBandit([0.5, 0.5, 0.5], 2)).toThrow(/T rows of 2/);
    expect(env.means).toEqual(Float64Array.of(0.3));
  });
});
