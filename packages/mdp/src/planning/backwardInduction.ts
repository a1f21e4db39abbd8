import { assertInteger, MAX_ARRAY_LENGTH } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';

/** The result of finite-horizon planning. */
export interface FiniteHorizonResult {
  /** values[h][s]: the optimal value with h steps to go (h = 0..H), values[0] = 0. */
  readonly values: Float64Array[];
  /** policy[h][s]: the optimal action with h + 1 steps to go (h = 0..H-1). */
  readonly policy: Int32Array[];
}

/**
 * Finite-horizon backward induction: $V_0 = 0$, $V_{h}(s) = \max_a [R(s,a) + \sum_{s'}
 * P(s'|s,a)V_{h-1}(s')]$ for h = 1..H, exact in H sweeps (undiscounted).
 *
 * @param mdp - the model
 * @param horizon - H >= 1
 * @throws RangeError if the horizon is not a positive integer
 *
 * References: Puterman, Markov Decision Processes, 1994, Section 4.5.
 */
export function backwardInduction(mdp: Mdp, horizon: number): FiniteHorizonResult {
  assertMdp('backwardInduction', mdp);
  assertInteger('backwardInduction', 'horizon', horizon, 1, 1 << 24);
  const S = mdp.states;
  if ((horizon + 1) * S > MAX_ARRAY_LENGTH)
    throw new RangeError(
      `backwardInduction: (horizon + 1) x states must be at most ${MAX_ARRAY_LENGTH}, got ${(horizon + 1) * S}`,
    );
  let rmax = 0;
  for (let i = 0; i < mdp.reward.length; i++) rmax = Math.max(rmax, Math.abs(mdp.reward[i]!));
  if (!(rmax * horizon <= Number.MAX_VALUE / 4))
    throw new RangeError(
      `backwardInduction: the value scale max|R| x horizon = ${rmax * horizon} overflows`,
    );
  const A = mdp.actions;
  const values = [new Float64Array(S)];
  const policy: Int32Array[] = [];
  for (let h = 1; h <= horizon; h++) {
    const prev = values[h - 1]!;
    const v = new Float64Array(S);
    const pi = new Int32Array(S);
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const q = mdp.reward[s * A + a]! + mdp.expectedNext(s, a, prev);
        if (q > best) {
          best = q;
          pi[s] = a;
        }
      }
      v[s] = best;
    }
    values.push(v);
    policy.push(pi);
  }
  return { values, policy };
}
