import { luSolve, Matrix, type Rng } from '@x/linalg';
import {
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertPositive,
  assertRng,
  MAX_ROUNDS,
  readObject,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import { assertPolicy } from '../model/assertPolicy.ts';
import type { Mdp } from '../model/Mdp.ts';

/** Options of {@link lstd}. */
export interface LstdOptions {
  /** Number of transitions along one trajectory of the policy. */
  readonly steps: number;
  /** Features $\phi(s)$, row-major S x d. @default one-hot (tabular, d = S) */
  readonly features?: ArrayLike<number>;
  /** Feature dimension d (required with `features`). */
  readonly dim?: number;
  /** Ridge term added to A for a well-posed solve. @default 1e-6 */
  readonly ridge?: number;
  /** Starting state. @default 0 */
  readonly start?: number;
}

/**
 * Least-squares temporal difference (LSTD(0)) policy evaluation: from one trajectory, $A =
 * \sum_t \phi(s_t)(\phi(s_t) - \gamma\phi(s_{t+1}))^\top$, $b = \sum_t \phi(s_t) r_t$, and $\theta =
 * (A + \epsilon I)^{-1} b$, so $V(s) \approx \phi(s)^\top\theta$. With one-hot features this is the
 * value of the policy in the empirical model, without step sizes to tune.
 *
 * @returns $\theta$ (length d) and the values $\Phi\theta$ (length S)
 * @throws RangeError or TypeError on bad arguments
 *
 * @example
 * const mdp = chain(5, 0.2);
 * const policy = Int32Array.of(0, 0, 0, 0, 1); // forward, and back from the end
 * lstd(createRng(1), mdp, 0.9, policy, { steps: 20_000 }).values; // evaluatePolicy's within 1e-3
 *
 * References: Bradtke and Barto, "Linear Least-Squares Algorithms for Temporal Difference
 * Learning", Machine Learning 22, 1996; Boyan, "Technical Update: Least-Squares Temporal
 * Difference Learning", Machine Learning 49, 2002.
 */
export function lstd(
  rng: Rng,
  mdp: Mdp,
  gamma: number,
  policy: ArrayLike<number>,
  options: LstdOptions,
): { theta: Float64Array; values: Float64Array } {
  const fn = 'lstd';
  assertRng(fn, rng);
  assertMdp(fn, mdp);
  const { steps, features, dim, ridge = 1e-6, start = 0 } = readObject(fn, 'options', options);
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertInteger(fn, 'steps', steps, 1, MAX_ROUNDS);
  assertPositive(fn, 'ridge', ridge);
  const S = mdp.states;
  const A = mdp.actions;
  assertInteger(fn, 'start', start, 0, S - 1);
  assertPolicy(fn, mdp, policy);
  const d = features === undefined ? S : (dim ?? 0);
  assertInteger(fn, 'dim', d, 1, 4096);
  const phi = new Float64Array(S * d);
  if (features === undefined) for (let s = 0; s < S; s++) phi[s * d + s] = 1;
  else {
    assertFiniteVector(fn, 'features', features, S * d);
    phi.set(features);
  }
  const a = new Float64Array(d * d);
  const b = new Float64Array(d);
  let s = start;
  for (let t = 0; t < steps; t++) {
    const act = policy[s]!;
    const next = mdp.sampleNext(rng, s, act);
    const r = mdp.reward[s * A + act]!;
    for (let i = 0; i < d; i++) {
      const pi = phi[s * d + i]!;
      if (pi === 0) continue;
      b[i] = b[i]! + pi * r;
      for (let j = 0; j < d; j++)
        a[i * d + j] = a[i * d + j]! + pi * (phi[s * d + j]! - gamma * phi[next * d + j]!);
    }
    s = next;
  }
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) m.set(i, j, a[i * d + j]! + (i === j ? ridge : 0));
  const theta = luSolve(m, b);
  const values = new Float64Array(S);
  for (let x = 0; x < S; x++) {
    let v = 0;
    for (let i = 0; i < d; i++) v += phi[x * d + i]! * theta[i]!;
    values[x] = v;
  }
  return { theta, values };
}
