import type { Rng } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertOneOf,
  assertRng,
  MAX_ARRAY_LENGTH,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';

/** Options of {@link selectResponses}. */
export interface SelectResponsesOptions {
  /**
   * `'best-of-n'`: the k distinct samples with the highest scores; `'majority'`: the k most
   * frequent; `'best-of-majority'`: among samples at least `threshold` x n times frequent, the k
   * with the highest scores (the most frequent when none is that frequent).
   */
  readonly strategy: 'best-of-n' | 'majority' | 'best-of-majority';
  /** The number of samples N drawn from the policy. */
  readonly n: number;
  /** The most responses submitted (Pass@k). @default 1 */
  readonly k?: number;
  /** What the selector ranks by, per response of the prompt (a reward model). @default the true rewards */
  readonly scores?: ArrayLike<number>;
  /** Best-of-majority's frequency threshold $\alpha \in (0, 1]$. @default 0.1 */
  readonly threshold?: number;
  /** The policy sampled from, as log-probabilities over the prompt's responses. @default the reference */
  readonly logPolicy?: ArrayLike<number>;
}

/**
 * Inference-time selection for Pass@k: draw n responses to a prompt, submit at most k. Best-of-n
 * ranks the distinct samples by the scores, majority voting by their counts, and best-of-majority
 * first keeps the samples seen at least $\alpha n$ times and then ranks them by the scores. Under
 * a reward model that overrates a rare bad response, best-of-n finds that response more often as
 * n grows, while best-of-majority filters it out, so its Pass@k regret does not degrade with n.
 * Ties (equal scores or counts) go to the lower response index. Returns the submitted responses,
 * best first.
 *
 * @throws TypeError on a bad rng or problem; RangeError on a bad prompt or options
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 3, rewards: [1, 0.5, 0], reference: [0.3, 0.69, 0.01] });
 * // A reward model that overrates the rare response 2:
 * selectResponses(createRng(1), problem, 0, { strategy: 'best-of-majority', n: 200, scores: [1, 0.5, 3] });
 *
 * References: Di, Ji, Li, Zhao and Gu, "Best-of-Majority: Minimax-Optimal Strategy for Pass@k
 * Inference Scaling", arXiv:2510.03199.
 */
export function selectResponses(
  rng: Rng,
  problem: AlignmentProblem,
  prompt: number,
  options: SelectResponsesOptions,
): Int32Array {
  const fn = 'selectResponses';
  assertRng(fn, rng);
  if (!(problem instanceof AlignmentProblem))
    throw new TypeError(`${fn}: problem must be an AlignmentProblem`);
  assertInteger(fn, 'prompt', prompt, 0, problem.prompts - 1);
  const K = problem.responses;
  const row = prompt * K;
  const {
    strategy,
    n,
    k = 1,
    scores = problem.rewards.subarray(row, row + K),
    threshold = 0.1,
    logPolicy = problem.logReference.subarray(row, row + K),
  } = readObject(fn, 'options', options);
  assertOneOf(fn, 'strategy', strategy, ['best-of-n', 'majority', 'best-of-majority']);
  assertInteger(fn, 'n', n, 1, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'k', k, 1, K);
  assertFiniteVector(fn, 'scores', scores, K);
  assertInRange(fn, 'threshold', threshold, 0, 1, { loOpen: true });
  assertFiniteVector(fn, 'logPolicy', logPolicy, K, { max: 0 });
  const weights = Float64Array.from({ length: K }, (_, y) => exp(logPolicy[y]!));
  let total = 0;
  for (const w of weights) total += w;
  if (!(Math.abs(total - 1) <= 1e-9 * K))
    throw new RangeError(`${fn}: logPolicy must be log-probabilities summing to 1, got ${total}`);
  const counts = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const y = sampleCategoricalUnchecked(rng, weights);
    counts[y] = counts[y]! + 1;
  }
  let eligible = Array.from({ length: K }, (_, y) => y).filter((y) => counts[y]! > 0);
  if (strategy === 'best-of-majority') {
    const frequent = eligible.filter((y) => counts[y]! >= threshold * n);
    if (frequent.length > 0) eligible = frequent;
    else {
      // None frequent enough: fall back to majority voting.
      eligible.sort((a, b) => counts[b]! - counts[a]! || a - b);
      return Int32Array.from(eligible.slice(0, k));
    }
  }
  const key = strategy === 'majority' ? counts : scores;
  eligible.sort((a, b) => key[b]! - key[a]! || a - b);
  return Int32Array.from(eligible.slice(0, k));
}
