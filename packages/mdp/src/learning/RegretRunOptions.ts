/** The run options every regret simulator takes. */
export interface RegretRunOptions {
  /** Independent seeded runs. @default 1 */
  readonly runs?: number;
  /**
   * Index of the first run. Run i always plays on the i-th split of the generator, so a call
   * with `firstRun: 10, runs: 5` reproduces runs 10 to 14 of one call with 15 or more runs:
   * give each worker its own range and join the results with {@link mergeRegretRuns}.
   * @default 0
   */
  readonly firstRun?: number;
  /** Rounds (1-based, increasing) at which to record the cumulative regret. */
  readonly checkpoints: ArrayLike<number>;
}
