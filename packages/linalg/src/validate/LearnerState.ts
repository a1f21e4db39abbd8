/** A JSON value: what a learner's stored state is made of. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * The one stored form of every learner of the `@x` packages (bandit policies, MDP learners,
 * duelling and cascading learners): plain JSON, written by `toJSON()` and read back, validated,
 * by the class's static `fromJSON()` or its package's `learnerFromJSON()`.
 *
 * @example
 * // What a three-armed counter would store: its parameters and what it has learned.
 * const state: LearnerState = {
 *   type: 'Counter',
 *   version: LEARNER_STATE_VERSION,
 *   params: { arms: 3 },
 *   stats: { pulls: [4, 0, 1] },
 * };
 * const saved = JSON.stringify(state); // and Counter.fromJSON(JSON.parse(saved)) restores it
 */
export interface LearnerState {
  /** The class, e.g. `'Ucb1'`. */
  readonly type: string;
  /** The format version (`LEARNER_STATE_VERSION` of `@x/linalg/validate` for this release); later releases read older versions. */
  readonly version: number;
  /** The constructor's arguments and options, so the learner can be rebuilt. */
  readonly params: { readonly [key: string]: JsonValue };
  /** What it has learned. */
  readonly stats: { readonly [key: string]: JsonValue };
}

/** The version of {@link LearnerState} written by this release. */
export const LEARNER_STATE_VERSION = 1;
