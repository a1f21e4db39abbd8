import { assertInteger } from '@x/linalg';
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
  assertInteger('backwardInduction', 'horizon', horizon, 1, 1 << 24);
  const S = mdp.states;
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
