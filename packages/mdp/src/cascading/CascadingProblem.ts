import { assertInteger, MAX_ARRAY_LENGTH, readObject } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { assertAttraction } from './bestPerm.ts';

/** An episodic cascading MDP: click dynamics, attraction probabilities, list size, horizon, start. */
export interface CascadingProblem {
  /** N + 1 actions: action a < N is "item a clicked", action N is "no click". */
  readonly mdp: Mdp;
  /** q(s, a), row-major S x N, in [0, 1]. */
  readonly attraction: ArrayLike<number>;
  /** m, the most items a list may show. */
  readonly maxLength: number;
  /** H, steps per episode. */
  readonly horizon: number;
  /** The state every episode starts in. */
  readonly start: number;
}

/** Validates a cascading problem and returns its number of items N. @internal */
export function assertCascadingProblem(fn: string, problem: CascadingProblem): number {
  const { mdp } = readObject(fn, 'problem', problem);
  assertMdp(fn, mdp);
  const N = mdp.actions - 1;
  if (N < 1)
    throw new RangeError(
      `${fn}: mdp needs at least 2 actions (items and "no click"), got ${mdp.actions}`,
    );
  assertAttraction(fn, problem.attraction, mdp.states * N);
  assertInteger(fn, 'maxLength', problem.maxLength, 1);
  assertInteger(fn, 'horizon', problem.horizon, 1, Math.floor(MAX_ARRAY_LENGTH / mdp.states));
  assertInteger(fn, 'start', problem.start, 0, mdp.states - 1);
  return N;
}
