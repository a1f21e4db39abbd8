import gammaln from '@stdlib/math-base-special-gammaln';
import { assertInRange, assertInteger } from '../validate/assert.ts';

/**
 * Log-probability of k successes in n Bernoulli(p) trials, $\log\binom nk + k\log p + (n-k)
 * \log(1-p)$, from log-gammas (no overflow of the binomial coefficient); -Infinity outside
 * $\{0, \dots, n\}$ and at impossible k when p is 0 or 1.
 *
 * The absolute error is a few ulps of $\log\Gamma(n+1)$ (the log-gammas cancel); for n in
 * the millions a saddle-point form (Loader) would keep more digits.
 *
 * @param k - an integer (any; outside [0, n] gives -Infinity)
 * @param n - number of trials, a non-negative integer
 * @param p - success probability, in [0, 1]
 * @throws RangeError if k or n is not an integer, n < 0, or p is outside [0, 1]
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  assertInteger('binomialLogPmf', 'n', n, 0);
  assertInteger('binomialLogPmf', 'k', k, Number.MIN_SAFE_INTEGER);
  assertInRange('binomialLogPmf', 'p', p, 0, 1);
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  const logChoose = gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
  const a = k === 0 ? 0 : k * Math.log(p);
  const b = k === n ? 0 : (n - k) * Math.log1p(-p);
  return logChoose + a + b;
}
