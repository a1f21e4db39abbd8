/**
 * The rounding error of a floating-point product: $ab - \mathrm{fl}(ab)$ exactly, for $p =
 * \mathrm{fl}(ab)$ (Dekker's product with Veltkamp's splitting, IEEE basic operations only, so
 * the same bits in every engine; valid while $|a|, |b| < 2^{996}$ and the product neither
 * overflows nor underflows). @internal
 *
 * References: Dekker, "A Floating-Point Technique for Extending the Available Precision",
 * Numer. Math. 18, 1971.
 */
export function productError(a: number, b: number, p: number): number {
  const ca = 134217729 * a; // 2^27 + 1
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
