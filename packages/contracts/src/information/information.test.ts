import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { concavifiedValue } from '../../test/persuasion.ts';
import { optimalSignaling } from './optimalSignaling.ts';

const prosecutor = (guilty: number) => ({
  prior: [1 - guilty, guilty],
  senderUtility: [
    [0, 1],
    [0, 1],
  ],
  receiverUtility: [
    [1, 0],
    [0, 1],
  ],
});

describe('optimalSignaling', () => {
  it('solves the prosecutor example: conviction with probability min(1, 2 mu)', async () => {
    for (const mu of [0.1, 0.3, 0.5, 0.8]) {
      const s = await optimalSignaling(prosecutor(mu));
      expect(s.value).toBeCloseTo(Math.min(1, 2 * mu), 7);
    }
    const s = await optimalSignaling(prosecutor(0.3));
    // "Convict" is sent with posterior exactly 1/2 of guilt (the judge is just willing).
    expect(s.posteriors[1 * 2 + 1]!).toBeCloseTo(0.5, 6);
  });

  it('rejects a prior that is not a distribution and mismatched utilities', async () => {
    await expect(optimalSignaling({ ...prosecutor(0.3), prior: [0.5, 0.6] })).rejects.toThrow(
      /^optimalSignaling: prior must sum to 1/,
    );
    await expect(
      optimalSignaling({
        ...prosecutor(0.3),
        receiverUtility: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      }),
    ).rejects.toThrow(/^optimalSignaling: receiverUtility must be 2 x 2/);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 6, numRuns: 30 })(
    'is obedient, and never worse than full or no disclosure',
    async (seed) => {
      const rng = createRng(seed);
      const k = 3;
      const n = 3;
      const mat = () =>
        Array.from({ length: k }, () => Array.from({ length: n }, () => rng.nextFloat64()));
      const raw = Array.from({ length: k }, () => rng.nextFloat64() + 0.05);
      const total = raw.reduce((a, b) => a + b, 0);
      const problem = {
        prior: raw.map((x) => x / total),
        senderUtility: mat(),
        receiverUtility: mat(),
      };
      const s = await optimalSignaling(problem);
      for (let a = 0; a < n; a++) {
        if (s.signalProbabilities[a]! < 1e-9) continue;
        const u = (b: number) =>
          problem.receiverUtility.reduce(
            (acc, row, w) => acc + s.posteriors[a * k + w]! * row[b]!,
            0,
          );
        for (let b = 0; b < n; b++) expect(u(a)).toBeGreaterThanOrEqual(u(b) - 1e-6);
      }
      // Full disclosure: the receiver's best action per state (ties to the sender).
      let full = 0;
      for (let w = 0; w < k; w++) {
        const best = Math.max(...problem.receiverUtility[w]!);
        let v = Number.NEGATIVE_INFINITY;
        for (let b = 0; b < n; b++)
          if (problem.receiverUtility[w]![b] === best)
            v = Math.max(v, problem.senderUtility[w]![b]!);
        full += problem.prior[w]! * v;
      }
      expect(s.value).toBeGreaterThanOrEqual(full - 1e-6);
    },
  );
});

describe('the concavification (two states)', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 7, numRuns: 40 })(
    'equals the LP value on random two-state problems',
    async (seed) => {
      const rng = createRng(seed);
      const n = 3;
      const mat = () =>
        Array.from({ length: 2 }, () => Array.from({ length: n }, () => rng.nextFloat64()));
      const mu = 0.05 + 0.9 * rng.nextFloat64();
      const problem = { prior: [1 - mu, mu], senderUtility: mat(), receiverUtility: mat() };
      const s = await optimalSignaling(problem);
      expect(s.value).toBeCloseTo(
        concavifiedValue(problem.senderUtility, problem.receiverUtility, mu),
        6,
      );
    },
  );
});
