import { log, log1p } from '../math/index.ts';
import { productError } from '../numeric/productError.ts';
import { assertInRange, assertInteger } from '../validate/assert.ts';
import { deviance, stirlingError } from './stirlingError.ts';

const LOG_2PI = log(2 * Math.PI);

/**
 * Log-probability of k successes in n Bernoulli(p) trials, $\log\binom nk p^k (1-p)^{n-k}$;
 * -Infinity outside $\{0, \dots, n\}$ and at impossible k when p is 0 or 1.
 *
 * Computed in Loader's saddle-point form $\delta(n) - \delta(k) - \delta(n-k) - D(k, np) -
 * D(n-k, n(1-p)) - \tfrac12\log(2\pi k(n-k)/n)$ with the Stirling error $\delta$ and the
 * deviance $D$ evaluated without cancellation, so the result keeps a relative accuracy of a few
 * ulps of its own size for every n up to $2^{53}$ (the plain difference of log-gammas loses all
 * digits near n = 1e15). The products $np$ and $n(1-p)$ are corrected by their exact rounding
 * errors, so their rounding is not amplified at large n.
 *
 * @param k - an integer (any; outside [0, n] gives -Infinity)
 * @param n - number of trials, a non-negative integer
 * @param p - success probability, in [0, 1]
 * @throws RangeError if k or n is not an integer, n < 0, or p is outside [0, 1]
 *
 * @example
 * binomialLogPmf(5, 10, 0.5) // log(252 / 1024) = -1.4020427180880297
 *
 * References: Loader, "Fast and Accurate Computation of Binomial Probabilities", 2000.
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  assertInteger('binomialLogPmf', 'n', n, 0);
  assertInteger('binomialLogPmf', 'k', k, Number.MIN_SAFE_INTEGER);
  assertInRange('binomialLogPmf', 'p', p, 0, 1);
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  const q = 1 - p;
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p === 1) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  if (k === 0) return n * log1p(-p);
  if (k === n) return n * log(p);
  // n p and n q carry a rounding of eps n p, which D(k, m) would amplify by |1 - k/m| n p:
  // correct to first order with the exact rounding errors, D(k, m + e) = D(k, m) + e (1 - k/m)
  // (q = fl(1 - p) itself misses 1 - p - q, recovered exactly by Knuth's two-sum).
  const np = n * p;
  const nq = n * q;
  const qb = q - 1;
  const qError = 1 - (q - qb) + (-p - qb);
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    deviance(k, np) -
    productError(n, p, np) * (1 - k / np) -
    deviance(n - k, nq) -
    (productError(n, q, nq) + n * qError) * (1 - (n - k) / nq);
  return lc - 0.5 * (LOG_2PI + log(k) + log1p(-k / n));
}
