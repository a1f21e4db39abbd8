import {
  assertArrayLike,
  assertFinite,
  assertFiniteVector,
  formatValue,
} from '../validate/assert.ts';

/**
 * In-place $y \leftarrow a x + y$ (BLAS axpy) on a Float64Array. The inputs are checked before
 * y is touched, so a rejected call leaves y as it was.
 * @returns y
 * @throws TypeError on a length mismatch; RangeError if a or an entry of x is not finite
 *
 * @example
 * axpy(2, [1, 2], Float64Array.of(1, 1)); // y += 2x: [3, 5]
 */
export function axpy(a: number, x: ArrayLike<number>, y: Float64Array): Float64Array {
  assertArrayLike('axpy', 'x', x);
  if (!(y instanceof Float64Array))
    throw new TypeError(`axpy: y must be a Float64Array, got ${formatValue(y)}`);
  const n = x.length;
  if (y.length !== n) {
    throw new TypeError(`axpy: x and y must have equal lengths, got ${n} and ${y.length}`);
  }
  assertFinite('axpy', 'a', a);
  assertFiniteVector('axpy', 'x', x);
  for (let i = 0; i < n; i++) y[i] = y[i]! + a * x[i]!;
  return y;
}
