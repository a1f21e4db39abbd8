import type { LearnerState, Rng } from '@x/linalg';

/**
 * A dueling (preference) bandit policy: each round it proposes two arms, a user (or a judge)
 * says which one it prefers, and the policy learns from that comparison alone.
 */
export interface DuelingPolicy {
  readonly arms: number;
  /** The pair to compare (may be the same arm twice when the policy is confident). */
  selectPair(rng: Rng): [number, number];
  /** Records a comparison: `firstWins` is true when `first` was preferred to `second`. */
  update(first: number, second: number, firstWins: boolean): void;
  /** Forgets everything learned. */
  reset(): void;
  /** The full state as plain JSON: `fromJSON` of the class, or `learnerFromJSON`, restores it. */
  toJSON(): LearnerState;
}
