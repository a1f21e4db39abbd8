import betainc from '@stdlib/math-base-special-betainc';
import { exp, log, log1p } from '../math/index.ts';
import { gaussLegendre } from '../numeric/gaussLegendre.ts';
import { productError } from '../numeric/productError.ts';
import { assertInRange, assertPositive } from '../validate/assert.ts';
import { devianceSeries, stirlingError } from './stirlingError.ts';

/** Below this, both shape parameters are served by stdlib's `betainc` (accurate to ~1e-12 there). */
const LARGE_SHAPE = 1000;
const LOG_2PI = log(2 * Math.PI);

/**
 * The regularized incomplete beta function $I_x(a, b) = \frac{1}{B(a,b)}\int_0^x t^{a-1}
 * (1-t)^{b-1} dt$: the CDF of Beta(a, b) at x.
 *
 * Below 1000 in either shape it is stdlib's `betainc`. When both shapes are at least 1000
 * (where stdlib loses digits, and past 1e8 returns values outside [0, 1]), the smaller tail is
 * integrated directly: the density is written as $e^{\delta(n) - \delta(a) - \delta(b) - D(a,
 * nt) - D(b, n(1-t))}\sqrt{ab/(2\pi n)}/(t(1-t))$ with $n = a + b$, the Stirling error $\delta$
 * and the deviance $D$ (no cancellation of terms of size n), and integrated by 20-point
 * Gauss-Legendre panels from x away from the mean, each panel as wide as the smaller of the
 * standard deviation and the density's log-slope length at x, until a panel adds less than
 * $10^{-17}$ of the sum (the density is log-concave, so the tail beyond decays at least
 * geometrically); relative accuracy is then near $10^{-14}$ for shapes up to $10^{15}$.
 *
 * @param x - in [0, 1]
 * @param a - > 0
 * @param b - > 0
 * @param upper - return the upper tail $1 - I_x(a, b)$ computed directly (accurate when it
 * is tiny), default false
 * @throws RangeError if x is outside [0, 1] or a, b are not finite and positive
 *
 * @example
 * regularizedBeta(0.5, 2, 2) // 0.5
 *
 * References: Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000 (the
 * Stirling error and deviance terms).
 */
export function regularizedBeta(x: number, a: number, b: number, upper = false): number {
  assertInRange('regularizedBeta', 'x', x, 0, 1);
  assertPositive('regularizedBeta', 'a', a);
  assertPositive('regularizedBeta', 'b', b);
  if (a < LARGE_SHAPE || b < LARGE_SHAPE) return betainc(x, a, b, true, upper);
  if (x === 0) return upper ? 1 : 0;
  if (x === 1) return upper ? 0 : 1;
  const n = a + b;
  const lowerTail = x * n <= a;
  const tail = betaTail(x, a, b, lowerTail);
  return lowerTail === !upper ? tail : 1 - tail;
}

/** $\int_0^x$ (lower) or $\int_x^1$ (upper) of the Beta(a, b) density, for a, b >= 1000. */
function betaTail(x: number, a: number, b: number, lower: boolean): number {
  const n = a + b;
  const logC =
    stirlingError(n) - stirlingError(a) - stirlingError(b) + 0.5 * (log((a * b) / n) - LOG_2PI);
  // The density depends on t through delta = n t - a (and n(1 - t) - b = -delta): n x - a is
  // formed exactly (Dekker's product), so no rounding of size eps * a enters the exponent.
  const nx = n * x;
  const dx = nx - a + productError(n, x, nx);
  const sd = Math.sqrt((a * b) / (n * n * (n + 1)));
  const slope = Math.abs((a - 1) / x - (b - 1) / (1 - x));
  const h = Math.min(sd, 1 / slope);
  const { nodes, weights } = gaussLegendre(20);
  const dir = lower ? -1 : 1;
  let sum = 0;
  // At most 400 panels: the geometric decay brings a panel below 1e-17 of the sum after ~40.
  for (let j = 0; j < 400; j++) {
    let s0 = dir * j * h;
    let s1 = dir * (j + 1) * h;
    const last = lower ? x + s1 <= 0 : x + s1 >= 1;
    if (last) s1 = lower ? -x : 1 - x;
    if (j === 0) s0 = 0;
    const mid = 0.5 * (s0 + s1);
    const half = 0.5 * (s1 - s0);
    let panel = 0;
    for (let i = 0; i < nodes.length; i++) {
      const offset = mid + half * nodes[i]!;
      const t = x + offset;
      if (t <= 0 || t >= 1) continue;
      const delta = dx + n * offset;
      const logF =
        logC - devianceFromMean(a, delta) - devianceFromMean(b, -delta) - log(t * (1 - t));
      panel += weights[i]! * exp(logF);
    }
    panel *= Math.abs(half);
    sum += panel;
    if (last || panel <= 1e-17 * sum) break;
  }
  return Math.min(sum, 1);
}

/** $D(a, a + \delta) = \delta - a\log(1 + \delta/a)$, the deviance as a function of the offset. */
function devianceFromMean(a: number, delta: number): number {
  const m = a + delta;
  // The series of `deviance` with x - m = -delta exactly, x + m = 2a + delta.
  if (Math.abs(delta) < 0.1 * (a + m)) return devianceSeries(a, -delta, a + m);
  return delta - a * log1p(delta / a);
}
