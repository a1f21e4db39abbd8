import { createRng } from '@x/linalg';
import { learnerFromJSON } from '../src/core/learnerFromJSON.ts';
import { BradleyTerryPosterior } from '../src/dueling/BradleyTerryPosterior.ts';
import { BradleyTerryPreference } from '../src/dueling/BradleyTerryPreference.ts';
import { DoubleThompsonSampling } from '../src/dueling/DoubleThompsonSampling.ts';
import type { DuelingPolicy } from '../src/dueling/DuelingPolicy.ts';
import { PreferenceIds } from '../src/dueling/PreferenceIds.ts';

/** Bradley-Terry utilities the hypotheses of {@link PreferenceIds} are drawn from, K = 4. */
const hypotheses = BradleyTerryPosterior.sampleHypotheses(createRng(99), 4, 40);

/** Every dueling policy of the package, made fresh, with its restore functions and an environment. */
export interface DuelingCase {
  readonly name: string;
  readonly make: () => DuelingPolicy;
  readonly restore: (state: unknown) => DuelingPolicy;
  /** `learnerFromJSON`, as a store holding learners of several kinds restores them. */
  readonly restoreAny: (state: unknown) => DuelingPolicy;
  /** A preference environment with a clear Condorcet winner that the policy can learn. */
  readonly environment: BradleyTerryPreference;
  /** Rounds after which the policy must mostly duel the winner against itself. */
  readonly learnsWithin: number;
}

/** The hypothesis with the widest gap between its best and second-best arm. */
const clearest = hypotheses.reduce((best, h) => {
  const gap = (u: ArrayLike<number>) => {
    const s = Array.from(u).sort((a, b) => b - a);
    return s[0]! - s[1]!;
  };
  return gap(h) > gap(best) ? h : best;
});

export const DUELING_CASES: readonly DuelingCase[] = [
  {
    name: 'DoubleThompsonSampling',
    make: () => new DoubleThompsonSampling(4),
    restore: DoubleThompsonSampling.fromJSON,
    restoreAny: (s) => learnerFromJSON(s) as DuelingPolicy,
    environment: new BradleyTerryPreference([0, 0.5, 1, 2.5]),
    learnsWithin: 3000,
  },
  {
    name: 'PreferenceIds',
    make: () => new PreferenceIds(hypotheses, { rounds: 4000 }),
    restore: PreferenceIds.fromJSON,
    restoreAny: (s) => learnerFromJSON(s) as DuelingPolicy,
    environment: new BradleyTerryPreference(clearest),
    learnsWithin: 1000,
  },
];
