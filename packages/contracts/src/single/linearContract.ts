import { ContractProblem } from './ContractProblem.ts';

/** The best linear contract and what it induces. */
export interface LinearContract {
  /** The share $\alpha \in [0, 1]$: the contract pays $\alpha r_j$ on outcome j. */
  readonly share: number;
  /** The induced action (ties broken in the principal's favour). */
  readonly action: number;
  /** The principal's expected utility $(1 - \alpha) R_a$. */
  readonly principalUtility: number;
  /** The agent's expected utility $\alpha R_a - c_a$. */
  readonly agentUtility: number;
  /**
   * The agent's choices as $\alpha$ grows: `shares[k]` is where `actions[k]` becomes its best
   * response (`shares[0] = 0`); the candidates the optimum was taken over.
   */
  readonly breakpoints: { readonly shares: Float64Array; readonly actions: Int32Array };
}

/**
 * The best linear contract $x = \alpha r$, found exactly (no grid). The agent's utility under
 * share $\alpha$ is $\max_a (\alpha R_a - c_a)$, an upper envelope of lines; its best response
 * changes only at the envelope's breakpoints, and on each piece the principal's $(1 - \alpha)
 * R_a$ falls with $\alpha$, so the optimum is at a breakpoint (the least share that induces its
 * action, ties to the principal). The envelope is walked from $\alpha = 0$: from action k, the
 * next is the action with a larger $R_b$ whose line crosses k's first, at
 * $\alpha = (c_b - c_k)/(R_b - R_k)$ (the largest $R_b$ among simultaneous crossings). O(n) per
 * breakpoint, at most n breakpoints.
 *
 * @throws TypeError if `problem` is not a ContractProblem; RangeError if a reward is negative
 *   (a linear contract would then pay less than 0 there)
 *
 * @example
 * const problem = new ContractProblem({ outcomes: [[0.9, 0.1], [0.2, 0.8]], costs: [0, 1], rewards: [0, 10] });
 * const linear = linearContract(problem);
 * linear.share; // 1/7: at 10/70 of the reward, working (8/7 - 1) ties with shirking (1/7)
 *
 * References: Dutting, Roughgarden and Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019,
 * arXiv:1808.03713 (linear contracts and the agent's breakpoints).
 */
export function linearContract(problem: ContractProblem): LinearContract {
  const fn = 'linearContract';
  if (!(problem instanceof ContractProblem))
    throw new TypeError(`${fn}: problem must be a ContractProblem`);
  for (let j = 0; j < problem.outcomes; j++)
    if (problem.reward(j) < 0)
      throw new RangeError(
        `${fn}: rewards must be >= 0 for a linear contract to respect limited liability, got ${problem.reward(j)} for outcome ${j}`,
      );
  const n = problem.actions;
  const R = Float64Array.from({ length: n }, (_, a) => problem.expectedReward(a));
  const c = Float64Array.from({ length: n }, (_, a) => problem.cost(a));
  // At alpha = 0 the agent minimises its cost; ties go to the largest R (the principal's favourite).
  let k = 0;
  for (let a = 1; a < n; a++) if (c[a]! < c[k]! || (c[a] === c[k] && R[a]! > R[k]!)) k = a;
  const shares = [0];
  const actions = [k];
  let alpha = 0;
  for (;;) {
    let next = -1;
    let at = Number.POSITIVE_INFINITY;
    for (let b = 0; b < n; b++) {
      if (!(R[b]! > R[k]!)) continue;
      // Where b's line overtakes k's; a crossing computed below alpha (rounding) counts as alpha.
      const cross = Math.max(alpha, (c[b]! - c[k]!) / (R[b]! - R[k]!));
      if (cross < at || (cross === at && R[b]! > R[next]!)) {
        at = cross;
        next = b;
      }
    }
    if (next === -1 || at > 1) break;
    alpha = at;
    k = next;
    shares.push(alpha);
    actions.push(k);
  }
  let best = 0;
  for (let i = 1; i < shares.length; i++)
    if ((1 - shares[i]!) * R[actions[i]!]! > (1 - shares[best]!) * R[actions[best]!]!) best = i;
  const share = shares[best]!;
  const action = actions[best]!;
  return {
    share,
    action,
    principalUtility: (1 - share) * R[action]!,
    agentUtility: share * R[action]! - c[action]!,
    breakpoints: { shares: Float64Array.from(shares), actions: Int32Array.from(actions) },
  };
}
