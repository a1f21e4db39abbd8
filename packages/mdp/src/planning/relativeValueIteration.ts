import { assertInRange, assertInteger, assertPositive, readOptions } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';

/** Options of {@link relativeValueIteration}. */
export interface RelativeValueIterationOptions {
  /** Stop when the span of $Th - h$ is at most epsilon: the gain is then known within epsilon/2. @default 1e-6 */
  readonly epsilon?: number;
  /** Aperiodicity transform weight $\tau \in (0, 1]$: iterate on $\tau P + (1 - \tau) I$, which keeps the gain and optimal policies but makes every chain aperiodic. @default 0.5 */
  readonly aperiodicity?: number;
  /** The reference state whose value is pinned to 0. @default 0 */
  readonly referenceState?: number;
  /** A cap on sweeps. @default 1e7 */
  readonly maxIterations?: number;
}

/** The result of {@link relativeValueIteration}. */
export interface AverageRewardResult {
  /** The optimal long-run average reward (gain), the midpoint of the bracket below. */
  readonly gain: number;
  /** Bounds on the gain: $\min_s (Th - h)(s) \le g^* \le \max_s (Th - h)(s)$. */
  readonly gainBounds: readonly [number, number];
  /** Relative values (bias) h with $h(\text{reference}) = 0$. */
  readonly bias: Float64Array;
  /** A greedy policy with respect to h. */
  readonly policy: Int32Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Relative value iteration for average-reward MDPs: $h_{k+1} = Th_k - (Th_k)(s_0)\mathbf 1$
 * with $Th(s) = \max_a [R(s,a) + \sum_{s'} P(s'|s,a)h(s')]$ on the aperiodicity-transformed
 * model. For unichain or communicating models, $\min_s (Th - h)(s) \le g^* \le \max_s (Th -
 * h)(s)$ at every step, and the span of $Th - h$ tends to 0; it stops when the span is at most
 * epsilon, so the reported gain is within epsilon/2 of $g^*$.
 *
 * @param mdp - the model (unichain or communicating)
 * @throws RangeError on a bad option
 *
 * @example
 * const { gain, gainBounds } = relativeValueIteration(riverSwim(6));
 * // gain: the best long-run reward per step; gainBounds[0] <= gain <= gainBounds[1]
 *
 * References: Puterman, Markov Decision Processes, 1994, Sections 8.5.4-8.5.5 (relative value
 * iteration, Theorem 8.5.5 for the gain bounds) and 8.5.4 (the aperiodicity transformation).
 */
export function relativeValueIteration(
  mdp: Mdp,
  options: RelativeValueIterationOptions = {},
): AverageRewardResult {
  const {
    epsilon = 1e-6,
    aperiodicity = 0.5,
    referenceState = 0,
    maxIterations = 1e7,
  } = readOptions('relativeValueIteration', options);
  const fn = 'relativeValueIteration';
  assertMdp(fn, mdp);
  assertPositive(fn, 'epsilon', epsilon);
  assertInRange(fn, 'aperiodicity', aperiodicity, 0, 1, { loOpen: true });
  const S = mdp.states;
  const A = mdp.actions;
  assertInteger(fn, 'referenceState', referenceState, 0, S - 1);
  assertInteger(fn, 'maxIterations', maxIterations, 1);
  let h = new Float64Array(S);
  let th = new Float64Array(S);
  const policy = new Int32Array(S);
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations) {
    lo = Number.POSITIVE_INFINITY;
    hi = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        // transformed model: reward tau R, transitions tau P + (1 - tau) I
        const v =
          aperiodicity * mdp.reward[s * A + a]! +
          aperiodicity * mdp.expectedNext(s, a, h) +
          (1 - aperiodicity) * h[s]!;
        if (v > best) {
          best = v;
          policy[s] = a;
        }
      }
      th[s] = best;
      const d = best - h[s]!;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    iterations++;
    const ref = th[referenceState]!;
    for (let s = 0; s < S; s++) th[s] = th[s]! - ref;
    [h, th] = [th, h];
    if (hi - lo <= epsilon * aperiodicity) break;
  }
  // The transformed model has gain tau g* and the same bias: from g_tau + h = tau R + (tau P +
  // (1 - tau) I) h, dividing by tau gives g_tau / tau + h = R + P h.
  const bounds: [number, number] = [lo / aperiodicity, hi / aperiodicity];
  return {
    gain: (bounds[0] + bounds[1]) / 2,
    gainBounds: bounds,
    bias: h,
    policy,
    iterations,
    converged: bounds[1] - bounds[0] <= epsilon,
  };
}
