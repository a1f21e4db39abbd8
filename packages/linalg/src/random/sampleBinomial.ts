import gammaln from '@stdlib/math-base-special-gammaln';
import { exp, log, log1p } from '../math/index.ts';
import { assertInRange, assertInteger, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/** Inversion by sequential search; exact, used while $n \min(p, 1-p) < 10$. */
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  let pmf = exp(n * log1p(-p));
  let cdf = pmf;
  const u = rng.nextFloat64();
  let k = 0;
  while (u >= cdf && k < n) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
}

/** Hormann's BTRS transformed rejection with squeeze, for $n p \ge 10$ and $p \le 1/2$. */
function binomialBtrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = gammaln(m + 1) + gammaln(n - m + 1);
  for (;;) {
    const u = rng.nextFloat64() - 0.5;
    const v = rng.nextFloat64();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const lhs = log((v * alpha) / (a / (us * us) + b));
    const rhs = h - gammaln(k + 1) - gammaln(n - k + 1) + (k - m) * lpq;
    if (lhs <= rhs) return k;
  }
}

/**
 * A Binomial(n, p) draw: the number of successes in n independent Bernoulli(p) trials. Exact
 * inversion when $n \min(p, 1 - p) < 10$, otherwise Hormann's BTRS rejection sampler (constant
 * expected time in n); $p > 1/2$ is handled by symmetry.
 *
 * @param rng - the random source
 * @param n - number of trials, a non-negative safe integer
 * @param p - success probability, in [0, 1]
 * @returns an integer in [0, n]
 * @throws RangeError if n is not a non-negative integer or p is outside [0, 1]
 *
 * @example
 * sampleBinomial(createRng(1), 100, 0.3); // successes in 100 trials, mean 30
 *
 * References: Hormann, "The Generation of Binomial Random Variates", J. Statist. Comput.
 * Simul. 46, 1993 (algorithm BTRS).
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  assertRng('sampleBinomial', rng);
  assertInteger('sampleBinomial', 'n', n, 0);
  assertInRange('sampleBinomial', 'p', p, 0, 1);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const k = n * pp < 10 ? binomialInversion(rng, n, pp) : binomialBtrs(rng, n, pp);
  return flip ? n - k : k;
}
