import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { TallyingSuccessiveElimination } from './TallyingSuccessiveElimination.ts';
import { WeightedTallyingBandit } from './WeightedTallyingBandit.ts';

/**
 * Exposure matters: arm 0 is bad when fresh but the best with practice (a skill), arm 1 is good
 * when fresh but wears off (boredom), arm 2 does not change. m = 5, W = 3: f(0) = 0.95, 0.4, 0.5
 * and f(W) = 0.2, 0.55, 0.5, so repeated exposure to arm 0 is optimal (REO).
 */
const makeEnv = () =>
  new WeightedTallyingBandit(
    [(x) => 0.95 - 0.25 * x, (x) => 0.4 + 0.05 * x, () => 0.5],
    [1, 0.8, 0.6, 0.4, 0.2],
  );

describe('WeightedTallyingBandit', () => {
  it('tallies recent plays with their weights and returns 1 - Bernoulli(f(tally))', () => {
    const env = makeEnv();
    const rng = createRng(1);
    expect(env.tally(0)).toBe(0);
    env.play(rng, 0);
    env.play(rng, 1);
    env.play(rng, 0);
    // arm 0 played 1 and 3 rounds ago: w1 + w3
    expect(env.tally(0)).toBeCloseTo(1 + 0.6, 15);
    expect(env.tally(1)).toBeCloseTo(0.8, 15);
    for (let i = 0; i < 10; i++) env.play(rng, 2);
    expect(env.tally(2)).toBeCloseTo(3, 14);
    expect(env.tally(0)).toBe(0);
    expect(env.repeatedExposureLoss()).toBeCloseTo(0.2, 14);
    expect(() => env.play(rng, 3)).toThrow(/arm must be an integer in \[0, 2\], got 3/);
  });
});

describe('TallyingSuccessiveElimination', () => {
  it('plays blocks of M + 2^r rounds, eliminates, and restores exactly', () => {
    const p = new TallyingSuccessiveElimination(3, { memoryBound: 5, rounds: 20_000 });
    const rng = createRng(2);
    const plays: number[] = [];
    for (let t = 0; t < 18; t++) {
      const a = p.select(rng);
      plays.push(a);
      p.update(a, 1);
    }
    // phase 0: blocks of 5 + 1 = 6 rounds for arms 0, 1, 2
    expect(plays).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    const q = TallyingSuccessiveElimination.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(q.select(rng)).toBe(p.select(rng));
    expect(() => p.update(2, 1)).toThrow(/must be the one just selected \(0\)/);
  });
});
