import { assertArrayLike, assertFiniteVector } from '../validate/assert.ts';

/**
 * The inner product $\sum_i x_i y_i$ of two vectors of equal length. Finiteness is checked on
 * the result (one comparison); only a non-finite result pays for locating the bad entry.
 * @throws TypeError on a length mismatch; RangeError naming a non-finite entry, or on overflow
 *
 * @example
 * dot([1, 2, 3], [4, 5, 6]); // 32
 */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  assertArrayLike('dot', 'x', x);
  assertArrayLike('dot', 'y', y);
  const n = x.length;
  if (y.length !== n) {
    throw new TypeError(`dot: x and y must have equal lengths, got ${n} and ${y.length}`);
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
  if (!Number.isFinite(s)) {
    assertFiniteVector('dot', 'x', x);
    assertFiniteVector('dot', 'y', y);
    throw new RangeError(`dot: the inner product overflowed to ${s}`);
  }
  return s;
}
