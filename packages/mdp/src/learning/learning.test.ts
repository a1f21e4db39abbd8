import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { riverSwim } from '../generators/riverSwim.ts';
import { Psrl } from './Psrl.ts';
import { episodicValue, simulateEpisodic } from './simulateEpisodic.ts';
import { Ucbvi } from './Ucbvi.ts';

const H = 20;
const checkpoints = [50, 100, 200, 500, 1000];

describe('episodic learning on RiverSwim (6 states, H = 20)', () => {
  it('the optimal value beats the always-left policy (the exploration trap)', () => {
    const m = riverSwim(6);
    const left = new Int32Array(H * 6);
    expect(episodicValue(m, H, null, 0)).toBeGreaterThan(episodicValue(m, H, left, 0) + 1);
  });

  it('claim: PSRL has sublinear regret (it stops paying once it finds the far reward)', () => {
    const r = simulateEpisodic(createRng(1), riverSwim(6), H, 0, () => new Psrl(6, 2, H), {
      episodes: 1000,
      runs: 4,
      checkpoints,
    });
    expect(fitLogLogSlope(checkpoints, r.meanRegret).slope).toBeLessThan(0.5);
  });

  it('claim: UCBVI has sublinear regret once its bonus is scaled to the problem (c = 0.1); with the proof constant it is still in its linear phase at 1000 episodes', () => {
    const tuned = simulateEpisodic(
      createRng(2),
      riverSwim(6),
      H,
      0,
      () => new Ucbvi(6, 2, H, { episodes: 1000, bonusScale: 0.1 }),
      { episodes: 1000, runs: 4, checkpoints },
    );
    expect(fitLogLogSlope(checkpoints, tuned.meanRegret).slope).toBeLessThan(0.6);
    const proof = simulateEpisodic(
      createRng(2),
      riverSwim(6),
      H,
      0,
      () => new Ucbvi(6, 2, H, { episodes: 1000 }),
      { episodes: 1000, runs: 2, checkpoints },
    );
    // Its regret stays below the H sqrt(S A T) scale of the theorem (T = 1000 H steps).
    expect(proof.meanRegret.at(-1)!).toBeLessThan(
      H * Math.sqrt(6 * 2 * 1000 * H) * Math.log(6 * 2 * 1000 * H),
    );
  });

  it('agents reject out-of-range transitions without recording them', () => {
    const p = new Psrl(3, 2, 2);
    expect(() => p.observe([{ state: 0, action: 0, reward: 1, next: 5 }])).toThrow(
      /Psrl.observe: transition 0 is out of range/,
    );
    expect(() => new Ucbvi(3, 2, 2).observe([{ state: 0, action: 0, reward: 2, next: 1 }])).toThrow(
      /reward must be in \[0, 1\], got 2/,
    );
  });
});
