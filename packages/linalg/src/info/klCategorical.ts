import { log } from '../math/index.ts';
import { assertProbabilityVector } from '../validate/assert.ts';

/**
 * Kullback-Leibler divergence $\mathrm{KL}(p \,\|\, q) = \sum_i p_i \log(p_i / q_i)$ in nats,
 * with $0 \log(0/q) = 0$ and $+\infty$ when some $p_i > 0 = q_i$.
 *
 * @param p - a probability vector
 * @param q - a probability vector of the same length
 * @returns a value in $[0, +\infty]$
 * @throws RangeError if p or q is not a probability vector; TypeError on a length mismatch
 *
 * @example
 * klCategorical([0.5, 0.5], [0.9, 0.1]); // 0.511 nats
 *
 * References: Cover and Thomas, Elements of Information Theory, 2nd ed., Section 2.3.
 */
export function klCategorical(p: ArrayLike<number>, q: ArrayLike<number>): number {
  assertProbabilityVector('klCategorical', 'p', p);
  assertProbabilityVector('klCategorical', 'q', q, p.length);
  let kl = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi === 0) continue;
    const qi = q[i]!;
    if (qi === 0) return Number.POSITIVE_INFINITY;
    kl += pi * log(pi / qi);
  }
  return Math.max(0, kl);
}
