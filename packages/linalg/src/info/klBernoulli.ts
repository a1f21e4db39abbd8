import { log, log1p } from '../math/index.ts';
import { assertInRange } from '../validate/assert.ts';

/**
 * {@link klBernoulli} without checks. Near the diagonal ($|q - p| \le \min(p, 1-p)/2$) it is
 * written with $\delta = q - p$ as $-p\,\mathrm{log1p}(\delta/p) - (1-p)\,\mathrm{log1p}(-\delta/
 * (1-p))$, which keeps full relative precision where the naive $\log(p/q)$ loses it (and with
 * it the KL-UCB index's last digits); elsewhere as differences of logarithms, which cannot
 * overflow for tiny p.
 */
export function klBernoulliUnchecked(p: number, q: number): number {
  if (p === 0) return -log1p(-q);
  if (p === 1) return -log(q);
  const delta = q - p;
  const kl =
    Math.abs(delta) <= 0.5 * Math.min(p, 1 - p)
      ? -p * log1p(delta / p) - (1 - p) * log1p(-delta / (1 - p))
      : p * (log(p) - log(q)) + (1 - p) * (log1p(-p) - log1p(-q));
  return Math.max(kl, 0);
}

/**
 * Bernoulli Kullback-Leibler divergence $\mathrm{kl}(p, q) = p \log\frac{p}{q} + (1-p)\log
 * \frac{1-p}{1-q}$ in nats, with $0 \log 0 = 0$.
 *
 * @param p - in [0, 1]
 * @param q - in [0, 1]
 * @returns a value in $[0, +\infty]$ ($+\infty$ when q is 0 or 1 and differs from p)
 * @throws RangeError if p or q is outside [0, 1]
 *
 * @example
 * klBernoulli(0.5, 0.9); // 0.511 nats
 */
export function klBernoulli(p: number, q: number): number {
  assertInRange('klBernoulli', 'p', p, 0, 1);
  assertInRange('klBernoulli', 'q', q, 0, 1);
  return klBernoulliUnchecked(p, q);
}
