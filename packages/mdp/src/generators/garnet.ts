import { type Rng, sampleChoice } from '@x/linalg';
import { assertInteger, assertRng } from '@x/linalg/validate';
import { Mdp } from '../model/Mdp.ts';

/**
 * A Garnet random MDP (Generic Average Reward Non-stationary Environment Test-bench): every
 * (s, a) moves to b distinct successors drawn uniformly, with probabilities given by b - 1
 * uniform cut points of [0, 1], and has a reward uniform on [0, 1].
 *
 * @param rng - the random source
 * @param states - S >= 1
 * @param actions - A >= 1
 * @param branching - b, in [1, S]
 * @throws RangeError on bad sizes
 *
 * @example
 * const mdp = garnet(createRng(1), 100, 4, 5); // 100 states, 4 actions, 5 successors each
 * valueIteration(mdp, 0.9).policy;
 *
 * References: Archibald, McKinnon and Thomas, "On the Generation of Markov Decision Processes",
 * J. Operational Research Society 46, 1995; Bhatnagar et al., "Natural actor-critic algorithms",
 * Automatica 45, 2009 (the Garnet(S, A, b) family).
 */
export function garnet(rng: Rng, states: number, actions: number, branching: number): Mdp {
  assertRng('garnet', rng);
  assertInteger('garnet', 'states', states, 1, 1 << 22);
  assertInteger('garnet', 'actions', actions, 1, 1 << 12);
  assertInteger('garnet', 'branching', branching, 1, states);
  const rows = states * actions;
  const rowStart = new Int32Array(rows + 1);
  const next = new Int32Array(rows * branching);
  const prob = new Float64Array(rows * branching);
  const reward = new Float64Array(rows);
  const cuts = new Float64Array(branching + 1);
  for (let r = 0; r < rows; r++) {
    const succ = sampleChoice(rng, states, branching);
    succ.sort();
    cuts[0] = 0;
    cuts[branching] = 1;
    for (let i = 1; i < branching; i++) cuts[i] = rng.nextFloat64();
    cuts.subarray(1, branching).sort();
    for (let i = 0; i < branching; i++) {
      next[r * branching + i] = succ[i]!;
      prob[r * branching + i] = cuts[i + 1]! - cuts[i]!;
    }
    rowStart[r + 1] = (r + 1) * branching;
    reward[r] = rng.nextFloat64();
  }
  return new Mdp({ states, actions, rowStart, next, prob, reward });
}
