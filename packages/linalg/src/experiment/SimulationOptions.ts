/**
 * The options of every simulator of the `@x` packages: how long each run is, how many runs to
 * play, which ones, and when to record.
 */
export interface SimulationOptions {
  /**
   * Rounds per run: pulls for a bandit, episodes for an episodic MDP, steps for a continuing
   * one. At most 2^31 - 1.
   */
  readonly rounds: number;
  /** Number of independent runs, at most 2^16. @default 1 */
  readonly runs?: number;
  /**
   * Index of the first run: run i always plays on the i-th split of the generator, so a range
   * of runs computed elsewhere (another worker or machine) merges with {@link mergeRuns} into
   * the result of one call over all of them. @default 0
   */
  readonly firstRun?: number;
  /**
   * Rounds (1-based, increasing, at most `rounds`) after which the quantities are recorded.
   * @default about 60 log-spaced rounds from 1 to `rounds`, the last included
   */
  readonly checkpoints?: ArrayLike<number>;
}
