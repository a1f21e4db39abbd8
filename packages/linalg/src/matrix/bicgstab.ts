import {
  assertFiniteVector,
  assertFunction,
  assertInteger,
  assertPositive,
  readOptions,
} from '../validate/assert.ts';

/** Options of {@link bicgstab}. */
export interface BicgstabOptions {
  /** Stop when $\|b - Ax\|_2 \le \text{tolerance}\cdot\|b\|_2$. @default 1e-12 */
  readonly tolerance?: number;
  /** Iteration cap. @default 10 n */
  readonly maxIterations?: number;
  /** Starting point (length n). @default zeros */
  readonly initialGuess?: ArrayLike<number>;
}

/** The outcome of {@link bicgstab}. */
export interface IterativeSolution {
  readonly x: Float64Array;
  readonly iterations: number;
  /** Relative residual $\|b - Ax\|_2 / \|b\|_2$ of the returned x. */
  readonly relativeResidual: number;
  readonly converged: boolean;
}

/**
 * Solves $A x = b$ for a general (non-symmetric) square A given only as a matrix-vector
 * product, by the stabilised bi-conjugate gradient method. Each iteration costs two products and
 * O(n) work; nothing is allocated inside the loop. Suits large sparse systems such as $(I -
 * \gamma P_\pi)V = R_\pi$ in policy evaluation.
 *
 * @param matvec - writes $A v$ into `out`
 * @param b - right-hand side, length n
 * @throws TypeError if matvec is not a function; RangeError on a non-finite right-hand side, bad
 * options, or a matvec that returns a non-finite product
 *
 * @example
 * // Solve [[4, 1], [1, 3]] x = [1, 2] given only the product with the matrix.
 * const matvec = (v: Float64Array, out: Float64Array) => {
 *   out[0] = 4 * v[0]! + v[1]!;
 *   out[1] = v[0]! + 3 * v[1]!;
 * };
 * bicgstab(matvec, [1, 2]).x; // [1/11, 7/11]
 *
 * References: van der Vorst, "Bi-CGSTAB: A Fast and Smoothly Converging Variant of Bi-CG for
 * the Solution of Nonsymmetric Linear Systems", SIAM J. Sci. Stat. Comput. 13(2), 1992;
 * Saad, Iterative Methods for Sparse Linear Systems, 2nd ed., Algorithm 7.7.
 */
export function bicgstab(
  matvec: (v: Float64Array, out: Float64Array) => void,
  b: ArrayLike<number>,
  options: BicgstabOptions = {},
): IterativeSolution {
  const { tolerance = 1e-12, maxIterations, initialGuess } = readOptions('bicgstab', options);
  const fn = 'bicgstab';
  assertFunction(fn, 'matvec', matvec);
  assertFiniteVector(fn, 'b', b);
  const n = b.length;
  assertPositive(fn, 'tolerance', tolerance);
  const cap = maxIterations ?? 10 * n + 10;
  assertInteger(fn, 'maxIterations', cap, 1);
  const x = new Float64Array(n);
  if (initialGuess !== undefined) {
    assertFiniteVector(fn, 'initialGuess', initialGuess, n);
    x.set(initialGuess);
  }
  const r = new Float64Array(n);
  const rHat = new Float64Array(n);
  const p = new Float64Array(n);
  const v = new Float64Array(n);
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  matvec(x, t);
  let bNorm = 0;
  for (let i = 0; i < n; i++) {
    r[i] = b[i]! - t[i]!;
    rHat[i] = r[i]!;
    bNorm += b[i]! * b[i]!;
  }
  bNorm = Math.sqrt(bNorm) || 1;
  const residual = () => {
    let q = 0;
    for (let i = 0; i < n; i++) q += r[i]! * r[i]!;
    return Math.sqrt(q) / bNorm;
  };
  const nonFinite = () =>
    new RangeError(`${fn}: matvec returned a non-finite product (the operator must be finite)`);
  let rel = residual();
  if (!Number.isFinite(rel)) throw nonFinite();
  if (rel <= tolerance) return { x, iterations: 0, relativeResidual: rel, converged: true };
  let rho = 1;
  let alpha = 1;
  let omega = 1;
  let iterations = 0;
  while (iterations < cap) {
    iterations++;
    let rhoNew = 0;
    for (let i = 0; i < n; i++) rhoNew += rHat[i]! * r[i]!;
    if (rhoNew === 0) break; // breakdown: the caller falls back to a direct solve
    const beta = (rhoNew / rho) * (alpha / omega);
    for (let i = 0; i < n; i++) p[i] = r[i]! + beta * (p[i]! - omega * v[i]!);
    matvec(p, v);
    let rv = 0;
    for (let i = 0; i < n; i++) rv += rHat[i]! * v[i]!;
    if (!Number.isFinite(rv)) throw nonFinite();
    if (rv === 0) break; // breakdown: the direction is orthogonal to the shadow residual
    alpha = rhoNew / rv;
    for (let i = 0; i < n; i++) s[i] = r[i]! - alpha * v[i]!;
    matvec(s, t);
    let ts = 0;
    let tt = 0;
    for (let i = 0; i < n; i++) {
      ts += t[i]! * s[i]!;
      tt += t[i]! * t[i]!;
    }
    if (!Number.isFinite(ts) || !Number.isFinite(tt)) throw nonFinite();
    omega = tt > 0 ? ts / tt : 0;
    for (let i = 0; i < n; i++) {
      x[i] = x[i]! + alpha * p[i]! + omega * s[i]!;
      r[i] = s[i]! - omega * t[i]!;
    }
    rho = rhoNew;
    rel = residual();
    if (rel <= tolerance || omega === 0) break;
  }
  // The recursive residual drifts: report the true one.
  matvec(x, t);
  for (let i = 0; i < n; i++) r[i] = b[i]! - t[i]!;
  rel = residual();
  if (!Number.isFinite(rel)) throw nonFinite();
  return { x, iterations, relativeResidual: rel, converged: rel <= tolerance * 10 };
}
