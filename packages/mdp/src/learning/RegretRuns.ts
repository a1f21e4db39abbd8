/**
 * The per-run regret a simulator records, with its summary. Runs are numbered from `firstRun`;
 * run i always plays on the i-th split of the simulator's generator, so results of disjoint run
 * ranges (from different workers, or different days) join with {@link mergeRegretRuns} into
 * exactly the result of one call.
 */
export interface RegretRuns {
  /** Index of the first run recorded here. */
  readonly firstRun: number;
  /**
   * Each run's cumulative regret at each checkpoint, run by run: `runRegret[r * C + c]` is run
   * `firstRun + r` at checkpoint c, for C checkpoints.
   */
  readonly runRegret: Float64Array;
  /** Mean cumulative regret over the runs at each checkpoint. */
  readonly meanRegret: Float64Array;
  /** Standard error of that mean (Infinity for a single run: there is no spread to estimate it from). */
  readonly stdError: Float64Array;
}
