import { assertInteger, MAX_ARRAY_LENGTH } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { assertAttraction, bestPermUnchecked } from './bestPerm.ts';

/** The optimal finite-horizon plan of a cascading MDP. */
export interface CascadingPlan {
  /** $V_h(s)$ at `h * S + s`, for h = 0..H-1. */
  readonly values: Float64Array;
  /** The optimal item list at step h in state s, at `h * S + s`. */
  readonly lists: readonly Int32Array[];
}

/**
 * Exact finite-horizon planning in a cascading MDP: at each step the agent shows an ordered list
 * of at most m of the N items; the user clicks the first attractive one (item a attracts in
 * state s with probability q(s, a)), which yields R(s, a) and moves to $s' \sim P(\cdot|s, a)$;
 * with no click the reward is $R(s, \perp)$ (zero in the paper) and $s' \sim P(\cdot|s, \perp)$. Backward
 * induction with the {@link bestPerm} oracle at every (h, s) costs $O(HS(N\log N + Nm + \text{nnz}))$.
 *
 * @param mdp - the click dynamics: N + 1 actions, where action a < N is "item a clicked" and action N is "no click"
 * @param attraction - q(s, a), row-major S x N, in [0, 1]
 * @param maxLength - m, the largest list
 * @param horizon - H
 * @throws RangeError or TypeError on bad arguments
 *
 * @example
 * const mdp = garnet(createRng(1), 3, 5, 2); // 4 items and "no click" as actions
 * const attraction = Array.from({ length: 3 * 4 }, (_, i) => (i % 4) / 8);
 * const plan = cascadingBackwardInduction(mdp, attraction, 2, 3); // lists of 2, horizon 3
 * plan.lists[0]; // the list to show at step 0 in state 0
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", ICLR 2024,
 * arXiv:2401.08961, Sections 3-4 (the cascading MDP and BestPerm).
 */
export function cascadingBackwardInduction(
  mdp: Mdp,
  attraction: ArrayLike<number>,
  maxLength: number,
  horizon: number,
): CascadingPlan {
  const fn = 'cascadingBackwardInduction';
  assertMdp(fn, mdp);
  const S = mdp.states;
  const N = mdp.actions - 1;
  if (N < 1)
    throw new RangeError(
      `${fn}: mdp needs at least 2 actions (items and "no click"), got ${mdp.actions}`,
    );
  assertAttraction(fn, attraction, S * N);
  assertInteger(fn, 'maxLength', maxLength, 1);
  assertInteger(fn, 'horizon', horizon, 1, Math.floor(MAX_ARRAY_LENGTH / S));
  const q = Float64Array.from(attraction);
  const values = new Float64Array(horizon * S);
  const lists: Int32Array[] = new Array(horizon * S);
  const w = new Float64Array(N);
  let next = new Float64Array(S);
  for (let h = horizon - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < N; a++)
        w[a] = mdp.reward[s * (N + 1) + a]! + mdp.expectedNext(s, a, next);
      const noClick = mdp.reward[s * (N + 1) + N]! + mdp.expectedNext(s, N, next);
      const best = bestPermUnchecked(q.subarray(s * N, (s + 1) * N), w, noClick, maxLength);
      values[h * S + s] = best.value;
      lists[h * S + s] = best.list;
    }
    next = values.slice(h * S, (h + 1) * S);
  }
  return { values, lists };
}
