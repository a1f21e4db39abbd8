import type { Rng } from '@x/linalg';

/**
 * A bandit problem to simulate. Policies never see it: {@link simulateBandit} pulls arms for them and
 * uses `expectedReward` only to measure regret.
 */
export interface BanditEnvironment {
  /** Number of arms K. */
  readonly arms: number;
  /**
   * Contextual environments draw the context of round t here (the policy sees it, with
   * `select(rng, { context })`); regret is then measured against the best arm of each round.
   */
  context?(rng: Rng, t: number): Float64Array;
  /** The expected reward of an arm at round t (0-based), in the round's context: hidden from policies. */
  expectedReward(t: number, arm: number, context?: ArrayLike<number>): number;
  /** A realised reward of an arm at round t. */
  pull(rng: Rng, t: number, arm: number, context?: ArrayLike<number>): number;
}
