/** How many runs to play, which ones, and when to record: the options of every simulator. */
export interface RunOptions {
  /** Number of independent runs. @default 1 */
  readonly runs?: number;
  /**
   * Index of the first run: run i always plays on the i-th split of the generator, so a range
   * of runs computed elsewhere (another worker or machine) merges with {@link mergeRuns} into
   * the result of one call over all of them. @default 0
   */
  readonly firstRun?: number;
  /**
   * Rounds (1-based, increasing, at most the run length) after which the quantities are
   * recorded. @default about 60 log-spaced rounds from 1 to the run length, the last included
   */
  readonly checkpoints?: ArrayLike<number>;
}
