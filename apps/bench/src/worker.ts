import { type RngState, rngFromState } from '@x/linalg';
import type { ClaimExperiment, Scale } from './Experiment.ts';
import { loadExperiment } from './registry.ts';

/** A unit of work sent to a worker thread. */
export interface TrialTask {
  readonly file: string;
  readonly root: string;
  readonly state: RngState;
  readonly scale: Scale;
  readonly index: number;
}

const cache = new Map<string, Promise<ClaimExperiment>>();

/** Runs one trial of a claim experiment: the worker entry point (tinypool calls it by name), also callable in-process. */
export async function runTrial(task: TrialTask): Promise<unknown> {
  let e = cache.get(task.file);
  if (e === undefined) {
    e = loadExperiment(task.file, task.root) as Promise<ClaimExperiment>;
    cache.set(task.file, e);
  }
  const experiment = await e;
  return experiment.trial(rngFromState(task.state), task.scale, task.index);
}
