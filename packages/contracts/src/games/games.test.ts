import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { hedgeSelfPlay } from './hedgeSelfPlay.ts';
import { minimaxStrategies } from './minimaxStrategies.ts';
import { ZeroSumGame } from './ZeroSumGame.ts';

const rps = () =>
  new ZeroSumGame([
    [0.5, 0, 1],
    [1, 0.5, 0],
    [0, 1, 0.5],
  ]);

/** A random game with entries in [0, 1). */
const randomGame = (seed: number, n: number, m: number) => {
  const rng = createRng(seed);
  return new ZeroSumGame(
    Array.from({ length: n }, () => Array.from({ length: m }, () => rng.nextFloat64())),
  );
};

describe('zero-sum games', () => {
  it('solve rock-paper-scissors: value 1/2, uniform strategies, exploitability 0', async () => {
    const { value, row, column } = await minimaxStrategies(rps());
    expect(value).toBeCloseTo(0.5, 7);
    for (const p of [...row, ...column]) expect(p).toBeCloseTo(1 / 3, 6);
    expect(rps().exploitability(row, column)).toBeLessThan(1e-6);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 2, numRuns: 20 })(
    'the LP strategies are an equilibrium: exploitability within the LP tolerance',
    async (seed) => {
      const game = randomGame(seed, 4, 3);
      const s = await minimaxStrategies(game);
      expect(game.exploitability(s.row, s.column)).toBeLessThan(1e-6);
      expect(game.payoff(s.row, s.column)).toBeCloseTo(s.value, 6);
    },
  );

  it('rejects payoffs outside [0, 1] and strategies of the wrong size', () => {
    expect(() => new ZeroSumGame([[2]])).toThrow(/^ZeroSumGame: payoff\[0\] must be in \[0, 1\]/);
    expect(() => rps().payoff([1, 0], [1, 0, 0])).toThrow(
      /^ZeroSumGame.payoff: row must have length 3/,
    );
    expect(() => hedgeSelfPlay(rps(), 0)).toThrow(/^hedgeSelfPlay: rounds must be an integer/);
  });
});

describe('hedgeSelfPlay', () => {
  it('stays within its exploitability bound and approaches the value', async () => {
    const game = randomGame(3, 5, 4);
    const { value } = await minimaxStrategies(game);
    const play = hedgeSelfPlay(game, 5000);
    expect(play.exploitability).toBeLessThanOrEqual(play.bound);
    expect(Math.abs(play.value - value)).toBeLessThanOrEqual(play.bound);
  });
});
