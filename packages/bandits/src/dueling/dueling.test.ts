import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { BradleyTerryPosterior } from './BradleyTerryPosterior.ts';
import { BradleyTerryPreference } from './BradleyTerryPreference.ts';
import { DoubleThompsonSampling } from './DoubleThompsonSampling.ts';
import { PreferenceIds } from './PreferenceIds.ts';

const HYPOTHESES = BradleyTerryPosterior.sampleHypotheses(createRng(99), 5, 200);

describe('Bradley-Terry preferences', () => {
  it('charge no regret for the winner against itself and positive regret otherwise', () => {
    const env = new BradleyTerryPreference([0, 1, 2]);
    expect(env.condorcetRegret(2, 2)).toBe(0);
    expect(env.bordaRegret(2, 2)).toBe(0);
    expect(env.condorcetRegret(0, 2)).toBeGreaterThan(0);
    expect(env.preference(2, 0)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
  });

  it('the posterior concentrates on the true environment of the class', () => {
    const truth = 42;
    const env = new BradleyTerryPreference(HYPOTHESES[truth]!);
    const post = new BradleyTerryPosterior(HYPOTHESES);
    const rng = createRng(1);
    for (let t = 0; t < 600; t++) {
      const i = t % 5;
      const j = (t * 3 + 1) % 5;
      if (i !== j) post.update(i, j, env.compare(rng, i, j));
    }
    expect(post.weights()[truth]).toBeGreaterThan(0.9);
    const best = HYPOTHESES[truth]!.indexOf(Math.max(...HYPOTHESES[truth]!));
    expect(post.probabilityBest()[best]).toBeGreaterThan(0.9);
  });
});

describe('PreferenceIds', () => {
  test.prop(
    [
      fc.nat({ max: 4 }),
      fc.nat({ max: 4 }),
      fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.boolean()), { maxLength: 20 }),
    ],
    { seed: 2 },
  )('information is symmetric, in [0, log 2], and zero for a self-comparison', (i, j, history) => {
    const p = new PreferenceIds(HYPOTHESES);
    for (const [a, b, w] of history) p.update(a, b, w);
    const info = p.information(i, j);
    expect(info).toBeGreaterThanOrEqual(0);
    expect(info).toBeLessThanOrEqual(Math.LN2 + 1e-12);
    expect(Math.abs(info - p.information(j, i))).toBeLessThan(1e-12);
    expect(p.information(i, i)).toBe(0);
  });

  it('round-trips through JSON with the same decisions', () => {
    const p = new PreferenceIds(HYPOTHESES);
    p.update(0, 1, true);
    p.update(2, 3, false);
    const q = PreferenceIds.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(q.selectPair(createRng(3))).toEqual(p.selectPair(createRng(3)));
    expect(q.lambda).toBe(p.lambda);
  });
});

describe('DoubleThompsonSampling', () => {
  test.prop(
    [
      fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 }), fc.boolean()), { maxLength: 40 }),
      fc.nat(),
    ],
    { seed: 4, numRuns: 30 },
  )('a restored policy makes the same pairs from the same RNG state', (history, seed) => {
    const p = new DoubleThompsonSampling(5);
    for (const [a, b, w] of history) p.update(a, b, w);
    const q = DoubleThompsonSampling.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    const r1 = createRng(seed);
    const r2 = createRng(seed);
    for (let t = 0; t < 5; t++) expect(q.selectPair(r2)).toEqual(p.selectPair(r1));
  });

  it('rejects bad comparisons without recording them', () => {
    const p = new DoubleThompsonSampling(3);
    expect(() => p.update(0, 3, true)).toThrow(/second must be an integer in \[0, 2\], got 3/);
    expect(() => p.update(0, 1, 1 as unknown as boolean)).toThrow(/firstWins must be a boolean/);
    expect(p.wins(0, 1) + p.wins(1, 0)).toBe(0);
    expect(() => new DoubleThompsonSampling(1)).toThrow(RangeError);
  });
});
