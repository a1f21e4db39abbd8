/** One episode's feedback to an RLHF learner. */
export interface RlhfFeedback {
  /** The states of the agent's trajectory, $s_0, \dots, s_H$ (length H + 1). */
  readonly states: ArrayLike<number>;
  /** Its actions $a_0, \dots, a_{H-1}$. */
  readonly actions: ArrayLike<number>;
  /** Preference feedback: the baseline policy's trajectory (states, length H + 1). */
  readonly baselineStates?: ArrayLike<number>;
  /** Preference feedback: the baseline's actions (length H). */
  readonly baselineActions?: ArrayLike<number>;
  /** Preference feedback: whether the agent's trajectory was preferred to the baseline's. */
  readonly preferred?: boolean;
  /** Scalar-reward feedback: the 0/1 reward observed at each step (length H). */
  readonly rewards?: ArrayLike<number>;
}

/** A learner from preference (or reward) feedback over episodes. */
export interface RlhfAgent {
  /** The deterministic policy for the next episode, `policy[h * S + s]`. */
  plan(rng: import('@x/linalg').Rng): Int32Array;
  /** Records one episode's feedback. */
  observe(feedback: RlhfFeedback): void;
}
