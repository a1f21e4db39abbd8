/**
 * The seeded experiment runner of the `@x` packages: independent runs on split generators,
 * quantities recorded at checkpoints, run ranges merged from several workers or machines bit
 * for bit. Every simulator of the packages is domain logic on top of {@link runExperiment};
 * use it for experiments of your own.
 *
 * @packageDocumentation
 * @module @x/linalg/experiment
 */

export { logSpacedCheckpoints } from './logSpacedCheckpoints.ts';
export { mergeRuns } from './mergeRuns.ts';
export type { RunResult, RunSeries } from './RunResult.ts';
export {
  type ExperimentSpec,
  type RunPlay,
  type RunStreams,
  runExperiment,
} from './runExperiment.ts';
export { runRegret } from './runRegret.ts';
export type { SimulationOptions } from './SimulationOptions.ts';
