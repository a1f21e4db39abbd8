/**
 * In-place $y \leftarrow a x + y$ (BLAS axpy) on a Float64Array.
 * @returns y
 * @throws TypeError on a length mismatch
 */
export function axpy(a: number, x: ArrayLike<number>, y: Float64Array): Float64Array {
  const n = x.length;
  if (y.length !== n)
    throw new TypeError(`axpy: x and y must have equal lengths, got ${n} and ${y.length}`);
  for (let i = 0; i < n; i++) y[i] = y[i]! + a * x[i]!;
  return y;
}
