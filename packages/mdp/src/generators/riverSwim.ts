import { assertInteger } from '@x/linalg/validate';
import type { Mdp } from '../model/Mdp.ts';
import { SparseMdpBuilder } from './sparseMdpBuilder.ts';

/**
 * RiverSwim: a chain of n states; action 0 swims left (always succeeds, reward 5/1000 at the
 * left end), action 1 swims right against the current (moves right with probability 0.35 in the
 * middle, stays 0.6, slips back 0.05; reward 1 at the right end). Exploration is hard: the
 * small reward on the left lures greedy learners.
 *
 * @param n - number of states, >= 2 (6 in the original)
 * @throws RangeError if n < 2
 *
 * @example
 * const mdp = riverSwim(6);
 * const problem = new EpisodicProblem({ mdp, horizon: 20 }); // the classic hard-exploration task
 * simulateEpisodic(createRng(1), problem, (p) => new Psrl(p), { rounds: 500 });
 *
 * References: Strehl and Littman, "An analysis of model-based Interval Estimation for Markov
 * Decision Processes", JCSS 74, 2008, Section 5; Osband, Russo and Van Roy, "(More) Efficient
 * Reinforcement Learning via Posterior Sampling", NeurIPS 2013 (the parameters used here).
 */
export function riverSwim(n = 6): Mdp {
  assertInteger('riverSwim', 'n', n, 2, 1 << 20);
  const model = new SparseMdpBuilder(n, 2, 3);
  for (let s = 0; s < n; s++) {
    model.add(Math.max(0, s - 1), 1);
    model.endRow(s === 0 ? 5 / 1000 : 0);
    if (s === 0) {
      model.add(0, 0.4);
      model.add(1, 0.6);
    } else if (s === n - 1) {
      model.add(n - 1, 0.6);
      model.add(n - 2, 0.4);
    } else {
      model.add(s + 1, 0.35);
      model.add(s, 0.6);
      model.add(s - 1, 0.05);
    }
    model.endRow(s === n - 1 ? 1 : 0);
  }
  return model.build();
}
