import type { Rng } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInteger,
  assertOneOf,
  assertPositive,
  assertRng,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { assertTokenTree, copyPolicy, type TokenTree } from './TokenTree.ts';

/** Options of {@link estimateTransferQ}. */
export interface TransferQEstimateOptions {
  /** Continuations rolled out with the baseline from each candidate (prefix, token). */
  readonly rollouts: number;
  /** The reward $r_{BL}$ the baseline was aligned to (indirect transfer); omit for direct transfer. */
  readonly baselineReward?: ArrayLike<number>;
  /** The KL weight $\beta$ the baseline was aligned with (indirect transfer only). */
  readonly beta?: number;
  /**
   * How indirect transfer weighs rollouts by $w = e^{(r - r_{BL})/\beta}$: `'self-normalised'`,
   * $\sum_i w_i r_i / \sum_i w_i$ (consistent); `'unnormalised'`, $\frac1n\sum_i w_i r_i$ (the
   * authors' released code, which skips the normaliser). @default 'self-normalised'
   */
  readonly weighting?: 'self-normalised' | 'unnormalised';
}

/**
 * Transfer Q*'s sampled estimators of $Q^*(s, z)$ with a rollout budget: from every candidate
 * child $sz$, `rollouts` continuations are drawn from the baseline model and scored.
 * - Direct transfer (baseline aligned to the target reward): $\hat Q(s, z) = \frac1n \sum_i
 *   r(y_i)$, which converges to {@link transferQ}'s exact value at rate $n^{-1/2}$. With the
 *   reference policy as the baseline this is controlled decoding's $\hat Q^{\pi_{sft}}$ at the same
 *   budget.
 * - Indirect transfer (baseline aligned to $r_{BL}$ with weight $\beta$): importance weights
 *   $w_i = e^{(r(y_i) - r_{BL}(y_i))/\beta}$ (in log space), self-normalised by default.
 *
 * A child that is a complete response is scored exactly (no rollout). Returns prefixes x V, the
 * layout of {@link transferQ} and {@link tiltedDecoding}.
 *
 * @param baseline - the baseline model's token policy (prefixes x V)
 * @throws TypeError or RangeError on a bad rng, tree, policy or options
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * const aligned = softBackwardInduction(tree, 0.5).policy;
 * const q = estimateTransferQ(createRng(2), tree, aligned, { rollouts: 64 }); // about transferQ(tree, aligned)
 *
 * References: Chakraborty, Ghosal, Yin, Manocha, Wang, Bedi and Huang, "Transfer Q Star:
 * Principled Decoding for LLM Alignment", arXiv:2405.20495 (direct and indirect transfer; the
 * rollout estimators follow the authors' released code, `Soumya1612-Rasha/Transfer-Q`).
 */
export function estimateTransferQ(
  rng: Rng,
  tree: TokenTree,
  baseline: ArrayLike<number>,
  options: TransferQEstimateOptions,
): Float64Array {
  const fn = 'estimateTransferQ';
  assertRng(fn, rng);
  assertTokenTree(fn, tree);
  const p = copyPolicy(fn, 'baseline', tree, baseline);
  const {
    rollouts,
    baselineReward,
    beta,
    weighting = 'self-normalised',
  } = readObject(fn, 'options', options);
  assertInteger(fn, 'rollouts', rollouts, 1, 1 << 20);
  assertOneOf(fn, 'weighting', weighting, ['self-normalised', 'unnormalised']);
  const indirect = baselineReward !== undefined;
  if (indirect) {
    assertFiniteVector(fn, 'baselineReward', baselineReward, tree.responses);
    assertPositive(fn, 'beta', beta);
  } else if (beta !== undefined)
    throw new TypeError(`${fn}: beta is only used with baselineReward (indirect transfer)`);
  const V = tree.vocabulary;
  const I = tree.prefixes;
  if (I * V * rollouts > 1 << 28)
    throw new RangeError(`${fn}: prefixes x V x rollouts must be at most 2^28`);
  const rows = Array.from({ length: I }, (_, n) => p.subarray(n * V, (n + 1) * V));
  const rewards = new Float64Array(rollouts);
  const logWeights = new Float64Array(rollouts);
  const q = new Float64Array(I * V);
  for (let n = 0; n < I; n++)
    for (let z = 0; z < V; z++) {
      const child = V * n + z + 1;
      if (child >= I) {
        q[n * V + z] = tree.reward[child - I]!; // a complete response: exact
        continue;
      }
      for (let i = 0; i < rollouts; i++) {
        let node = child;
        while (node < I) node = V * node + sampleCategoricalUnchecked(rng, rows[node]!) + 1;
        const y = node - I;
        rewards[i] = tree.reward[y]!;
        if (indirect) logWeights[i] = (tree.reward[y]! - baselineReward[y]!) / beta!;
      }
      const value = indirect
        ? weighted(rewards, logWeights, weighting === 'self-normalised')
        : mean(rewards);
      if (!Number.isFinite(value))
        throw new RangeError(
          `${fn}: the importance weights e^{(r - baselineReward)/beta} overflow at prefix ${n}, token ${z} (beta ${beta} is too small for these rewards)`,
        );
      q[n * V + z] = value;
    }
  return q;
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** $\sum w_i r_i / \sum w_i$ (self-normalised, shifted by the largest log-weight) or $\frac1n\sum w_i r_i$. */
function weighted(values: Float64Array, logWeights: Float64Array, normalise: boolean): number {
  if (!normalise) {
    let s = 0;
    for (let i = 0; i < values.length; i++) s += exp(logWeights[i]!) * values[i]!;
    return s / values.length;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const w of logWeights) max = Math.max(max, w);
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    const w = exp(logWeights[i]! - max);
    num += w * values[i]!;
    den += w;
  }
  return num / den;
}
