import { assertArrayLike, assertFiniteVector } from '../validate/assert.ts';

/** Returns a norm, or throws naming the non-finite entry responsible for a non-finite one. */
function checked(fn: string, x: ArrayLike<number>, value: number): number {
  if (!Number.isFinite(value)) assertFiniteVector(fn, 'x', x);
  return value;
}

/**
 * Euclidean norm $\|x\|_2$, scaled by the largest magnitude first so that it neither overflows
 * nor underflows (as LAPACK's dnrm2).
 * @throws RangeError naming a non-finite entry
 */
export function norm2(x: ArrayLike<number>): number {
  assertArrayLike('norm2', 'x', x);
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return checked('norm2', x, scale);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i]! / scale;
    s += r * r;
  }
  return scale * Math.sqrt(s);
}

/**
 * The $\ell_1$ norm $\sum_i |x_i|$.
 * @throws RangeError naming a non-finite entry
 *
 * @example
 * norm1([3, -4]); // 7; norm2([3, -4]) is 5 and normInf([3, -4]) is 4
 */
export function norm1(x: ArrayLike<number>): number {
  assertArrayLike('norm1', 'x', x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i]!);
  return checked('norm1', x, s);
}

/**
 * The max norm $\max_i |x_i|$ (0 for an empty vector).
 * @throws RangeError naming a non-finite entry
 */
export function normInf(x: ArrayLike<number>): number {
  assertArrayLike('normInf', 'x', x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(x[i]!));
  return checked('normInf', x, s);
}
