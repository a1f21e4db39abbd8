import { assertArrayLike, assertInteger } from '@x/linalg/validate';
import type { Mdp } from './Mdp.ts';

/**
 * Checks that `policy` gives one valid action per state of `mdp`; throws a TypeError naming `fn`
 * on a wrong length and a RangeError naming the state on an invalid action.
 */
export function assertPolicy(fn: string, mdp: Mdp, policy: ArrayLike<number>): void {
  assertArrayLike(fn, 'policy', policy);
  if (policy.length !== mdp.states)
    throw new TypeError(`${fn}: policy must have length ${mdp.states}, got ${policy.length}`);
  for (let s = 0; s < mdp.states; s++)
    assertInteger(fn, `policy[${s}]`, policy[s], 0, mdp.actions - 1);
}
