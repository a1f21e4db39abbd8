/** One recorded quantity of an experiment: its value per run and its mean at each checkpoint. */
export interface RunSeries {
  /** The value of each run at each checkpoint, run-major: `perRun[r * C + c]` for run `firstRun + r`. */
  readonly perRun: Float64Array;
  /** The mean over the runs at each checkpoint. */
  readonly mean: Float64Array;
  /** The standard error of that mean (Infinity for a single run: nothing to estimate it from). */
  readonly standardError: Float64Array;
}

/**
 * The result of {@link runExperiment}: the runs `firstRun .. firstRun + runs - 1`, each
 * recorded at the same checkpoints, one {@link RunSeries} per recorded quantity (`regret`,
 * say). Results of the same experiment over disjoint run ranges merge with {@link mergeRuns}.
 */
export interface RunResult<S extends string = 'regret'> {
  /** The index of the first run. */
  readonly firstRun: number;
  /** The number of runs. */
  readonly runs: number;
  /** The rounds (1-based, increasing) after which the quantities were recorded. */
  readonly checkpoints: Int32Array;
  /** The recorded quantities, by name. */
  readonly series: { readonly [K in S]: RunSeries };
}
