import { assertInstance, assertInteger, MAX_ARRAY_LENGTH, readObject } from '@x/linalg/validate';
import { Mdp } from '../model/Mdp.ts';
import { assertAttraction } from './bestPerm.ts';

/** The data of a {@link CascadingProblem}. */
export interface CascadingProblemData {
  /** N + 1 actions: action a < N is "item a clicked", action N is "no click". */
  readonly mdp: Mdp;
  /** q(s, a), row-major S x N, in [0, 1]. */
  readonly attraction: ArrayLike<number>;
  /** m, the most items a list may show. */
  readonly maxLength: number;
  /** H, steps per episode. */
  readonly horizon: number;
  /** The state every episode starts in. @default 0 */
  readonly start?: number;
}

/**
 * An episodic cascading MDP, checked once: click dynamics (an MDP whose actions are the N items
 * and "no click"), attraction probabilities, the list size m, the episode length H and the start
 * state. It carries the sizes a learner is built from (`states`, `items`, `maxLength`,
 * `horizon`), so a simulator's factory is `(problem) => new CascadingVi(problem)`.
 *
 * @example
 * const mdp = garnet(createRng(1), 3, 5, 2); // 3 states; 4 items and "no click" as actions
 * const attraction = Array.from({ length: 3 * 4 }, (_, i) => (i % 4) / 8); // per state and item
 * const problem = new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 3 });
 * const learner = new CascadingVi(problem); // sized from the problem
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", arXiv:2401.08961,
 * Section 2 (the cascading MDP).
 */
export class CascadingProblem {
  readonly mdp: Mdp;
  readonly attraction: Float64Array;
  readonly maxLength: number;
  readonly horizon: number;
  readonly start: number;

  /** @throws TypeError if mdp is not an Mdp; RangeError on bad sizes, attraction or start */
  constructor(data: CascadingProblemData) {
    const fn = 'CascadingProblem';
    const { mdp, attraction, maxLength, horizon, start = 0 } = readObject(fn, 'data', data);
    assertInstance(fn, 'mdp', mdp, Mdp);
    const N = mdp.actions - 1;
    if (N < 1)
      throw new RangeError(
        `${fn}: mdp needs at least 2 actions (items and "no click"), got ${mdp.actions}`,
      );
    assertAttraction(fn, attraction, mdp.states * N);
    assertInteger(fn, 'maxLength', maxLength, 1, N);
    assertInteger(fn, 'horizon', horizon, 1, Math.floor(MAX_ARRAY_LENGTH / mdp.states));
    assertInteger(fn, 'start', start, 0, mdp.states - 1);
    this.mdp = mdp;
    this.attraction = Float64Array.from(attraction);
    this.maxLength = maxLength;
    this.horizon = horizon;
    this.start = start;
  }

  /** S, the number of states. */
  get states(): number {
    return this.mdp.states;
  }

  /** N, the number of items (the model's actions but "no click"). */
  get items(): number {
    return this.mdp.actions - 1;
  }
}
