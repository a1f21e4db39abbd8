import type { Rng } from '@x/linalg';
import { assertInteger, readObject, type StateFields } from '@x/linalg/validate';
import type { EpisodicProblem } from '../model/EpisodicProblem.ts';

/** A transition observed in an episode: state, action, reward, next state. */
export interface Transition {
  readonly state: number;
  readonly action: number;
  readonly reward: number;
  readonly next: number;
}

/**
 * A learner for episodic finite-horizon MDPs: before each episode it commits to a (possibly
 * non-stationary) policy, then observes the episode's transitions.
 */
export interface EpisodicAgent {
  /** The policy for the next episode: `policy[h * S + s]` is the action at step h in state s. */
  plan(rng: Rng): Int32Array;
  /** Records one episode's transitions, in order: H of them, or fewer if it ended early. */
  observe(episode: readonly Transition[]): void;
}

/** The sizes an episodic learner is built for: an {@link EpisodicProblem} has them. */
export interface EpisodicShape {
  /** S, the number of states. */
  readonly states: number;
  /** A, the number of actions. */
  readonly actions: number;
  /** H, the steps per episode. */
  readonly horizon: number;
}

/**
 * Checks the shape a tabular learner is built for (S and A at most `maxStates` and
 * `maxActions`, H at most 2^16) and returns it as plain numbers. @internal
 */
export function readEpisodicShape(
  fn: string,
  shape: EpisodicShape,
  maxStates: number,
  maxActions: number,
): { states: number; actions: number; horizon: number } {
  const { states, actions, horizon } = readObject(fn, 'problem', shape);
  assertInteger(fn, 'states', states, 1, maxStates);
  assertInteger(fn, 'actions', actions, 1, maxActions);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 16);
  return { states, actions, horizon };
}

/** Reads the shape of an episodic learner from the `params` of its stored state. @internal */
export function readShapeParams(params: StateFields): EpisodicShape {
  const size = { min: 1, integer: true };
  return {
    states: params.number('states', size),
    actions: params.number('actions', size),
    horizon: params.number('horizon', size),
  };
}
