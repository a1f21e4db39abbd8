import { assertFiniteVector, assertInRange, readOptions } from '../validate/assert.ts';
import { studentTQuantile } from './studentTQuantile.ts';

/** Result of an ordinary least-squares line fit $y = a + b x$. */
export interface LineFit {
  /** Fitted slope b. */
  readonly slope: number;
  /** Fitted intercept a. */
  readonly intercept: number;
  /** Standard error of the slope, $\sqrt{\hat\sigma^2 / S_{xx}}$. */
  readonly slopeStdError: number;
  /** Confidence interval of the slope, $b \pm t_{n-2} \cdot \mathrm{se}$. */
  readonly slopeCi: readonly [number, number];
  /** Confidence level of `slopeCi`. */
  readonly level: number;
  /** Coefficient of determination $R^2$ (1 when y is constant and fitted exactly). */
  readonly r2: number;
  /** Number of points. */
  readonly n: number;
}

/** Options of {@link fitLine} and {@link fitLogLogSlope}. */
export interface LineFitOptions {
  /** Confidence level of the slope interval. @default 0.95 */
  level?: number;
}

/**
 * Ordinary least-squares fit of $y = a + b x$ with the slope's standard error and its
 * Student-t confidence interval ($n - 2$ degrees of freedom; exact under i.i.d. Gaussian
 * residuals). Centred sums, so large offsets in x do not cost precision.
 *
 * @param x - finite abscissae, at least 3 and not all equal
 * @param y - finite ordinates of the same length
 * @throws TypeError on a length mismatch; RangeError on fewer than 3 points, non-finite values,
 * constant x or a bad level
 *
 * @example
 * fitLine([1, 2, 3, 4], [2.1, 3.9, 6.2, 7.8]).slope; // 1.94, with its standard error and interval
 *
 * References: Montgomery, Peck and Vining, Introduction to Linear Regression Analysis, 5th ed.,
 * Sections 2.2-2.4.
 */
export function fitLine(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: LineFitOptions = {},
): LineFit {
  const { level = 0.95 } = readOptions('fitLine', options);
  return fitLineNamed('fitLine', x, y, level);
}

/** {@link fitLine} with the caller's name in error messages. */
export function fitLineNamed(
  fn: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  level: number,
): LineFit {
  assertFiniteVector(fn, 'x', x);
  assertFiniteVector(fn, 'y', y, x.length);
  assertInRange(fn, 'level', level, 0, 1, { loOpen: true, hiOpen: true });
  const n = x.length;
  if (n < 3) throw new RangeError(`${fn}: need at least 3 points, got ${n}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError(`${fn}: x must not be constant`);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = Math.max(0, syy - slope * sxy);
  const slopeStdError = Math.sqrt(sse / (n - 2) / sxx);
  const t = studentTQuantile(0.5 + level / 2, n - 2);
  const r2 = syy > 0 ? 1 - sse / syy : 1;
  return {
    slope,
    intercept,
    slopeStdError,
    slopeCi: [slope - t * slopeStdError, slope + t * slopeStdError],
    level,
    r2,
    n,
  };
}
