import type { Rng } from '@x/linalg';
import { assertProbabilityVector, assertRng, sampleCategoricalUnchecked } from '@x/linalg/validate';

/** The outcome of one {@link speculativeSample} step. */
export interface SpeculativeSample {
  /** The emitted token; its law is exactly the target distribution. */
  readonly token: number;
  /** Whether the draft token was accepted (false: the token was resampled from the residual). */
  readonly accepted: boolean;
}

/**
 * One step of speculative sampling: draw $x \sim q$ from the draft distribution, accept it with
 * probability $\min(1, p(x)/q(x))$, otherwise draw from the residual $(p - q)_+ / \|(p - q)_+\|_1$.
 * The emitted token has law exactly $p$, and the acceptance probability is $\alpha = \sum_x
 * \min(p(x), q(x)) = 1 - \mathrm{TV}(p, q)$.
 *
 * @param rng - the random source
 * @param target - the target model's next-token distribution p
 * @param draft - the draft model's distribution q, same length
 * @throws RangeError if either is not a probability vector or the lengths differ
 *
 * @example
 * const { token, accepted } = speculativeSample(createRng(1), [0.5, 0.3, 0.2], [0.2, 0.5, 0.3]);
 * // token is distributed exactly as the target [0.5, 0.3, 0.2]; P(accepted) = sum min(p, q) = 0.7
 *
 * References: Leviathan, Kalman and Matias, "Fast Inference from Transformers via Speculative
 * Decoding", arXiv:2211.17192; Chen et al., "Accelerating Large Language Model Decoding with
 * Speculative Sampling", arXiv:2302.01318; used as the verification step in Huang, Guo and Wang,
 * "SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths", arXiv:2405.19715.
 */
export function speculativeSample(
  rng: Rng,
  target: ArrayLike<number>,
  draft: ArrayLike<number>,
): SpeculativeSample {
  assertRng('speculativeSample', rng);
  const fn = 'speculativeSample';
  assertProbabilityVector(fn, 'target', target);
  assertProbabilityVector(fn, 'draft', draft, target.length);
  const x = sampleCategoricalUnchecked(rng, draft);
  const p = target[x]!;
  const q = draft[x]!;
  if (p >= q || rng.nextFloat64() * q < p) return { token: x, accepted: true };
  const residual = new Float64Array(target.length);
  for (let i = 0; i < residual.length; i++) residual[i] = Math.max(0, target[i]! - draft[i]!);
  // p(x) < q(x) here, so the residual has positive mass (both vectors sum to one).
  return { token: sampleCategoricalUnchecked(rng, residual), accepted: false };
}
