import { assertInRange, assertInteger } from '@x/linalg/validate';
import { ContractProblem } from './ContractProblem.ts';

/** The largest reward {@link tightLinearInstance} builds: $\gamma^{-(n-1)} \le 2^{26}$. */
export const TIGHT_INSTANCE_MAX_REWARD = 2 ** 26;

/**
 * The instance on which linear contracts lose a factor $n - (n-1)\gamma$ against the optimal
 * contract (the library's construction, after the lower bound of Dutting et al.): n actions,
 * each drawing its own outcome for sure; outcome i is worth $r_i = \gamma^{-i}$ and action i
 * costs $c_i = \gamma^{-i} - 1 - i(1 - \gamma)$, so that under the share $\alpha_i = 1 -
 * \gamma^i$ the agent is indifferent between actions i - 1 and i. Every breakpoint leaves the
 * principal $(1 - \alpha_i) r_i = 1$, so the best linear contract earns 1, while outcomes
 * reveal the action and the optimal contract pays exactly $c_{n-1}$ and keeps the welfare $1 +
 * (n-1)(1-\gamma) = n - (n-1)\gamma$.
 *
 * Floating point: rewards grow like $\gamma^{-(n-1)}$ and the costs are differences of large
 * numbers, so their absolute rounding error is about $2^{-53}\gamma^{-(n-1)}$; the rewards are
 * limited to {@link TIGHT_INSTANCE_MAX_REWARD} ($2^{26}$), which keeps every utility exact to
 * about $10^{-8}$. Larger n or smaller $\gamma$ are rejected rather than computed wrongly.
 *
 * @param n - the number of actions, >= 2
 * @param gamma - in (0, 1); the ratio tends to n as $\gamma \to 0$
 * @throws RangeError on a bad n or gamma, or when $\gamma^{-(n-1)}$ exceeds $2^{26}$
 *
 * @example
 * const problem = tightLinearInstance(4, 0.5);
 * linearContract(problem).principalUtility; // 1
 * firstBest(problem).welfare; // 4 - 3 * 0.5 = 2.5, which the optimal contract attains
 *
 * References: Dutting, Roughgarden and Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019,
 * arXiv:1808.03713 (the approximation ratio of linear contracts, tight in n).
 */
export function tightLinearInstance(n: number, gamma: number): ContractProblem {
  const fn = 'tightLinearInstance';
  assertInteger(fn, 'n', n, 2, 1 << 12);
  assertInRange(fn, 'gamma', gamma, 0, 1, { loOpen: true, hiOpen: true });
  // r_i by repeated division: IEEE basic operations only, the same bits in every engine.
  const rewards = new Float64Array(n);
  rewards[0] = 1;
  for (let i = 1; i < n; i++) rewards[i] = rewards[i - 1]! / gamma;
  if (!(rewards[n - 1]! <= TIGHT_INSTANCE_MAX_REWARD))
    throw new RangeError(
      `${fn}: gamma^-(n-1) = ${rewards[n - 1]} exceeds 2^26, beyond which the costs lose their precision; use fewer actions or a larger gamma`,
    );
  const costs = rewards.map((r, i) => Math.max(0, r - 1 - i * (1 - gamma)));
  const outcomes = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n);
    row[i] = 1;
    return row;
  });
  return new ContractProblem({ outcomes, costs, rewards });
}
