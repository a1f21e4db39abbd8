import type { Rng } from '@x/linalg';

/** One step of a cascading episode as the agent sees it. */
export interface CascadeStep {
  readonly state: number;
  /** The list shown. */
  readonly list: ArrayLike<number>;
  /** Position in `list` of the clicked item, or -1 for no click (every item was examined). */
  readonly clicked: number;
  /** Reward of the click (or of no click), in [0, 1]. */
  readonly reward: number;
  readonly next: number;
}

/** A learner for episodic cascading MDPs: it commits to a list policy, then observes the episode. */
export interface CascadingAgent {
  /** The list to show at step h in state s, at `h * S + s`. */
  plan(rng: Rng): readonly Int32Array[];
  /** Records one episode's steps, in order. */
  observe(episode: readonly CascadeStep[]): void;
}
