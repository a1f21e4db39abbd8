import gammaln from '@stdlib/math-base-special-gammaln';
import { log } from '../math/index.ts';

const HALF_LOG_2PI = 0.5 * log(2 * Math.PI);
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/**
 * The error of Stirling's formula, $\delta(z) = \log\Gamma(z + 1) - (z + \tfrac12)\log z + z -
 * \tfrac12\log 2\pi$, for $z > 0$: by its asymptotic series $\frac1{12z} - \frac1{360z^3} + \dots$
 * above 15 (five terms, accurate to an ulp there), else from the log-gamma directly. @internal
 *
 * References: Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000, Section 2.
 */
export function stirlingError(z: number): number {
  if (z <= 15) return gammaln(z + 1) - (z + 0.5) * log(z) + z - HALF_LOG_2PI;
  const zz = z * z;
  if (z > 500) return (S0 - S1 / zz) / z;
  if (z > 80) return (S0 - (S1 - S2 / zz) / zz) / z;
  if (z > 35) return (S0 - (S1 - (S2 - S3 / zz) / zz) / zz) / z;
  return (S0 - (S1 - (S2 - (S3 - S4 / zz) / zz) / zz) / zz) / z;
}

/**
 * The deviance term $D(x, m) = x\log(x/m) + m - x \ge 0$ for $x \ge 0$, $m > 0$, without the
 * cancellation of its two large parts when $x \approx m$ (a series in $v = (x - m)/(x + m)$,
 * $D = (x - m)v + 2x\sum_{j \ge 1} v^{2j+1}/(2j+1)$, used for $|x - m| < 0.1(x + m)$, where it
 * converges by a factor $v^2 < 0.01$ a term). @internal
 *
 * References: Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000, Section 2.
 */
export function deviance(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) return devianceSeries(x, x - m, x + m);
  return x * log(x / m) + m - x;
}

/**
 * The series of {@link deviance} given $x$, $x - m$ and $x + m$ (so callers that know $x - m$
 * exactly pass it without rounding): $D = (x - m)v + 2x\sum_{j \ge 1} v^{2j+1}/(2j+1)$ with $v =
 * (x - m)/(x + m)$, for $|v| < 0.1$, where each term shrinks by $v^2 < 0.01$: 40 terms bound the
 * loop far below an ulp. @internal
 */
export function devianceSeries(x: number, diff: number, sum: number): number {
  let v = diff / sum;
  let s = diff * v;
  let term = 2 * x * v;
  v *= v;
  for (let j = 1; j < 40; j++) {
    term *= v;
    const next = s + term / (2 * j + 1);
    if (next === s) return next;
    s = next;
  }
  return s;
}
