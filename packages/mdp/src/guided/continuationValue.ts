import { assertTokenTree, copyPolicy, type TokenTree } from './TokenTree.ts';
import { childEntries, tiltedSequenceLaw } from './tiltedSequenceLaw.ts';

/**
 * The Q-function of a token policy on a {@link TokenTree}: $Q^\pi(s, z) = E_{y \sim \pi}[r(y) \mid
 * \text{prefix } sz]$, row-major (prefixes x V). With the reference policy this is the
 * $Q^{\pi_{sft}}$ of controlled decoding (the baseline that Transfer Q* improves on); with the
 * optimum of {@link softBackwardInduction} it is the exact $Q^*$.
 *
 * @throws TypeError or RangeError on an invalid policy (naming the prefix)
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * const values = continuationValue(tree, tree.reference); // Q_ref: expected reward after each prefix
 *
 * References: Mudgal et al., "Controlled Decoding from Language Models", arXiv:2310.17022;
 * Chakraborty et al., "Transfer Q Star", arXiv:2405.20495 (the paper's body was not read).
 */
export function continuationValue(tree: TokenTree, policy: ArrayLike<number>): Float64Array {
  assertTokenTree('continuationValue', tree);
  const p = copyPolicy('continuationValue', 'policy', tree, policy);
  return childEntries(tree, tiltedSequenceLaw(tree, p).value);
}
