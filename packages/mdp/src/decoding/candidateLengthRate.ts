import { assertInRange, assertInteger, readObject } from '@x/linalg/validate';
import {
  buildCandidateLengthTree,
  type CandidateLengthProblem,
  evaluateStopRule,
} from './CandidateLengthProblem.ts';

/** A candidate-length rule: a fixed number of candidates, or the SpecDec++ threshold rule. */
export type CandidateLengthRule =
  | { readonly candidates: number }
  | { readonly rejectionThreshold: number };

/**
 * Exact throughput of a candidate-length rule on a {@link CandidateLengthProblem}: `{ candidates:
 * K }` always drafts K tokens (standard speculative decoding); `{ rejectionThreshold: h }` drafts
 * until the probability that at least one drafted token is rejected, $1 - \prod_i \alpha_i$,
 * exceeds h, or `maxCandidates` is reached (SpecDec++). The threshold rule always drafts at
 * least one token, since nothing is rejected before drafting; `{ candidates: 0 }` is plain
 * decoding with the target model.
 *
 * @returns expected tokens and time per round and their ratio, the throughput
 * @throws RangeError on an invalid problem or rule
 *
 * @example
 * const problem = {
 *   acceptance: [0.2, 0.9],
 *   weights: [0.3, 0.7],
 *   draftCost: 0.1,
 *   verifyCost: 1,
 *   maxCandidates: 8,
 * };
 * candidateLengthRate(problem, { candidates: 4 }).rate; // tokens per unit time, always 4 drafts
 *
 * References: Huang, Guo and Wang, "SpecDec++: Boosting Speculative Decoding via Adaptive
 * Candidate Lengths", arXiv:2405.19715.
 */
export function candidateLengthRate(
  problem: CandidateLengthProblem,
  rule: CandidateLengthRule,
): { rate: number; tokensPerRound: number; timePerRound: number } {
  const fn = 'candidateLengthRate';
  const tree = buildCandidateLengthTree(fn, problem);
  const given: { candidates?: number; rejectionThreshold?: number } = readObject(fn, 'rule', rule);
  const { survival, depthStart } = tree;
  const stop = new Uint8Array(survival.length);
  if (Object.hasOwn(given, 'candidates')) {
    assertInteger(fn, 'rule.candidates', given.candidates, 0, problem.maxCandidates);
    for (let i = depthStart[given.candidates as number]!; i < survival.length; i++) stop[i] = 1;
  } else if (Object.hasOwn(given, 'rejectionThreshold')) {
    assertInRange(fn, 'rule.rejectionThreshold', given.rejectionThreshold, 0, 1);
    for (let i = 0; i < survival.length; i++)
      stop[i] = 1 - survival[i]! > (given.rejectionThreshold as number) ? 1 : 0;
  } else {
    throw new TypeError(`${fn}: rule must have 'candidates' or 'rejectionThreshold'`);
  }
  const r = evaluateStopRule(tree, problem, stop);
  return { rate: r.tokensPerRound / r.timePerRound, ...r };
}
