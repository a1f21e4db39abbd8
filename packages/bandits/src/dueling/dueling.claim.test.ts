import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { BradleyTerryPosterior } from './BradleyTerryPosterior.ts';
import { BradleyTerryPreference } from './BradleyTerryPreference.ts';
import { DoubleThompsonSampling } from './DoubleThompsonSampling.ts';
import { PreferenceIds } from './PreferenceIds.ts';
import { simulateDuel } from './simulateDuel.ts';

const HYPOTHESES = BradleyTerryPosterior.sampleHypotheses(createRng(99), 5, 200);

describe('dueling regret', () => {
  it('claim: Condorcet and Borda regret of double TS and preference IDS grow sublinearly', () => {
    const env = new BradleyTerryPreference(HYPOTHESES[17]!);
    const checkpoints = [100, 200, 500, 1000, 2000];
    for (const make of [
      () => new DoubleThompsonSampling(5),
      () => new PreferenceIds(HYPOTHESES, { rounds: 2000 }),
    ]) {
      const r = simulateDuel(createRng(5), env, make, { rounds: 2000, runs: 6, checkpoints });
      // Both have O(log T) or O(sqrt(T log M)) regret: far from the slope 1 of linear regret.
      expect(fitLogLogSlope(checkpoints, r.series.condorcetRegret.mean).slope).toBeLessThan(0.6);
      expect(fitLogLogSlope(checkpoints, r.series.bordaRegret.mean).slope).toBeLessThan(0.6);
    }
  });
});
