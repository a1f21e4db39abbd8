import { logBeta } from '@x/linalg';
import { exp } from '@x/linalg/math';
import { assertPositive } from '@x/linalg/validate';

/** Which semivalue: Shapley, Banzhaf, or Beta(alpha, beta) Shapley. */
export type Semivalue = 'shapley' | 'banzhaf' | { readonly alpha: number; readonly beta: number };

/**
 * The weight $p(s)$ of each subset of size s = 0..n-1 not containing the point, so that the
 * semivalue is $\phi_i = \sum_{S \subseteq N \setminus i} p(|S|)(U(S \cup i) - U(S))$:
 * Shapley $p(s) = s!(n-1-s)!/n!$; Banzhaf $p(s) = 2^{-(n-1)}$; Beta$(\alpha, \beta)$
 * $p(s) = B(s + \beta, n - 1 - s + \alpha)/B(\alpha, \beta)$ (Beta(1, 1) is Shapley). Each
 * satisfies $\sum_s \binom{n-1}{s} p(s) = 1$. Computed in log space. @internal
 *
 * References: Kwon and Zou, "Beta Shapley: a Unified and Noise-reduced Data Valuation
 * Framework", arXiv:2110.14049, Section 3; Wang and Jia, "Data Banzhaf", arXiv:2205.15466.
 */
export function semivalueWeights(fn: string, n: number, semivalue: Semivalue): Float64Array {
  const out = semivalueLogWeights(fn, n, semivalue);
  for (let s = 0; s < n; s++) out[s] = exp(out[s]!);
  return out;
}

/**
 * $\log p(s)$ of {@link semivalueWeights}, finite for every n: for Banzhaf at n >= 1076,
 * $2^{-(n-1)}$ underflows to 0 while its log is $-(n-1)\log 2$. @internal
 */
export function semivalueLogWeights(fn: string, n: number, semivalue: Semivalue): Float64Array {
  const out = new Float64Array(n);
  if (semivalue === 'banzhaf') return out.fill(-(n - 1) * Math.LN2);
  const [alpha, beta] = semivalue === 'shapley' ? [1, 1] : [semivalue?.alpha, semivalue?.beta];
  if (semivalue !== 'shapley' && (typeof semivalue !== 'object' || semivalue === null))
    throw new RangeError(
      `${fn}: semivalue must be 'shapley', 'banzhaf' or { alpha, beta }, got ${String(semivalue)}`,
    );
  assertPositive(fn, 'alpha', alpha);
  assertPositive(fn, 'beta', beta);
  const base = logBeta(alpha, beta);
  for (let s = 0; s < n; s++) out[s] = logBeta(s + beta, n - 1 - s + alpha) - base;
  return out;
}
