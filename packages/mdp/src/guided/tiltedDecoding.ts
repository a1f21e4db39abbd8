import { exp } from '@x/linalg/math';
import { assertFiniteVector, assertInRange } from '@x/linalg/validate';
import { assertTokenTree, type TokenTree } from './TokenTree.ts';

/**
 * Value-guided decoding: $\pi_\alpha(z \mid s) \propto \pi_{ref}(z \mid s)\, e^{\alpha Q(s,z)}$,
 * the maximiser at each prefix of $E_\pi[Q(s,\cdot)] - \frac1\alpha \mathrm{KL}(\pi \|
 * \pi_{ref}(\cdot \mid s))$. The deviation parameter $\alpha \ge 0$ sets how far decoding moves
 * from the reference ($\alpha = 0$ is the reference itself). With $Q = Q^{\pi_{sft}}$ this is
 * controlled decoding; with the estimate of {@link transferQ}, Transfer Q*.
 *
 * @param q - Q-values, prefixes x V (finite)
 * @param alpha - the deviation parameter, finite and >= 0
 * @returns the decoding policy, prefixes x V
 * @throws TypeError or RangeError on a bad q or alpha
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * const q = continuationValue(tree, tree.reference);
 * const policy = tiltedDecoding(tree, q, 2); // pi(z | s) proportional to ref(z | s) e^{2 Q(s, z)}
 * decodingOutcome(tree, policy).expectedReward; // above the reference policy's
 *
 * References: Chakraborty et al., "Transfer Q Star: Principled Decoding for LLM Alignment",
 * arXiv:2405.20495 (the decoding policy and its parameter alpha, as in the released code).
 */
export function tiltedDecoding(tree: TokenTree, q: ArrayLike<number>, alpha: number): Float64Array {
  const fn = 'tiltedDecoding';
  assertTokenTree(fn, tree);
  const V = tree.vocabulary;
  assertFiniteVector(fn, 'q', q, tree.prefixes * V);
  assertInRange(fn, 'alpha', alpha, 0, Number.POSITIVE_INFINITY, { hiOpen: true });
  const out = new Float64Array(tree.prefixes * V);
  const ref = tree.reference;
  for (let n = 0; n < tree.prefixes; n++) {
    // Shift by the largest Q before scaling: alpha (Q - Q_max) is in [-Infinity, 0], so no
    // alpha large enough to overflow alpha Q gives NaN; alpha = 0 gives the reference exactly.
    let max = Number.NEGATIVE_INFINITY;
    for (let z = 0; z < V; z++) if (ref[n * V + z]! > 0) max = Math.max(max, q[n * V + z]!);
    let sum = 0;
    for (let z = 0; z < V; z++) {
      const p = ref[n * V + z]!;
      const d = q[n * V + z]! - max;
      const w = p > 0 ? (alpha === 0 || d === 0 ? p : p * exp(alpha * d)) : 0;
      out[n * V + z] = w;
      sum += w;
    }
    for (let z = 0; z < V; z++) out[n * V + z] = out[n * V + z]! / sum;
  }
  return out;
}
