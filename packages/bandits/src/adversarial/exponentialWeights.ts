import { exp } from '@x/linalg/math';

/**
 * Exponential weights $w_i \propto e^{-\eta x_i}$ over `indices` (all of `x` when null), written
 * normalised into `out` (other entries 0). The exponent is shifted by the extreme value (the
 * smallest x for $\eta > 0$, the largest for $\eta < 0$) so nothing overflows: losses take
 * $\eta > 0$, gains $-\eta$. @internal
 */
export function exponentialWeights(
  x: Float64Array,
  indices: ArrayLike<number> | null,
  eta: number,
  out: Float64Array,
): Float64Array {
  const n = indices === null ? x.length : indices.length;
  const at = (i: number) => (indices === null ? i : indices[i]!);
  let m = eta > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) m = eta > 0 ? Math.min(m, x[at(i)]!) : Math.max(m, x[at(i)]!);
  out.fill(0);
  let z = 0;
  for (let i = 0; i < n; i++) {
    const w = exp(-eta * (x[at(i)]! - m));
    out[at(i)] = w;
    z += w;
  }
  for (let i = 0; i < n; i++) out[at(i)] = out[at(i)]! / z;
  return out;
}
