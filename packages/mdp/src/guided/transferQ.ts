import { assertFiniteVector, assertPositive, readOptions } from '@x/linalg/validate';
import { assertTokenTree, copyPolicy, type TokenTree } from './TokenTree.ts';
import { childEntries, tiltedSequenceLaw } from './tiltedSequenceLaw.ts';

/** Options of {@link transferQ}: set both for indirect transfer. */
export interface TransferQOptions {
  /** The reward $r_{BL}$ the baseline model was aligned to, one per response; omit when it is the target reward (direct transfer). */
  readonly baselineReward?: ArrayLike<number>;
  /** The KL weight $\beta$ the baseline was aligned with (needed for indirect transfer). */
  readonly beta?: number;
}

/**
 * Transfer Q*: estimates the token-level $Q^*(s,z) = E_{\rho^*}[r \mid sz]$ of the target reward
 * from a baseline model $\rho_{BL}$ that is already aligned.
 *
 * - Direct transfer ($\rho_{BL}$ aligned to the target reward): $\hat Q(s,z) = E_{y \sim
 *   \rho_{BL}}[r(y) \mid sz]$.
 * - Indirect transfer ($\rho_{BL}$ aligned to another reward $r_{BL}$ with weight $\beta$, so
 *   $\rho_{BL} \propto \rho_{ref} e^{r_{BL}/\beta}$): the target optimum is $\rho^* \propto
 *   \rho_{BL}\, e^{(r - r_{BL})/\beta}$, and $\hat Q(s,z) = E_{\tilde\rho}[r \mid sz]$ for that
 *   reweighted law. The paper estimates this expectation by importance weights over sampled
 *   responses; on a tree small enough to enumerate, the expectation is computed exactly (one
 *   backward pass in log space), so the estimate is exact whenever $\rho_{BL}$ is exactly aligned.
 *
 * Decode with {@link tiltedDecoding}.
 *
 * @param baseline - the baseline model's token policy (prefixes x V)
 * @throws TypeError or RangeError on an invalid policy, reward or beta
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * // Direct transfer: a baseline aligned to the target reward (here the exact optimum, beta = 0.5).
 * const baseline = softBackwardInduction(tree, 0.5).policy;
 * const q = transferQ(tree, baseline); // Q*(s, z), the optimum's expected reward after sz
 * decodingOutcome(tree, tiltedDecoding(tree, q, 1 / 0.5)).expectedReward;
 *
 * References: Chakraborty et al., "Transfer Q Star: Principled Decoding for LLM Alignment",
 * arXiv:2405.20495 (direct and indirect transfer, as in the released code).
 */
export function transferQ(
  tree: TokenTree,
  baseline: ArrayLike<number>,
  options: TransferQOptions = {},
): Float64Array {
  const { baselineReward, beta } = readOptions('transferQ', options);
  const fn = 'transferQ';
  assertTokenTree(fn, tree);
  const p = copyPolicy(fn, 'baseline', tree, baseline);
  if (baselineReward === undefined) {
    if (beta !== undefined)
      throw new TypeError(`${fn}: beta is only used with baselineReward (indirect transfer)`);
    return childEntries(tree, tiltedSequenceLaw(tree, p).value);
  }
  assertFiniteVector(fn, 'baselineReward', baselineReward, tree.responses);
  assertPositive(fn, 'beta', beta);
  const law = tiltedSequenceLaw(tree, p, {
    weight: (y) => tree.reward[y]! - baselineReward[y]!,
    beta,
  });
  return childEntries(tree, law.value);
}
