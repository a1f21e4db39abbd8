import { exp, log } from '@x/linalg/math';

/**
 * $\log\sum_y e^{v[row + y]}$ over the K entries of one row, shifted by the row's maximum so
 * nothing overflows; with `out`, the shifted exponentials $e^{v - \max}$ are written to
 * `out[0..K)` (their sum is $e^{lse - \max}$). NaN for a row of -Infinity only. No allocation.
 * @internal
 */
export function rowLogSumExp(
  values: ArrayLike<number>,
  row: number,
  K: number,
  out?: Float64Array,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < K; y++) max = Math.max(max, values[row + y]!);
  let sum = 0;
  for (let y = 0; y < K; y++) {
    const e = exp(values[row + y]! - max);
    if (out !== undefined) out[y] = e;
    sum += e;
  }
  return max + log(sum);
}

/**
 * The softmax of one row of K log-weights into `out[0..K)`, in one pass of exponentials;
 * returns the row's log-sum-exp. @internal
 */
export function softmaxRow(
  values: ArrayLike<number>,
  row: number,
  K: number,
  out: Float64Array,
): number {
  const lse = rowLogSumExp(values, row, K, out);
  let total = 0;
  for (let y = 0; y < K; y++) total += out[y]!;
  for (let y = 0; y < K; y++) out[y] = out[y]! / total;
  return lse;
}
