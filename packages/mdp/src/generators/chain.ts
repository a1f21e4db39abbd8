import { assertInRange, assertInteger } from '@x/linalg/validate';
import type { Mdp } from '../model/Mdp.ts';
import { SparseMdpBuilder } from './sparseMdpBuilder.ts';

/**
 * A chain of n states with two actions: "forward" (0) moves one state right with probability
 * 1 - slip (else stays) and pays 1 only when taken at the right end; "back" (1) returns to
 * state 0 and pays 0.2 (a small, immediate reward). With slip = 0 this is the deterministic chain on
 * which myopic agents fail for large n.
 *
 * @param n - number of states, >= 2
 * @param slip - probability that "forward" does not move, in [0, 1), default 0
 * @throws RangeError on bad arguments
 *
 * @example
 * const mdp = chain(10, 0.1); // "forward" slips with probability 0.1; "back" pays 0.2 at once
 * valueIteration(mdp, 0.99).policy; // forward everywhere: the far reward is worth the walk
 * valueIteration(mdp, 0.5).policy; // back from the first 7 states: too far to be worth it
 *
 * References: Strens, "A Bayesian Framework for Reinforcement Learning", ICML 2000 (the chain
 * problem); Osband, Van Roy and Wen, "Generalization and Exploration via Randomized Value
 * Functions", ICML 2016, arXiv:1402.0635 (deep-sea style chains).
 */
export function chain(n: number, slip = 0): Mdp {
  assertInteger('chain', 'n', n, 2, 1 << 20);
  assertInRange('chain', 'slip', slip, 0, 1, { hiOpen: true });
  const model = new SparseMdpBuilder(n, 2, 2);
  for (let s = 0; s < n; s++) {
    model.add(Math.min(n - 1, s + 1), 1 - slip);
    model.add(s, slip);
    model.endRow(s === n - 1 ? 1 : 0);
    model.add(0, 1);
    model.endRow(0.2);
  }
  return model.build();
}
