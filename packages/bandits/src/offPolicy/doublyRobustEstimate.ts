import { RunningStats } from '@x/linalg';
import { assertInRange, formatValue, readOptions } from '@x/linalg/validate';
import { estimateFromTerms, type OffPolicyOptions } from './ipsEstimate.ts';
import {
  checkLoggedData,
  type LoggedBanditData,
  type OffPolicyEstimate,
} from './LoggedBanditData.ts';

/**
 * The doubly robust estimator: $\hat V = \frac1n \sum_i \big[\sum_a \pi(a \mid x_i)\hat r(x_i,
 * a) + \frac{\pi(a_i \mid x_i)}{\mu_i}(r_i - \hat r(x_i, a_i))\big]$. Unbiased when either the
 * propensities or the reward model $\hat r$ are correct, and of lower variance than IPS when
 * the model is good.
 *
 * @param data - logged actions, rewards and logging propensities
 * @param targetProbabilities - row i: the target policy's distribution over all K actions in round i
 * @param predictedRewards - row i: the reward model's prediction for every action in round i
 * @throws TypeError on mismatched shapes; RangeError on invalid data, a target row that is not
 * a distribution, or a non-finite prediction
 *
 * @example
 * // Logged rounds over 2 actions; the target's probabilities and a reward model, per round.
 * const data = { actions: [0, 1, 1], rewards: [1, 0, 1], propensities: [0.5, 0.5, 0.5] };
 * const target = [[0.9, 0.1], [0.9, 0.1], [0.9, 0.1]];
 * const predicted = [[0.8, 0.4], [0.8, 0.4], [0.8, 0.4]];
 * doublyRobustEstimate(data, target, predicted).value;
 *
 * References: Dudik, Langford and Li, "Doubly Robust Policy Evaluation and Learning", ICML
 * 2011, arXiv:1103.4601, Section 3.
 */
export function doublyRobustEstimate(
  data: LoggedBanditData,
  targetProbabilities: ArrayLike<ArrayLike<number>>,
  predictedRewards: ArrayLike<ArrayLike<number>>,
  options: OffPolicyOptions = {},
): OffPolicyEstimate {
  const { level = 0.95 } = readOptions('doublyRobustEstimate', options);
  const fn = 'doublyRobustEstimate';
  const n = data?.actions?.length ?? 0;
  if (targetProbabilities?.length !== n || predictedRewards?.length !== n) {
    throw new TypeError(`${fn}: targetProbabilities and predictedRewards must have ${n} rows`);
  }
  const loggedTarget = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pi = targetProbabilities[i]!;
    const r = predictedRewards[i]!;
    const k = pi?.length;
    if (typeof k !== 'number' || k === 0 || r?.length !== k) {
      throw new TypeError(
        `${fn}: row ${i} of targetProbabilities and predictedRewards must have the same non-zero length`,
      );
    }
    let s = 0;
    for (let a = 0; a < k; a++) {
      const p = pi[a]!;
      if (!(p >= 0 && p <= 1))
        throw new RangeError(
          `${fn}: targetProbabilities[${i}][${a}] must be in [0, 1], got ${formatValue(p)}`,
        );
      if (!Number.isFinite(r[a]))
        throw new RangeError(
          `${fn}: predictedRewards[${i}][${a}] must be finite, got ${formatValue(r[a])}`,
        );
      s += p;
    }
    if (Math.abs(s - 1) > 1e-9 * k)
      throw new RangeError(`${fn}: targetProbabilities[${i}] must sum to 1, got ${s}`);
    const ai = data.actions[i]!;
    if (!(ai < k))
      throw new RangeError(
        `${fn}: data.actions[${i}] = ${formatValue(ai)} is not one of the ${k} actions`,
      );
    loggedTarget[i] = pi[ai]!;
  }
  checkLoggedData(fn, data, loggedTarget);
  assertInRange(fn, 'level', level, 0, 1, { loOpen: true, hiOpen: true });
  const terms = new RunningStats();
  const w = { sum: 0, sumSquares: 0 };
  for (let i = 0; i < n; i++) {
    const pi = targetProbabilities[i]!;
    const r = predictedRewards[i]!;
    let direct = 0;
    for (let a = 0; a < pi.length; a++) direct += pi[a]! * r[a]!;
    const ai = data.actions[i]!;
    const wi = loggedTarget[i]! / data.propensities[i]!;
    w.sum += wi;
    w.sumSquares += wi * wi;
    terms.push(direct + wi * (data.rewards[i]! - r[ai]!));
  }
  return estimateFromTerms(terms, w, level);
}
