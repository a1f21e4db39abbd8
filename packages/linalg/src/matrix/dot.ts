/**
 * The inner product $\sum_i x_i y_i$ of two vectors of equal length.
 * @throws TypeError on a length mismatch
 */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n)
    throw new TypeError(`dot: x and y must have equal lengths, got ${n} and ${y.length}`);
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
  return s;
}
