import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import {
  asCaller,
  LEARNER_STATE_VERSION,
  readLearnerState,
  type StateFields,
} from '@x/linalg/validate';
import {
  type EpisodicAgent,
  type EpisodicShape,
  readShapeParams,
  type Transition,
} from './EpisodicAgent.ts';
import { TabularCounts } from './TabularCounts.ts';

/**
 * What the episodic learners built on visit counts share (PSRL, UCBVI): the counts, the
 * episode length H, `observe` and the stored state `{ type, version, params, stats }`.
 * @internal
 */
export abstract class CountingAgent implements EpisodicAgent {
  protected readonly counts: TabularCounts;
  protected readonly horizon: number;
  readonly #type: string;
  readonly #params: Record<string, JsonValue>;

  protected constructor(type: string, shape: EpisodicShape, params: Record<string, JsonValue>) {
    this.#type = type;
    this.counts = new TabularCounts(shape.states, shape.actions);
    this.horizon = shape.horizon;
    this.#params = {
      states: shape.states,
      actions: shape.actions,
      horizon: shape.horizon,
      ...params,
    };
  }

  abstract plan(rng: Rng): Int32Array;

  observe(episode: readonly Transition[]): void {
    this.counts.addEpisode(`${this.#type}.observe`, episode, this.horizon);
  }

  /** The learner as JSON data (parameters and counts), for saving and resuming. */
  toJSON(): LearnerState {
    return {
      type: this.#type,
      version: LEARNER_STATE_VERSION,
      params: { ...this.#params },
      stats: this.counts.toJSON(),
    };
  }

  /** Reads a stored state for a subclass's `fromJSON`: `make` builds the learner from its parameters. */
  protected static restore<T extends CountingAgent>(
    type: string,
    state: unknown,
    make: (shape: EpisodicShape, params: StateFields) => T,
  ): T {
    const fn = `${type}.fromJSON`;
    const { params, stats } = readLearnerState(fn, state, type);
    const shape = readShapeParams(params);
    const agent = asCaller(fn, () => make(shape, params));
    agent.counts.load(stats);
    return agent;
  }
}
