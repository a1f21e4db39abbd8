import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { riverSwim } from '../generators/riverSwim.ts';
import { linearProgramming } from './linearProgramming.ts';
import { policyIteration } from './policyIteration.ts';

describe('linearProgramming (HiGHS)', () => {
  it('the dual is the discounted occupancy of an optimal policy: non-negative, total 1 / (1 - gamma), on optimal actions', async () => {
    const gamma = 0.9;
    const m = garnet(createRng(8), 40, 3, 4);
    const lp = await linearProgramming(m, gamma);
    let total = 0;
    for (let s = 0; s < m.states; s++) {
      for (let a = 0; a < m.actions; a++) {
        const d = lp.occupancy[s * m.actions + a]!;
        expect(d).toBeGreaterThanOrEqual(-1e-9);
        total += d;
        // Complementary slackness: occupancy only on actions whose Q equals V.
        if (d > 1e-9) expect(lp.values[s]! - lp.q[s * m.actions + a]!).toBeLessThanOrEqual(1e-6);
      }
    }
    expect(Math.abs(total - 1 / (1 - gamma))).toBeLessThan(1e-6);
  });

  it('finds the far reward of RiverSwim, like policy iteration', async () => {
    const m = riverSwim(6);
    const lp = await linearProgramming(m, 0.95, { initial: [0.5, 0.1, 0.1, 0.1, 0.1, 0.1] });
    expect(Array.from(lp.policy)).toEqual(Array.from(policyIteration(m, 0.95).policy));
  });

  it('rejects bad arguments, naming them', async () => {
    const m = riverSwim(3);
    await expect(linearProgramming(m, 1)).rejects.toThrow(/linearProgramming: gamma/);
    await expect(linearProgramming(m, 0.9, { initial: [0.5, 0.5] })).rejects.toThrow(
      /linearProgramming: initial/,
    );
    await expect(linearProgramming(m, 0.9, { initial: [1, 0, 0] })).rejects.toThrow(
      /initial\[1\] must be positive, got 0/,
    );
  });
});
