import { assertPositive } from '@x/linalg/validate';
import { assertTokenTree, type TokenTree } from './TokenTree.ts';
import { childEntries, tiltedSequenceLaw } from './tiltedSequenceLaw.ts';

/** The KL-regularised optimum of a {@link TokenTree}, from {@link softBackwardInduction}. */
export interface RegularizedOptimum {
  /** The optimal token policy $\pi^*(z \mid s) = \pi_{ref}(z \mid s)\, e^{(Q_{soft}(s,z) - V_{soft}(s))/\beta}$. */
  readonly policy: Float64Array;
  /** Soft values $V_{soft}(s) = \beta \log \sum_z \pi_{ref}(z \mid s) e^{V_{soft}(sz)/\beta}$ per prefix; `softValues[0]` is the optimal objective. */
  readonly softValues: Float64Array;
  /** The optimal objective $\max_\rho E_\rho[r] - \beta\,\mathrm{KL}(\rho \| \rho_{ref}) = \beta \log E_{\rho_{ref}}[e^{r/\beta}]$. */
  readonly objective: number;
  /** $Q^*(s, z) = E_{\rho^*}[r \mid sz]$, the expected reward of the optimum's continuations (the Q that decoding needs). */
  readonly q: Float64Array;
}

/**
 * The exact KL-regularised optimum of decoding: $\rho^* = \arg\max_\rho E_\rho[r(y)] - \beta\,
 * \mathrm{KL}(\rho \| \rho_{ref})$ is $\rho^*(y) \propto \rho_{ref}(y) e^{r(y)/\beta}$, and soft
 * backward induction from the leaves ($V_{soft}(y) = r(y)$) gives its token-level factorisation.
 * Computed in reward units (soft values $u_{max} + \beta \log E[e^{(u - u_{max})/\beta}]$), so every
 * $\beta > 0$ gives finite values, tending to the best reachable reward as $\beta \to 0$.
 *
 * @param tree - the token tree (reference policy and sequence reward)
 * @param beta - the KL weight $\beta > 0$
 * @throws RangeError on a bad beta
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4); // vocabulary 3, responses of 4 tokens
 * const { objective, policy } = softBackwardInduction(tree, 0.5); // KL weight beta = 0.5
 * // objective = beta log E_ref[e^{r/beta}]; policy: the optimal token policy per prefix
 *
 * References: Chakraborty et al., "Transfer Q Star: Principled Decoding for LLM Alignment",
 * arXiv:2405.20495 (the trajectory-level optimum $\rho^*$ and its token-level Q*, as the library reads its abstract and code);
 * Rafailov et al., "Direct Preference Optimization", arXiv:2305.18290 (the closed form).
 */
export function softBackwardInduction(tree: TokenTree, beta: number): RegularizedOptimum {
  assertTokenTree('softBackwardInduction', tree);
  assertPositive('softBackwardInduction', 'beta', beta);
  const law = tiltedSequenceLaw(tree, tree.reference, { weight: (y) => tree.reward[y]!, beta });
  const softValues = law.softValue.slice(0, tree.prefixes);
  return {
    policy: law.policy,
    softValues,
    objective: softValues[0]!,
    q: childEntries(tree, law.value),
  };
}
