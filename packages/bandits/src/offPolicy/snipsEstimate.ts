import { normalQuantile } from '@x/linalg';
import { assertInRange, readOptions } from '@x/linalg/validate';
import type { OffPolicyOptions } from './ipsEstimate.ts';
import {
  checkLoggedData,
  type LoggedBanditData,
  type OffPolicyEstimate,
} from './LoggedBanditData.ts';

/**
 * Self-normalised inverse propensity scoring: $\hat V = \sum_i w_i r_i / \sum_i w_i$ with $w_i
 * = \pi(a_i \mid x_i)/\mu_i$. Slightly biased, but bounded by the reward range and usually of
 * much lower variance than IPS. The standard error is the delta-method one, $\sqrt{\sum_i w_i^2
 * (r_i - \hat V)^2} / \sum_i w_i$.
 *
 * @param data - logged actions, rewards and logging propensities
 * @param target - $\pi(a_i \mid x_i)$ for each logged action
 * @throws TypeError or RangeError on mismatched or invalid data, or when every weight is zero
 *
 * @example
 * const data = { actions: [0, 1, 1], rewards: [1, 0, 1], propensities: [0.5, 0.5, 0.5] };
 * snipsEstimate(data, [0.9, 0.1, 0.1]).value; // (1.8 + 0.2) / (1.8 + 0.2 + 0.2) = 0.909
 *
 * References: Swaminathan and Joachims, "The Self-Normalized Estimator for Counterfactual
 * Learning", NeurIPS 2015, Section 4.
 */
export function snipsEstimate(
  data: LoggedBanditData,
  target: ArrayLike<number>,
  options: OffPolicyOptions = {},
): OffPolicyEstimate {
  const { level = 0.95 } = readOptions('snipsEstimate', options);
  const n = checkLoggedData('snipsEstimate', data, target);
  assertInRange('snipsEstimate', 'level', level, 0, 1, { loOpen: true, hiOpen: true });
  let sw = 0;
  let sw2 = 0;
  let swr = 0;
  for (let i = 0; i < n; i++) {
    const w = target[i]! / data.propensities[i]!;
    sw += w;
    sw2 += w * w;
    swr += w * data.rewards[i]!;
  }
  if (!(sw > 0))
    throw new RangeError('snipsEstimate: the target gives probability 0 to every logged action');
  const value = swr / sw;
  let dev = 0;
  for (let i = 0; i < n; i++) {
    const w = target[i]! / data.propensities[i]!;
    const e = data.rewards[i]! - value;
    dev += w * w * e * e;
  }
  const se = Math.sqrt(dev) / sw;
  const z = normalQuantile(0.5 + level / 2);
  return {
    value,
    standardError: se,
    ci: [value - z * se, value + z * se],
    level,
    effectiveSampleSize: (sw * sw) / sw2,
  };
}
