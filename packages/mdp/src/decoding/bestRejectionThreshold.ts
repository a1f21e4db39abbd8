import {
  buildCandidateLengthTree,
  type CandidateLengthProblem,
  evaluateStopRule,
} from './CandidateLengthProblem.ts';

/**
 * The best single SpecDec++ threshold h for a {@link CandidateLengthProblem}: the rule "draft
 * until the probability of at least one rejection exceeds h" is evaluated exactly at every
 * distinct rejection probability of the history tree (between two consecutive ones the rule does
 * not change), and the h of highest throughput is returned (the smallest such h on ties).
 * Cost: O(N D) for N histories with D distinct rejection probabilities.
 *
 * @throws RangeError on an invalid problem or more than 2^21 histories
 *
 * @example
 * const problem = {
 *   acceptance: [0.2, 0.9],
 *   weights: [0.3, 0.7],
 *   draftCost: 0.1,
 *   verifyCost: 1,
 *   maxCandidates: 8,
 * };
 * bestRejectionThreshold(problem).threshold; // stop drafting once P(some rejection) passes it
 *
 * References: Huang, Guo and Wang, "SpecDec++: Boosting Speculative Decoding via Adaptive
 * Candidate Lengths", arXiv:2405.19715 (the threshold policy, tuned there on data).
 */
export function bestRejectionThreshold(problem: CandidateLengthProblem): {
  threshold: number;
  rate: number;
  tokensPerRound: number;
  timePerRound: number;
} {
  const tree = buildCandidateLengthTree('bestRejectionThreshold', problem);
  const { survival } = tree;
  const rejections = Float64Array.from(
    new Set(Array.from(survival, (s) => Math.max(0, 1 - s))),
  ).sort();
  const stop = new Uint8Array(survival.length);
  let best = { threshold: 0, rate: -Infinity, tokensPerRound: 0, timePerRound: 0 };
  for (const h of rejections) {
    for (let i = 0; i < survival.length; i++) stop[i] = 1 - survival[i]! > h ? 1 : 0;
    const r = evaluateStopRule(tree, problem, stop);
    const rate = r.tokensPerRound / r.timePerRound;
    if (rate > best.rate) best = { threshold: h, rate, ...r };
  }
  return best;
}
