import { exp, expm1, log, log1p } from '@x/linalg/math';

/** Below this largest |x| / beta, the soft maximum is beta log1p of a mean of expm1. */
const SMALL_TILT = 0.5;

/**
 * The soft maximum $\beta \log \sum_i \bar w_i e^{x_i/\beta}$ of `count` entries of `x` from
 * `xOffset`, under the weights of `w` from `wOffset` normalised to sum to 1 (entries with $w_i
 * = 0$ are outside the support and ignored). Computed in the units of x, as $x_{max} + \beta\log
 * \sum_i \bar w_i e^{(x_i - x_{max})/\beta}$, so no quotient $x/\beta$ is formed and every $\beta >
 * 0$ gives a finite value (the maximum over the support as $\beta \to 0$); for weak tilts
 * ($|x|/\beta \le 1/2$, as with a large $\beta$) as $\beta\,\mathrm{log1p}(\sum_i \bar w_i
 * \mathrm{expm1}(x_i/\beta))$, which keeps the digits the factor $\beta$ would magnify. Inputs
 * are trusted: finite x, non-negative w with a positive sum over the range. @internal
 */
export function softMaximum(
  x: ArrayLike<number>,
  xOffset: number,
  w: ArrayLike<number>,
  wOffset: number,
  count: number,
  beta: number,
): number {
  let total = 0;
  let top = Number.NEGATIVE_INFINITY;
  let spread = 0;
  for (let i = 0; i < count; i++) {
    const wi = w[wOffset + i]!;
    if (wi > 0) {
      const xi = x[xOffset + i]!;
      total += wi;
      if (xi > top) top = xi;
      const a = xi < 0 ? -xi : xi;
      if (a > spread) spread = a;
    }
  }
  let s = 0;
  if (spread / beta <= SMALL_TILT) {
    for (let i = 0; i < count; i++) {
      const wi = w[wOffset + i]!;
      if (wi > 0) s += (wi / total) * expm1(x[xOffset + i]! / beta);
    }
    return beta * log1p(s);
  }
  // (x - top) / beta is in [-Infinity, 0] and 0 at the top entry: the sum is positive.
  for (let i = 0; i < count; i++) {
    const wi = w[wOffset + i]!;
    if (wi > 0) s += (wi / total) * exp((x[xOffset + i]! - top) / beta);
  }
  return top + beta * log(s);
}
