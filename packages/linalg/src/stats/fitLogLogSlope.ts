import { log } from '../math/index.ts';
import { assertArrayLike, readOptions } from '../validate/assert.ts';
import { fitLineNamed, type LineFit, type LineFitOptions } from './fitLine.ts';

/**
 * Fits $\log y = a + s \log x$ by least squares: the exponent s of a power law $y \approx C
 * x^s$, with its confidence interval. The bench uses it to check regret rates: $s \approx 1/2$
 * for $\sqrt T$ regret, $s \to 0$ for $\log T$.
 *
 * @param x - positive finite abscissae (e.g. horizons T), at least 3 distinct
 * @param y - positive finite ordinates (e.g. mean regret)
 * @returns the line fit in log-log coordinates (`slope` is s, `intercept` is $\log C$)
 * @throws RangeError if an entry is not positive and finite, or as {@link fitLine}
 *
 * @example
 * const T = [100, 1000, 10000];
 * fitLogLogSlope(T, T.map(Math.sqrt)).slope // 0.5
 */
export function fitLogLogSlope(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: LineFitOptions = {},
): LineFit {
  const { level = 0.95 } = readOptions('fitLogLogSlope', options);
  const fn = 'fitLogLogSlope';
  assertArrayLike(fn, 'x', x);
  assertArrayLike(fn, 'y', y);
  const lx = new Float64Array(x.length);
  const ly = new Float64Array(y.length);
  for (let i = 0; i < x.length; i++) {
    if (!(x[i]! > 0) || !Number.isFinite(x[i]))
      throw new RangeError(`${fn}: x[${i}] must be positive and finite, got ${x[i]}`);
    lx[i] = log(x[i]!);
  }
  for (let i = 0; i < y.length; i++) {
    if (!(y[i]! > 0) || !Number.isFinite(y[i]))
      throw new RangeError(`${fn}: y[${i}] must be positive and finite, got ${y[i]}`);
    ly[i] = log(y[i]!);
  }
  return fitLineNamed(fn, lx, ly, level);
}
