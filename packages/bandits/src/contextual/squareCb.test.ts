import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { SquareCb } from './SquareCb.ts';

describe('SquareCb', () => {
  it('plays the inverse-gap weighting distribution 1 / (K + gamma (y_best - y_a))', () => {
    const p = new SquareCb(3, 1, { model: 'shared' });
    // Arm 0 has feature 1: eight rewards of 1 give theta = 8 / (1 + 8).
    for (let i = 0; i < 8; i++) p.update(0, 1, { context: [1, 0.5, -1] });
    const context = [1, 0.5, -1];
    const probs = p.actionProbabilities(createRng(1), { context });
    const theta = p.estimate()[0]!;
    const y = context.map((x) => theta * x);
    const gamma = Math.sqrt(3 * 9);
    const p1 = 1 / (3 + gamma * (y[0]! - y[1]!));
    const p2 = 1 / (3 + gamma * (y[0]! - y[2]!));
    expect(probs[1]).toBeCloseTo(p1, 14);
    expect(probs[2]).toBeCloseTo(p2, 14);
    expect(probs[0]).toBeCloseTo(1 - p1 - p2, 14);
  });

  test.prop(
    [fc.array(fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(0, 1)), { maxLength: 20 }), fc.nat()],
    { seed: 2, numRuns: 25 },
  )(
    'the logistic oracle restores exactly: same decisions from the same RNG state',
    (history, seed) => {
      const p = new SquareCb(3, 2, { oracle: 'logistic', model: 'disjoint' });
      for (const [a, r] of history) p.update(a, r, { context: [Math.sin(a + r), 0.5] });
      const q = SquareCb.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
      const r1 = createRng(seed);
      const r2 = createRng(seed);
      for (let i = 0; i < 8; i++) {
        const x = [Math.cos(i), 0.3];
        const a = p.select(r1, { context: x });
        expect(q.select(r2, { context: x })).toBe(a);
        p.update(a, i % 2, { context: x });
        q.update(a, i % 2, { context: x });
      }
      expect(q.toJSON()).toEqual(p.toJSON());
    },
  );
});
