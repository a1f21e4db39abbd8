import type { Rng } from '@x/linalg';

/** A transition observed in an episode: state, action, reward, next state. */
export interface Transition {
  readonly state: number;
  readonly action: number;
  readonly reward: number;
  readonly next: number;
}

/**
 * A learner for episodic finite-horizon MDPs: before each episode it commits to a (possibly
 * non-stationary) policy, then observes the episode's transitions.
 */
export interface EpisodicAgent {
  /** The policy for the next episode: `policy[h * S + s]` is the action at step h in state s. */
  plan(rng: Rng): Int32Array;
  /** Records one episode's transitions (H of them, in order). */
  observe(episode: readonly Transition[]): void;
}
