import { assertInteger } from '@x/linalg';
import { Mdp } from '../model/Mdp.ts';

/**
 * RiverSwim: a chain of n states; action 0 swims left (always succeeds, reward 5/1000 at the
 * left end), action 1 swims right against the current (moves right with probability 0.35 in the
 * middle, stays 0.6, slips back 0.05; reward 1 at the right end). Exploration is hard: the
 * small reward on the left lures greedy learners.
 *
 * @param n - number of states, >= 2 (6 in the original)
 * @throws RangeError if n < 2
 *
 * References: Strehl and Littman, "An analysis of model-based Interval Estimation for Markov
 * Decision Processes", JCSS 74, 2008, Section 5; Osband, Russo and Van Roy, "(More) Efficient
 * Reinforcement Learning via Posterior Sampling", NeurIPS 2013 (the parameters used here).
 */
export function riverSwim(n = 6): Mdp {
  assertInteger('riverSwim', 'n', n, 2, 1 << 20);
  const dense = Array.from({ length: n }, () => [
    new Array<number>(n).fill(0),
    new Array<number>(n).fill(0),
  ]);
  const rewards = Array.from({ length: n }, () => [0, 0]);
  for (let s = 0; s < n; s++) {
    dense[s]![0]![Math.max(0, s - 1)] = 1;
    const right = dense[s]![1]!;
    if (s === 0) {
      right[0] = 0.4;
      right[1] = 0.6;
    } else if (s === n - 1) {
      right[n - 1] = 0.6;
      right[n - 2] = 0.4;
    } else {
      right[s + 1] = 0.35;
      right[s] = 0.6;
      right[s - 1] = 0.05;
    }
  }
  rewards[0]![0] = 5 / 1000;
  rewards[n - 1]![1] = 1;
  return Mdp.fromDense(dense, rewards);
}
