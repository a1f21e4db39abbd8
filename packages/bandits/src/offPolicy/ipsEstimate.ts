import { normalQuantile, RunningStats } from '@x/linalg';
import { assertInRange, readOptions } from '@x/linalg/validate';
import {
  checkLoggedData,
  type LoggedBanditData,
  type OffPolicyEstimate,
} from './LoggedBanditData.ts';

/** Options of the importance-weighted estimators. */
export interface OffPolicyOptions {
  /** Confidence level of the interval. @default 0.95 */
  readonly level?: number;
}

/** Finishes an estimate from per-round terms (their mean is the estimate). */
export function estimateFromTerms(
  terms: RunningStats,
  weights: { sum: number; sumSquares: number },
  level: number,
): OffPolicyEstimate {
  const z = normalQuantile(0.5 + level / 2);
  const se = terms.count > 1 ? terms.standardError : Number.POSITIVE_INFINITY;
  return {
    value: terms.mean,
    standardError: se,
    ci: [terms.mean - z * se, terms.mean + z * se],
    level,
    effectiveSampleSize:
      weights.sumSquares > 0 ? (weights.sum * weights.sum) / weights.sumSquares : 0,
  };
}

/**
 * Inverse propensity scoring (Horvitz-Thompson): $\hat V = \frac1n \sum_i \frac{\pi(a_i \mid
 * x_i)}{\mu_i} r_i$, unbiased for the target policy's value when the logging propensities
 * $\mu_i$ are correct and positive wherever the target acts.
 *
 * @param data - logged actions, rewards and logging propensities
 * @param target - $\pi(a_i \mid x_i)$: the target policy's probability of each logged action
 * @throws TypeError or RangeError on mismatched or invalid data (see {@link LoggedBanditData})
 *
 * @example
 * // The target takes the logged action with these probabilities.
 * const data = { actions: [0, 1, 1], rewards: [1, 0, 1], propensities: [0.5, 0.5, 0.5] };
 * const estimate = ipsEstimate(data, [0.9, 0.1, 0.1]);
 * estimate.value; // (0.9 / 0.5 * 1 + 0 + 0.1 / 0.5 * 1) / 3 = 0.667, with estimate.ci
 *
 * References: Horvitz and Thompson, JASA 47, 1952; Dudik, Langford and Li, "Doubly Robust
 * Policy Evaluation and Learning", ICML 2011, arXiv:1103.4601, Section 2.
 */
export function ipsEstimate(
  data: LoggedBanditData,
  target: ArrayLike<number>,
  options: OffPolicyOptions = {},
): OffPolicyEstimate {
  const { level = 0.95 } = readOptions('ipsEstimate', options);
  const n = checkLoggedData('ipsEstimate', data, target);
  assertInRange('ipsEstimate', 'level', level, 0, 1, { loOpen: true, hiOpen: true });
  const terms = new RunningStats();
  const w = { sum: 0, sumSquares: 0 };
  for (let i = 0; i < n; i++) {
    const wi = target[i]! / data.propensities[i]!;
    w.sum += wi;
    w.sumSquares += wi * wi;
    terms.push(wi * data.rewards[i]!);
  }
  return estimateFromTerms(terms, w, level);
}
