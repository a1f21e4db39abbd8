import { fc, test } from '@fast-check/vitest';
import { createRng, sampleDirichlet, sigmoid } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { cyclicPreferences } from '../../test/alignment.ts';
import { fitPreferenceEmbedding } from './fitPreferenceEmbedding.ts';
import { PreferenceGame } from './PreferenceGame.ts';
import { preferenceSelfPlay } from './preferenceSelfPlay.ts';

/** A random preference matrix of a seed: P(i > j) uniform in [0, 1) above the diagonal. */
function randomGame(seed: number): PreferenceGame {
  const rng = createRng(seed);
  const K = 2 + Math.floor(rng.nextFloat64() * 5);
  const P = Array.from({ length: K }, () => new Array<number>(K).fill(0.5));
  for (let i = 0; i < K; i++)
    for (let j = i + 1; j < K; j++) {
      P[i]![j] = rng.nextFloat64();
      P[j]![i] = 1 - P[i]![j]!;
    }
  return new PreferenceGame(P);
}

describe('PreferenceGame', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 31, numRuns: 25 })(
    'the minimax winner is unexploitable (to the LP tolerance) and wins at least half against any policy',
    async (seed) => {
      const game = randomGame(seed);
      const winner = await game.minimaxWinner();
      expect(game.exploitability(winner)).toBeLessThan(1e-6);
      const other = sampleDirichlet(createRng(seed + 1), new Float64Array(game.responses).fill(1));
      expect(game.winRate(winner, other)).toBeGreaterThan(0.5 - 1e-6);
      expect(game.winRate(winner, other) + game.winRate(other, winner)).toBeCloseTo(1, 12);
    },
  );

  it('fits the utilities of a Bradley-Terry matrix back', () => {
    const u = [0.3, -1, 0.2, 0.5];
    const game = new PreferenceGame(u.map((a) => u.map((b) => sigmoid(a - b))));
    const fit = game.bradleyTerryFit();
    expect(fit.converged).toBe(true);
    const mean = u.reduce((a, b) => a + b, 0) / u.length;
    for (let i = 0; i < u.length; i++) expect(fit.utilities[i]).toBeCloseTo(u[i]! - mean, 9);
  });

  it('rejects a matrix that is not a preference matrix', () => {
    expect(
      () =>
        new PreferenceGame([
          [0.5, 0.6],
          [0.6, 0.5],
        ]),
    ).toThrow(/^PreferenceGame: preferences\[0\]\[1\] \+ preferences\[1\]\[0\] must be 1, got 1.2/);
    expect(
      () =>
        new PreferenceGame([
          [0.4, 0.5],
          [0.5, 0.6],
        ]),
    ).toThrow(/^PreferenceGame: preferences\[0\]\[0\] \+ preferences\[0\]\[0\] must be 1/);
    expect(() => new PreferenceGame([[0.5]])).toThrow(/at least 2 x 2/);
  });
});

describe('preferenceSelfPlay', () => {
  it('keeps the average within Hedge’s bound and the iterates valid', () => {
    const game = new PreferenceGame(cyclicPreferences());
    const play = preferenceSelfPlay(game, { rounds: 500, start: [0.7, 0.1, 0.1, 0.1] });
    expect(play.averageExploitability.at(-1)!).toBeLessThanOrEqual(play.bound);
    expect(play.average.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(play.last.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('rejects a bad start or step', () => {
    const game = new PreferenceGame(cyclicPreferences());
    expect(() => preferenceSelfPlay(game, { rounds: 10, start: [1, 0, 0] })).toThrow(
      /^preferenceSelfPlay: start must have length 4/,
    );
    expect(() => preferenceSelfPlay(game, { rounds: 10, eta: 0 })).toThrow(
      /^preferenceSelfPlay: eta/,
    );
  });
});

describe('fitPreferenceEmbedding', () => {
  it('refuses a step that makes the fit diverge, naming itself', () => {
    const game = new PreferenceGame([
      [0.5, 0.99],
      [0.01, 0.5],
    ]);
    expect(() =>
      fitPreferenceEmbedding(createRng(1), game, { learningRate: 100, iterations: 2000 }),
    ).toThrow(/^fitPreferenceEmbedding: the fit diverged at learningRate 100/);
  });
});
