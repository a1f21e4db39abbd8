import type { LearnerState, Rng } from '@x/linalg';

/** Options of a selection: the arms that may be chosen now. */
export interface SelectOptions {
  /**
   * Indices of the arms available for this decision (serve-time constraints); all arms when
   * omitted. Must be non-empty, in range and without duplicates.
   */
  readonly available?: ArrayLike<number>;
  /**
   * The context of this decision, for contextual policies (see each policy for its layout,
   * e.g. a feature vector of length d, or K per-arm feature vectors of length d, row-major).
   * Ignored by non-contextual policies.
   */
  readonly context?: ArrayLike<number>;
}

/** Options of {@link BanditPolicy.actionProbabilities}. */
export interface ProbabilityOptions extends SelectOptions {
  /**
   * Monte Carlo draws for policies whose choice has no closed-form probability (Thompson
   * sampling). @default 2000
   */
  readonly samples?: number;
  /**
   * 'exact' (the default) computes the probabilities in closed form or by quadrature where the
   * policy can (Beta and Gaussian Thompson sampling, every deterministic index, EXP3, EXP4), and
   * falls back to Monte Carlo elsewhere; 'monte-carlo' always estimates by `samples` draws.
   * @default 'exact'
   */
  readonly method?: 'exact' | 'monte-carlo';
}

/** An arm chosen together with the probability with which it was chosen, for logging. */
export interface ChoiceWithPropensity {
  readonly arm: number;
  /** $P(\text{arm} \mid \text{history})$, the propensity an off-policy estimator needs. */
  readonly propensity: number;
  /** Whether the propensity is exact (up to quadrature accuracy) rather than a Monte Carlo estimate. */
  readonly exact: boolean;
}

/** Options of {@link BanditPolicy.update}. */
export interface UpdateOptions {
  /**
   * The probability with which the arm was chosen when it was selected, for importance-weighted
   * policies (EXP3) whose reward arrives late: the current probability is used when omitted.
   */
  readonly propensity?: number;
  /** The context the arm was chosen in, for contextual policies (required by them). */
  readonly context?: ArrayLike<number>;
}

export interface BanditPolicy {
  /** Number of arms K. */
  readonly arms: number;
  /** Chooses one arm among the available ones. */
  select(rng: Rng, options?: SelectOptions): number;
  /**
   * `count` independent decisions from the current state (batched serving, updates to come
   * later), written into `out` when given.
   */
  selectMany(
    rng: Rng,
    count: number,
    options?: SelectOptions & { readonly out?: Int32Array },
  ): Int32Array;
  /** The k best arms in order (top-k / slate), distinct, by this policy's ranking. */
  selectSlate(rng: Rng, k: number, options?: SelectOptions): Int32Array;
  /**
   * The probability with which {@link BanditPolicy.select} would choose each arm now (the
   * propensities that off-policy evaluation needs); 0 for unavailable arms. Exact where a closed
   * form exists, otherwise a Monte Carlo estimate that uses `rng`.
   */
  actionProbabilities(rng: Rng, options?: ProbabilityOptions): Float64Array;
  /**
   * Chooses an arm as `select` does (the same draw from the same generator state) and returns
   * it with the probability with which it was chosen.
   */
  selectWithPropensity(rng: Rng, options?: ProbabilityOptions): ChoiceWithPropensity;
  /** Records the reward of an arm. */
  update(arm: number, reward: number, options?: UpdateOptions): void;
  /**
   * Records many rewards (with their contexts, for contextual policies); all are validated
   * before any is applied.
   */
  updateMany(
    arms: ArrayLike<number>,
    rewards: ArrayLike<number>,
    contexts?: ArrayLike<ArrayLike<number>>,
  ): void;
  /** Forgets everything learned (keeps the hyper-parameters). */
  reset(): void;
  /** The empirical mean reward of an arm (0 before its first pull). */
  mean(arm: number): number;
  /** The number of rewards recorded for an arm. */
  pulls(arm: number): number;
  /** The full state as plain JSON: `fromJSON` of the class, or `learnerFromJSON`, restores it. */
  toJSON(): LearnerState;
}
