import { assertInstance, assertInteger, readObject } from '@x/linalg/validate';
import { Mdp } from './Mdp.ts';

/** The data of an {@link EpisodicProblem}. */
export interface EpisodicProblemData {
  /** The dynamics and mean rewards. */
  readonly mdp: Mdp;
  /** H, the steps per episode (the episode length). */
  readonly horizon: number;
  /** The state every episode starts in. @default 0 */
  readonly start?: number;
}

/**
 * An episodic MDP problem: a model, the episode length H and the start state, checked once.
 * It carries the sizes learners are built from (`states`, `actions`, `horizon`), so a factory
 * passed to a simulator is `(problem) => new Psrl(problem)`: sizes are never typed twice.
 * Finite-horizon policies of the package have one layout: `policy[h * S + s]` is the action at
 * step h (h = 0 is the first step of the episode) in state s.
 *
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * const learner = new Psrl(problem); // S = 6, A = 2, H = 20 read from the problem
 *
 * References: Puterman, Markov Decision Processes, Wiley 1994, Chapter 4 (finite-horizon MDPs).
 */
export class EpisodicProblem {
  readonly mdp: Mdp;
  readonly horizon: number;
  readonly start: number;

  /** @throws TypeError if mdp is not an Mdp; RangeError on a bad horizon (at most 2^24) or start */
  constructor(data: EpisodicProblemData) {
    const fn = 'EpisodicProblem';
    const { mdp, horizon, start = 0 } = readObject(fn, 'data', data);
    assertInstance(fn, 'mdp', mdp, Mdp);
    assertInteger(fn, 'horizon', horizon, 1, 1 << 24);
    assertInteger(fn, 'start', start, 0, mdp.states - 1);
    this.mdp = mdp;
    this.horizon = horizon;
    this.start = start;
  }

  /** S, the number of states. */
  get states(): number {
    return this.mdp.states;
  }

  /** A, the number of actions. */
  get actions(): number {
    return this.mdp.actions;
  }
}
