import { klCategorical } from '@x/linalg';
import { assertFiniteVector, assertPositive } from '@x/linalg/validate';
import { decodingOutcome, prefixReach } from './decodingOutcome.ts';
import { softBackwardInduction } from './softBackwardInduction.ts';
import { assertTokenTree, type TokenTree } from './TokenTree.ts';
import { tiltedDecoding } from './tiltedDecoding.ts';

/** The suboptimality of value-guided decoding and its bound, from {@link decodingGap}. */
export interface DecodingGap {
  /** $E_{\rho^*}[r] - E_{\pi_\alpha}[r]$: reward lost against the KL-regularised optimum (negative when decoding strays further from the reference than $\rho^*$ and collects more raw reward). */
  readonly rewardGap: number;
  /** $J_\beta(\rho^*) - J_\beta(\pi_\alpha) = \beta\,\mathrm{KL}(\pi_\alpha \| \rho^*) \ge 0$, with $J_\beta = E[r] - \beta\,\mathrm{KL}(\cdot \| \rho_{ref})$. */
  readonly regularizedGap: number;
  /** The bound on `rewardGap`: $\frac1\alpha E_{\pi_\alpha}[\sum_t \mathrm{KL}(\pi^*(\cdot|s_t) \| \pi_{ref}(\cdot|s_t))] + 2L\|\hat Q - Q^*\|_\infty$. */
  readonly bound: number;
  /** $\|\hat Q - Q^*\|_\infty$, the error of the Q-estimate that guided decoding. */
  readonly qError: number;
  /** $\mathrm{KL}(\pi_\alpha \| \rho_{ref})$ of the decoding policy. */
  readonly klToReference: number;
}

/**
 * How far decoding with $\pi_\alpha \propto \pi_{ref} e^{\alpha \hat Q}$ falls short of the
 * KL-regularised optimum $\rho^*$ (weight $\beta$), with a bound in the form of Transfer Q*'s
 * suboptimality theorem: the gap shrinks as the estimate $\hat Q$ approaches $Q^* = E_{\rho^*}[r
 * \mid sz]$, and the remaining term is the price of the deviation parameter $\alpha$:
 * $$E_{\rho^*}[r] - E_{\pi_\alpha}[r] \le \frac1\alpha E_{\pi_\alpha}\Big[\sum_{t<L}
 * \mathrm{KL}(\pi^*(\cdot|s_t) \| \pi_{ref}(\cdot|s_t))\Big] + 2L\|\hat Q - Q^*\|_\infty.$$
 *
 * Proof (stated here because this is the form checked): by the performance-difference lemma on
 * the tree, the gap is $\sum_t E_{s_t \sim \pi_\alpha}[\pi^* Q^*(s_t) - \pi_\alpha Q^*(s_t)]$;
 * at each prefix $\pi_\alpha$ maximises $\pi \hat Q - \mathrm{KL}(\pi \| \pi_{ref})/\alpha$, so
 * $\pi_\alpha \hat Q \ge \pi^* \hat Q - \mathrm{KL}(\pi^* \| \pi_{ref})/\alpha$, and replacing
 * $\hat Q$ by $Q^*$ costs at most $2\|\hat Q - Q^*\|_\infty$. The paper's theorem (Theorem 1 of
 * arXiv:2405.20495) bounds the same gap for its estimate; this exact-tree form is the one this
 * library derives and tests, so the check does not depend on the paper's constants.
 *
 * @param q - the Q-estimate guiding decoding (prefixes x V), e.g. from {@link transferQ}
 * @param alpha - deviation parameter, > 0
 * @param beta - KL weight of the target objective, > 0
 * @throws RangeError or TypeError on bad arguments
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * const q = continuationValue(tree, tree.reference);
 * const gap = decodingGap(tree, q, 1, 0.5); // alpha = 1, beta = 0.5
 * gap.rewardGap <= gap.bound; // true: the gap never exceeds its bound
 *
 * References: Chakraborty et al., "Transfer Q Star: Principled Decoding for LLM Alignment",
 * arXiv:2405.20495; Kakade and Langford, "Approximately Optimal Approximate Reinforcement
 * Learning", ICML 2002 (performance-difference lemma).
 */
export function decodingGap(
  tree: TokenTree,
  q: ArrayLike<number>,
  alpha: number,
  beta: number,
): DecodingGap {
  const fn = 'decodingGap';
  assertTokenTree(fn, tree);
  const V = tree.vocabulary;
  assertFiniteVector(fn, 'q', q, tree.prefixes * V);
  assertPositive(fn, 'alpha', alpha);
  assertPositive(fn, 'beta', beta);
  const optimum = softBackwardInduction(tree, beta);
  const policy = tiltedDecoding(tree, q, alpha);
  const outcome = decodingOutcome(tree, policy);
  const best = decodingOutcome(tree, optimum.policy);
  let qError = 0;
  for (let i = 0; i < optimum.q.length; i++)
    qError = Math.max(qError, Math.abs(q[i]! - optimum.q[i]!));
  // Expected per-prefix KL of the optimum along the decoder's prefixes.
  const reach = prefixReach(tree, policy);
  let klAlongDecoder = 0;
  for (let n = 0; n < tree.prefixes; n++) {
    const row = n * V;
    if (reach[n]! > 0)
      klAlongDecoder +=
        reach[n]! *
        klCategorical(optimum.policy.subarray(row, row + V), tree.reference.subarray(row, row + V));
  }
  return {
    rewardGap: best.expectedReward - outcome.expectedReward,
    regularizedGap: Math.max(
      0,
      optimum.objective - (outcome.expectedReward - beta * outcome.klToReference),
    ),
    bound: klAlongDecoder / alpha + 2 * tree.length * qError,
    qError,
    klToReference: outcome.klToReference,
  };
}
