import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { hedgeSelfPlay } from './hedgeSelfPlay.ts';
import { ZeroSumGame } from './ZeroSumGame.ts';

describe('Hedge self-play in zero-sum games (Freund and Schapire 1999; Slivkins ch. 9)', () => {
  it('claim: the exploitability of the average strategies is at most the regret bound and decays like T^(-1/2)', () => {
    const rng = createRng(9);
    const game = new ZeroSumGame(
      Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => rng.nextFloat64())),
    );
    const lengths = [250, 1000, 4000, 16_000];
    const plays = lengths.map((T) => hedgeSelfPlay(game, T));
    for (const p of plays) expect(p.exploitability).toBeLessThanOrEqual(p.bound);
    // The bound decays exactly like T^(-1/2); the measured exploitability at least that fast.
    const { slope } = fitLogLogSlope(
      lengths,
      plays.map((p) => p.exploitability),
    );
    expect(slope).toBeLessThanOrEqual(-0.5 + 0.1);
  });
});
