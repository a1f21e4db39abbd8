import { expm1, log, log1p } from '../math/index.ts';
import { assertInRange, assertNonNegative } from '../validate/assert.ts';
import { klBernoulliUnchecked } from './klBernoulli.ts';

const ONE_MINUS_ULP = 1 - 2 ** -53;

/**
 * A cheap ceiling on `klBernoulliUpperBound`: a $q \ge$ the root of $\mathrm{kl}(p, q) =
 * d$, exact to second order as $d \to 0$. From $\mathrm{kl}(p, q) = \int_p^q \frac{q - x}{x(1-x)}
 * dx \ge \frac{(q-p)^2}{2 m}$ with $m = \max_{[p, q]} x(1 - x)$: for $p \ge 1/2$, $m = p(1-p)$
 * and the ceiling is $p + \sqrt{2 d\, p(1-p)}$; otherwise the root of $(q - p)^2 = 2 d\, q(1 -
 * q)$ when that is at most 1/2, else Pinsker's $p + \sqrt{d/2}$ ($m = 1/4$). Unchecked.
 */
export function klBernoulliUpperBoundCeiling(p: number, d: number): number {
  assertInRange('klBernoulliUpperBoundCeiling', 'p', p, 0, 1);
  assertInRange('klBernoulliUpperBoundCeiling', 'd', d, 0, Number.MAX_VALUE);
  return upperBoundCeiling(p, d);
}

/** {@link klBernoulliUpperBoundCeiling} without its checks, for the KL-UCB hot path. */
function upperBoundCeiling(p: number, d: number): number {
  if (p >= 0.5) return Math.min(1, p + Math.sqrt(2 * d * p * (1 - p)));
  const b = p + d;
  const q = (b + Math.sqrt(Math.max(0, b * b - (1 + 2 * d) * p * p))) / (1 + 2 * d);
  return q <= 0.5 ? q : Math.min(1, p + Math.sqrt(d / 2));
}

/**
 * Largest $q \in [p, 1]$ with $\mathrm{kl}(p, q) \le d$, unchecked. $f(q) = \mathrm{kl}(p, q)
 * - d$ is increasing and convex on $[p, 1]$, so Newton's method started right of the root
 * decreases monotonically to it: no bracketing needed. The start is the smaller of two upper
 * bounds on the root: {@link klBernoulliUpperBoundCeiling} (tight for small d, so that two or
 * three steps reach full precision) and $1 - e^{-(d + H(p))/(1-p)}$ from $\mathrm{kl}(p, q) \ge
 * -H(p) - (1-p)\log(1-q)$ (tight when d is large).
 */
export function klBernoulliUpperBoundUnchecked(p: number, d: number): number {
  if (d <= 0 || p >= 1) return p;
  let q = Math.min(upperBoundCeiling(p, d), ONE_MINUS_ULP);
  if (d > 0.1) {
    const h = p > 0 ? -p * log(p) - (1 - p) * log1p(-p) : 0;
    q = Math.min(q, -expm1(-(d + h) / (1 - p)));
  }
  let f = klBernoulliUnchecked(p, q) - d;
  if (f <= 0) return q === ONE_MINUS_ULP ? 1 : q;
  for (let it = 0; it < 100; it++) {
    const next = Math.max(p, q - (f * q * (1 - q)) / (q - p));
    if (!(q - next > 1e-15 * q)) return next;
    q = next;
    f = klBernoulliUnchecked(p, q) - d;
  }
  return q;
}

/**
 * The upper confidence bound of KL-UCB: the largest $q \in [p, 1]$ with $\mathrm{kl}(p, q) \le
 * d$ (the KL-UCB index is this with $d = (\log t + c \log\log t) / n$).
 *
 * @param p - empirical mean, in [0, 1]
 * @param d - divergence budget, finite and >= 0
 * @returns q in [p, 1], to about 1e-15
 * @throws RangeError if p is outside [0, 1] or d is negative or not finite
 *
 * @example
 * klBernoulliUpperBound(0.5, log(100) / 10) // 0.8879087616458614
 *
 * References: Garivier and Cappe, "The KL-UCB Algorithm for Bounded Stochastic Bandits and
 * Beyond", COLT 2011, arXiv:1102.2490, Section 3.
 */
export function klBernoulliUpperBound(p: number, d: number): number {
  assertInRange('klBernoulliUpperBound', 'p', p, 0, 1);
  assertNonNegative('klBernoulliUpperBound', 'd', d);
  return klBernoulliUpperBoundUnchecked(p, d);
}

/**
 * The lower confidence bound: the smallest $q \in [0, p]$ with $\mathrm{kl}(p, q) \le d$, by
 * the symmetry $\mathrm{kl}(p, q) = \mathrm{kl}(1 - p, 1 - q)$.
 *
 * @param p - empirical mean, in [0, 1]
 * @param d - divergence budget, finite and >= 0
 * @returns q in [0, p], to about 1e-15 absolute
 * @throws RangeError if p is outside [0, 1] or d is negative or not finite
 *
 * References: Garivier and Cappe, arXiv:1102.2490, Section 3.
 */
export function klBernoulliLowerBound(p: number, d: number): number {
  assertInRange('klBernoulliLowerBound', 'p', p, 0, 1);
  assertNonNegative('klBernoulliLowerBound', 'd', d);
  if (d === 0) return p;
  return Math.max(0, 1 - klBernoulliUpperBoundUnchecked(1 - p, d));
}
