import { expm1, log } from '@x/linalg/math';
import { assertInRange, assertInteger } from '@x/linalg/validate';

/**
 * Expected number of tokens one speculative-decoding round emits when K candidates are drafted
 * and each is accepted independently with probability $\alpha$: the accepted prefix plus the one
 * token the target model always adds (a resample at the first rejection, or a bonus token after
 * K acceptances), $\sum_{i=0}^{K}\alpha^i = (1 - \alpha^{K+1})/(1 - \alpha)$, and $K + 1$ at
 * $\alpha = 1$.
 *
 * @param alpha - per-token acceptance probability, in [0, 1]
 * @param candidates - K, a non-negative integer
 * @throws RangeError on bad arguments
 *
 * @example
 * expectedTokensPerRound(0.8, 4); // (1 - 0.8^5) / (1 - 0.8) = 3.3616 tokens per target pass
 *
 * References: Leviathan, Kalman and Matias, arXiv:2211.17192, Equation (1); Huang, Guo and
 * Wang, arXiv:2405.19715.
 */
export function expectedTokensPerRound(alpha: number, candidates: number): number {
  const fn = 'expectedTokensPerRound';
  assertInRange(fn, 'alpha', alpha, 0, 1);
  assertInteger(fn, 'candidates', candidates, 0);
  if (alpha === 1) return candidates + 1;
  // -expm1((K + 1) log alpha) / (1 - alpha) keeps full precision when alpha is near 1.
  return alpha === 0 ? 1 : -expm1((candidates + 1) * log(alpha)) / (1 - alpha);
}
