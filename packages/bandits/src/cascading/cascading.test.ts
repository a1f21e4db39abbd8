import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { CascadeUcb } from './CascadeUcb.ts';
import { CascadingBandit } from './CascadingBandit.ts';

describe('the cascade model', () => {
  it('has click probability 1 - prod(1 - w), maximised by the K most attractive items', () => {
    const env = new CascadingBandit([0.1, 0.5, 0.3, 0.2], 2);
    expect(env.expectedReward([1, 2])).toBeCloseTo(1 - 0.5 * 0.7, 15);
    expect(env.optimalReward()).toBeCloseTo(1 - 0.5 * 0.7, 15);
    const rng = createRng(1);
    let clicks = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (env.click(rng, [0, 3]) >= 0) clicks++;
    const p = 1 - 0.9 * 0.8;
    expect(Math.abs(clicks / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe('CascadeUcb', () => {
  it('learns from clicks: items before the click unattractive, the clicked one attractive, later ones unseen', () => {
    const c = new CascadeUcb(4, 3);
    c.update([2, 0, 1], 1);
    const s = c.toJSON().stats;
    expect(s['counts']).toEqual([1, 0, 1, 0]);
    expect(s['sums']).toEqual([1, 0, 0, 0]);
    c.update([3, 1, 0], -1);
    expect(c.toJSON().stats['counts']).toEqual([2, 1, 1, 1]);
    expect(() => c.update([0, 9], 0)).toThrow(/list\[1\] must be an item in \[0, 3\], got 9/);
    expect(() => c.update([0, 1], 2)).toThrow(/click must be an integer in \[-1, 1\], got 2/);
    expect(c.toJSON().stats['played']).toBe(2);
  });

  test.prop(
    [
      fc.array(
        fc.tuple(
          fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 3, maxLength: 3 }),
          fc.integer({ min: -1, max: 2 }),
        ),
        { maxLength: 30 },
      ),
      fc.nat(),
    ],
    { seed: 2 },
  )('lists are K distinct items, and a restored learner makes the same lists', (history, seed) => {
    const c = new CascadeUcb(6, 3, { index: 'ucb1' });
    for (const [list, click] of history) c.update(list, click);
    const d = CascadeUcb.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));
    const r1 = createRng(seed);
    const r2 = createRng(seed);
    for (let i = 0; i < 5; i++) {
      const a = c.selectList(r1);
      expect(new Set(a).size).toBe(3);
      expect(Array.from(d.selectList(r2))).toEqual(Array.from(a));
    }
  });
});
