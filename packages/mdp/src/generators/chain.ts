import { assertInRange, assertInteger } from '@x/linalg';
import { Mdp } from '../model/Mdp.ts';

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
 * References: Strens, "A Bayesian Framework for Reinforcement Learning", ICML 2000 (the chain
 * problem); Osband, Van Roy and Wen, "Generalization and Exploration via Randomized Value
 * Functions", ICML 2016, arXiv:1402.0635 (deep-sea style chains).
 */
export function chain(n: number, slip = 0): Mdp {
  assertInteger('chain', 'n', n, 2, 1 << 20);
  assertInRange('chain', 'slip', slip, 0, 1, { hiOpen: true });
  const P = Array.from({ length: n }, (_, s) => {
    const forward = new Array<number>(n).fill(0);
    const ahead = Math.min(n - 1, s + 1);
    forward[ahead] = forward[ahead]! + 1 - slip;
    forward[s] = forward[s]! + slip;
    const back = new Array<number>(n).fill(0);
    back[0] = 1;
    return [forward, back];
  });
  const R = Array.from({ length: n }, (_, s) => [s === n - 1 ? 1 : 0, 0.2]);
  return Mdp.fromDense(P, R);
}
