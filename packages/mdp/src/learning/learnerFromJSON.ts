import { readOptions, restoreByType } from '@x/linalg/validate';
import { CascadingVi } from '../cascading/CascadingVi.ts';
import type { EnvironmentClass } from '../rlhf/EnvironmentClass.ts';
import { RlhfIds } from '../rlhf/RlhfIds.ts';
import { Psrl } from './Psrl.ts';
import { Ucbvi } from './Ucbvi.ts';
import { Ucrl2 } from './Ucrl2.ts';

/** A learner of this package: any class {@link learnerFromJSON} restores. */
export type MdpLearner = CascadingVi | Psrl | RlhfIds | Ucbvi | Ucrl2;

/** What a restore needs beyond the state. */
export interface LearnerContext {
  /** The environment class an `RlhfIds` state was learned on (not stored with it). */
  readonly environments?: EnvironmentClass;
}

/**
 * Restores any learner of this package (`Psrl`, `Ucbvi`, `Ucrl2`, `CascadingVi`, `RlhfIds`)
 * from its `toJSON()` output, dispatching on `state.type`: for stores that hold learners of
 * several kinds. Stored state is untrusted input: the type is looked up among own keys only,
 * and the class's `fromJSON` validates every field.
 *
 * @param context - `environments` for an `RlhfIds` state
 * @throws TypeError on an unknown type, a malformed state or a missing environment class
 *
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * const saved = JSON.stringify(new Psrl(problem).toJSON());
 * const learner = learnerFromJSON(JSON.parse(saved)); // a Psrl, in the same state
 */
export function learnerFromJSON(state: unknown, context: LearnerContext = {}): MdpLearner {
  const fn = 'learnerFromJSON';
  const { environments } = readOptions(fn, context);
  const rlhfIds = {
    fromJSON(s: unknown) {
      if (environments === undefined)
        throw new TypeError(`${fn}: an RlhfIds state needs context.environments, its class`);
      return RlhfIds.fromJSON(s, environments);
    },
  };
  return restoreByType<MdpLearner>(fn, state, {
    CascadingVi,
    Psrl,
    RlhfIds: rlhfIds,
    Ucbvi,
    Ucrl2,
  });
}
