import { assertInteger, MAX_ARRAY_LENGTH } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';

/** An optimal finite-horizon plan, in the package's one layout (step h from the start). */
export interface FiniteHorizonResult {
  /** `policy[h * S + s]`: the optimal action at step h (h = 0 first) in state s. */
  readonly policy: Int32Array;
  /** `values[h * S + s]`: the optimal expected return from step h in state s, $V_h(s)$. */
  readonly values: Float64Array;
}

/**
 * Finite-horizon backward induction: $V_H = 0$ and, for h = H-1 down to 0, $V_h(s) = \max_a
 * [R(s,a) + \sum_{s'} P(s'|s,a)V_{h+1}(s')]$ (undiscounted), exact in H sweeps; ties go to the
 * smallest action.
 *
 * @param mdp - the model
 * @param horizon - H, the steps per episode, in [1, 2^24]
 * @returns the optimal policy and values, indexed by step from the start: `[h * S + s]`
 * @throws TypeError if mdp is not an Mdp; RangeError on a bad horizon, a table above 2^27
 *   entries or a value scale that overflows
 *
 * @example
 * const { policy, values } = backwardInduction(riverSwim(6), 20);
 * values[0]; // V_0(0): the best expected return over 20 steps from state 0
 *
 * References: Puterman, Markov Decision Processes, 1994, Section 4.5.
 */
export function backwardInduction(mdp: Mdp, horizon: number): FiniteHorizonResult {
  const fn = 'backwardInduction';
  assertFiniteHorizon(fn, mdp, horizon);
  const S = mdp.states;
  if (horizon * S > MAX_ARRAY_LENGTH)
    throw new RangeError(
      `${fn}: horizon x states must be at most ${MAX_ARRAY_LENGTH}, got ${horizon * S}`,
    );
  const policy = new Int32Array(horizon * S);
  const values = new Float64Array(horizon * S);
  backwardPass(mdp, horizon, null, values, policy);
  return { policy, values };
}

/**
 * Checks a model and an episode length, and that the value scale $\max|R| \cdot H$ is
 * representable. @internal
 */
export function assertFiniteHorizon(fn: string, mdp: Mdp, horizon: number): void {
  assertMdp(fn, mdp);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 24);
  let rmax = 0;
  for (let i = 0; i < mdp.reward.length; i++) rmax = Math.max(rmax, Math.abs(mdp.reward[i]!));
  if (!(rmax * horizon <= Number.MAX_VALUE / 4))
    throw new RangeError(`${fn}: the value scale max|R| x horizon = ${rmax * horizon} overflows`);
}

/**
 * The one backward pass behind every finite-horizon computation of the package: from step H-1
 * down to 0, the values of `policy` (layout `[h * S + s]`), or with `policy` null the optimal
 * values and, into `policyOut`, the greedy actions. Writes $V_h$ into `values` (length H x S)
 * when given and returns $V_0$ (length S). Inputs are trusted. @internal
 */
export function backwardPass(
  mdp: Mdp,
  horizon: number,
  policy: Int32Array | null,
  values: Float64Array | null,
  policyOut: Int32Array | null,
): Float64Array {
  const { states: S, actions: A, rowStart, next, prob, reward } = mdp;
  let after = new Float64Array(S);
  let now = new Float64Array(S);
  for (let h = horizon - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      if (policy !== null) {
        const row = s * A + policy[h * S + s]!;
        const end = rowStart[row + 1]!;
        let e = 0;
        for (let k = rowStart[row]!; k < end; k++) e += prob[k]! * after[next[k]!]!;
        now[s] = reward[row]! + e;
        continue;
      }
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let a = 0; a < A; a++) {
        const row = s * A + a;
        const end = rowStart[row + 1]!;
        let e = 0;
        for (let k = rowStart[row]!; k < end; k++) e += prob[k]! * after[next[k]!]!;
        const q = reward[row]! + e;
        if (q > best) {
          best = q;
          arg = a;
        }
      }
      now[s] = best;
      if (policyOut !== null) policyOut[h * S + s] = arg;
    }
    values?.set(now, h * S);
    [after, now] = [now, after];
  }
  return after;
}
