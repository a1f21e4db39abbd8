import type { Rng } from '@x/linalg';

/**
 * A bandit problem to simulate. Policies never see it: {@link simulate} pulls arms for them and
 * uses `expectedReward` only to measure regret.
 */
export interface BanditEnvironment {
  /** Number of arms K. */
  readonly arms: number;
  /** The expected reward of an arm at round t (0-based): hidden from policies. */
  expectedReward(t: number, arm: number): number;
  /** A realised reward of an arm at round t. */
  pull(rng: Rng, t: number, arm: number): number;
}
