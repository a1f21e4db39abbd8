import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { Mdp } from '../model/Mdp.ts';
import { backwardInduction } from '../planning/backwardInduction.ts';
import { maximizeCvar } from './maximizeCvar.ts';

describe('maximizeCvar (stock-augmented distributional DP)', () => {
  it('at tau = 1 it is the expected-return optimum, and risk aversion changes the first action', () => {
    const mdp = garnet(createRng(3), 3, 2, 2);
    expect(
      Math.abs(maximizeCvar(mdp, 3, 1).cvar - backwardInduction(mdp, 3).values[0]!),
    ).toBeLessThan(1e-12);
    // State 0: a safe 0.5 now, or a gamble: reach state 2 (worth 2 next step) w.p. 0.6, else nothing.
    const bet = Mdp.fromDense(
      [
        [
          [0, 1, 0],
          [0, 0.4, 0.6],
        ],
        [
          [0, 1, 0],
          [0, 1, 0],
        ],
        [
          [0, 1, 0],
          [0, 1, 0],
        ],
      ],
      [
        [0.5, 0],
        [0, 0],
        [2, 2],
      ],
    );
    const neutral = maximizeCvar(bet, 2, 1);
    expect(neutral.action(0, 0, 0)).toBe(1); // mean 1.2 beats 0.5
    expect(neutral.cvar).toBeCloseTo(1.2, 14);
    const averse = maximizeCvar(bet, 2, 0.3);
    expect(averse.action(0, 0, 0)).toBe(0); // the gamble's worst 30% is worth 0
    expect(averse.cvar).toBeCloseTo(0.5, 14);
  });

  it('rejects bad arguments', () => {
    const mdp = garnet(createRng(1), 2, 2, 2);
    expect(() => maximizeCvar(mdp, 2, 0)).toThrow(/maximizeCvar: tau/);
    expect(() => maximizeCvar(mdp, 0, 0.5)).toThrow(/maximizeCvar: horizon/);
    expect(() => maximizeCvar(mdp, 2, 0.5).action(1, 0, 123)).toThrow(/not reachable/);
  });
});
