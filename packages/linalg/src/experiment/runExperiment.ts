import type { Rng } from '../random/Rng.ts';
import { assertFunction, assertRng, formatValue, readObject } from '../validate/assert.ts';
import type { RunResult } from './RunResult.ts';
import { readRunOptions } from './readRunOptions.ts';
import type { SimulationOptions } from './SimulationOptions.ts';
import { summariseRuns } from './summariseRuns.ts';

/** What {@link runExperiment} asks of an experiment: the simulation options and what it records. */
export interface ExperimentSpec<S extends string> extends SimulationOptions {
  /** Names of the recorded quantities, in the order `measure` writes them. */
  readonly series: readonly S[];
}

/** The generators of one run. */
export interface RunStreams {
  /** The run's index. */
  readonly run: number;
  /** The environment's stream (rewards, transitions, contexts). */
  readonly environment: Rng;
  /** The agent's stream (its own randomisation), so its decisions never depend on how many draws the environment took. */
  readonly agent: Rng;
}

/** One run of an experiment, as the experiment plays it. */
export interface RunPlay {
  /** Plays one round. */
  step(): void;
  /** Writes the recorded quantities after the rounds played so far (one per series). */
  measure(out: Float64Array): void;
}

/**
 * The seeded experiment runner behind every simulator: plays `runs` independent runs of
 * `rounds` rounds and records the named quantities (cumulative regret, say) after each
 * checkpoint. Run i always plays on the i-th split of `rng`, itself split into an environment
 * stream and an agent stream, so any range of runs (`firstRun`, `runs`) can be computed on
 * another worker or machine and joined with {@link mergeRuns} into this call's result, bit for
 * bit. Means and standard errors are accumulated run by run in order.
 *
 * @param rng - the generator (at split depth 0 or 1: each run splits it twice more)
 * @param spec - the {@link SimulationOptions} and the names of the quantities
 * @param startRun - prepares run i from its streams and returns how to play and measure it
 * @returns the per-run values, means and standard errors at the checkpoints
 * @throws TypeError or RangeError on bad options; whatever the experiment throws
 *
 * @example
 * // The running mean of coin flips: its error after t rounds, 100 runs.
 * const result = runExperiment(createRng(1), { rounds: 1000, series: ['error'], runs: 100 }, ({ environment }) => {
 *   let heads = 0;
 *   let t = 0;
 *   return {
 *     step: () => { heads += environment.nextFloat64() < 0.5 ? 1 : 0; t++; },
 *     measure: (out) => { out[0] = Math.abs(heads / t - 0.5); },
 *   };
 * });
 * result.series.error.mean; // falls like t^(-1/2)
 */
export function runExperiment<S extends string>(
  rng: Rng,
  spec: ExperimentSpec<S>,
  startRun: (streams: RunStreams) => RunPlay,
): RunResult<S> {
  return runExperimentAs('runExperiment', rng, spec, startRun);
}

/**
 * `runExperiment` for the packages' simulators: every error names `fn`, the simulator the
 * user called. @internal
 */
export function runExperimentAs<S extends string>(
  fn: string,
  rng: Rng,
  spec: ExperimentSpec<S>,
  startRun: (streams: RunStreams) => RunPlay,
): RunResult<S> {
  assertRng(fn, rng);
  const { series } = readObject(fn, 'spec', spec);
  const { rounds, runs, firstRun, checkpoints } = readRunOptions(fn, spec);
  if (!Array.isArray(series) || series.length === 0 || series.some((s) => typeof s !== 'string'))
    throw new TypeError(
      `${fn}: series must be a non-empty array of names, got ${formatValue(series)}`,
    );
  assertFunction(fn, 'startRun', startRun);
  const C = checkpoints.length;
  const M = series.length;
  const table = new Float64Array(runs * C * M);
  const out = new Float64Array(M);
  for (let i = 0; i < firstRun; i++) rng.split();
  for (let r = 0; r < runs; r++) {
    const runRng = rng.split();
    const environment = runRng.split();
    const agent = runRng.split();
    const play = startRun({ run: firstRun + r, environment, agent });
    if (
      play === null ||
      typeof play !== 'object' ||
      typeof play.step !== 'function' ||
      typeof play.measure !== 'function'
    )
      throw new TypeError(
        `${fn}: startRun must return { step, measure }, got ${formatValue(play)}`,
      );
    let mark = 0;
    for (let t = 1; t <= rounds; t++) {
      play.step();
      if (t === checkpoints[mark]) {
        play.measure(out);
        for (let m = 0; m < M; m++)
          if (!Number.isFinite(out[m]!))
            throw new RangeError(
              `${fn}: run ${firstRun + r} measured ${series[m]} = ${out[m]} after round ${t}; recorded values must be finite`,
            );
        table.set(out, (r * C + mark) * M);
        mark++;
      }
    }
  }
  return summariseRuns(firstRun, runs, checkpoints, series, table);
}
