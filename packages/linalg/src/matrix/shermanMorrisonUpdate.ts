import {
  assertArrayLike,
  assertFiniteVector,
  formatValue,
  readOptions,
} from '../validate/assert.ts';

/** Options of {@link shermanMorrisonUpdate}. */
export interface ShermanMorrisonOptions {
  /** Scratch buffer of length 2d; pass one to make the update allocation-free. */
  scratch?: Float64Array;
}

/**
 * Rank-one update of an inverse in place, $O(d^2)$: given $M = A^{-1}$ stored row-major in a
 * Float64Array of length $d^2$, overwrite it with $(A + u v^\top)^{-1} = M - \frac{(Mu)(v^\top
 * M)}{1 + v^\top M u}$. With v omitted (v = u) and a symmetric $M$ (ridge regression, LinUCB)
 * the result is exactly symmetric: $Mu$ is computed once and entry (i, j) subtracts
 * $(w_i w_j) / \text{denominator}$, the same number as entry (j, i).
 *
 * @param inverse - $A^{-1}$, row-major, length $d^2$; overwritten
 * @param u - length d
 * @param v - length d (defaults to u)
 * @returns the denominator $1 + v^\top M u$ (the update is rejected when it is near zero)
 * @throws TypeError on mismatched sizes; RangeError on non-finite input or when $|1 + v^\top M
 * u| \le 10^{-12}$ (the updated matrix is singular); `inverse` is then left unchanged
 *
 * @example
 * const inverse = Float64Array.of(1, 0, 0, 1); // I^-1, row-major
 * shermanMorrisonUpdate(inverse, [1, 0]); // 2 = 1 + u^T u; inverse is now (I + u u^T)^-1 = [[0.5, 0], [0, 1]]
 *
 * References: Sherman and Morrison, "Adjustment of an Inverse Matrix Corresponding to a Change
 * in One Element of a Given Matrix", Ann. Math. Statist. 21(1), 1950; Golub and Van Loan,
 * Matrix Computations, 4th ed., Section 2.1.4.
 */
export function shermanMorrisonUpdate(
  inverse: Float64Array,
  u: ArrayLike<number>,
  v: ArrayLike<number> = u,
  options: ShermanMorrisonOptions = {},
): number {
  const { scratch } = readOptions('shermanMorrisonUpdate', options);
  assertArrayLike('shermanMorrisonUpdate', 'u', u);
  if (!(inverse instanceof Float64Array))
    throw new TypeError(
      `shermanMorrisonUpdate: inverse must be a Float64Array, got ${formatValue(inverse)}`,
    );
  const d = u.length;
  if (inverse.length !== d * d) {
    throw new TypeError(
      `shermanMorrisonUpdate: inverse must have length ${d * d} (d = ${d}), got ${inverse.length}`,
    );
  }
  assertFiniteVector('shermanMorrisonUpdate', 'u', u, d);
  if (v !== u) assertFiniteVector('shermanMorrisonUpdate', 'v', v, d);
  if (scratch !== undefined && scratch.length < 2 * d) {
    throw new TypeError(
      `shermanMorrisonUpdate: scratch must have length >= ${2 * d}, got ${scratch.length}`,
    );
  }
  const buf = scratch ?? new Float64Array(2 * d);
  // mu = M u (first half), vm = v^T M (second half; the same vector when v is u, so that a
  // symmetric M stays exactly symmetric)
  for (let i = 0; i < d; i++) {
    let s = 0;
    const row = i * d;
    for (let j = 0; j < d; j++) s += inverse[row + j]! * u[j]!;
    buf[i] = s;
  }
  if (v === u) {
    for (let j = 0; j < d; j++) buf[d + j] = buf[j]!;
  } else {
    for (let j = 0; j < d; j++) buf[d + j] = 0;
    for (let i = 0; i < d; i++) {
      const vi = v[i]!;
      const row = i * d;
      for (let j = 0; j < d; j++) buf[d + j] = buf[d + j]! + vi * inverse[row + j]!;
    }
  }
  let denom = 1;
  for (let i = 0; i < d; i++) denom += v[i]! * buf[i]!;
  if (!(Math.abs(denom) > 1e-12)) {
    throw new RangeError(
      `shermanMorrisonUpdate: 1 + v^T A^-1 u = ${denom}; the updated matrix is singular`,
    );
  }
  const inv = 1 / denom;
  for (let i = 0; i < d; i++) {
    const wi = buf[i]!;
    const row = i * d;
    for (let j = 0; j < d; j++) inverse[row + j] = inverse[row + j]! - wi * buf[d + j]! * inv;
  }
  return denom;
}
