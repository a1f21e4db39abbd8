import { valueScale } from './agentBestResponse.ts';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';

/** The best linear contract policy of a principal-agent MDP and what it induces. */
export interface LinearContractPolicy {
  /** The share $\alpha \in [0, 1]$: every step pays $\alpha r(s, s')$. */
  readonly share: number;
  /** The agent's response at `policy[h * S + s]` (ties broken in the principal's favour). */
  readonly policy: Int32Array;
  /** The expected reward of an episode under that response, $R(\pi_\alpha)$. */
  readonly expectedReward: number;
  /** The principal's value $(1 - \alpha) R(\pi_\alpha)$. */
  readonly principalValue: number;
  /** The agent's value $\alpha R(\pi_\alpha) - C(\pi_\alpha)$. */
  readonly agentValue: number;
  /**
   * The agent's responses as $\alpha$ grows: from `shares[k]` on (`shares[0] = 0`) its best
   * response earns the principal an expected reward `rewards[k]` per episode before sharing; the
   * candidates the optimum was taken over.
   */
  readonly breakpoints: { readonly shares: Float64Array; readonly rewards: Float64Array };
}

/** The agent's best response to the share $\alpha$ and its expected reward and cost. @internal */
export interface ShareResponse {
  readonly share: number;
  readonly policy: Int32Array;
  /** $R(\pi)$: the expected reward of an episode from the start state. */
  readonly reward: number;
  /** $C(\pi)$: the agent's expected cost of an episode from the start state. */
  readonly cost: number;
}

/** How far apart two values must be to differ, for values of this problem's size. @internal */
export function shareTolerance(problem: PrincipalAgentMdp): number {
  return 1e-12 * problem.horizon * valueScale(problem, problem.rewards);
}

/**
 * The far-sighted agent's best response to the linear contract $x_h(s)(s') = \alpha r(s, s')$ by
 * backward induction, ties (within `tolerance`) to the larger expected reward to go: the
 * principal's favourite, since it keeps $(1 - \alpha)$ of it. A lexicographic (value, reward) DP,
 * so the policy has the largest $R$ among the agent's optimal ones. @internal
 */
export function shareResponseUnchecked(
  problem: PrincipalAgentMdp,
  share: number,
  tolerance: number,
): ShareResponse {
  const { states: S, actions: A, horizon: H, transitions: P, costs, rewards } = problem;
  const policy = new Int32Array(H * S);
  let value = new Float64Array(S);
  let reward = new Float64Array(S);
  let cost = new Float64Array(S);
  let valueHere = new Float64Array(S);
  let rewardHere = new Float64Array(S);
  let costHere = new Float64Array(S);
  const qv = new Float64Array(A);
  const qr = new Float64Array(A);
  const qc = new Float64Array(A);
  for (let h = H - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const row = (s * A + a) * S;
        let r = 0;
        let v = -costs[s * A + a]!;
        let c = costs[s * A + a]!;
        for (let t = 0; t < S; t++) {
          const p = P[row + t]!;
          if (p === 0) continue;
          r += p * (rewards[s * S + t]! + reward[t]!);
          v += p * (share * rewards[s * S + t]! + value[t]!);
          c += p * cost[t]!;
        }
        qv[a] = v;
        qr[a] = r;
        qc[a] = c;
        best = Math.max(best, v);
      }
      let choice = -1;
      for (let a = 0; a < A; a++)
        if (qv[a]! >= best - tolerance && (choice === -1 || qr[a]! > qr[choice]!)) choice = a;
      policy[h * S + s] = choice;
      valueHere[s] = qv[choice]!;
      rewardHere[s] = qr[choice]!;
      costHere[s] = qc[choice]!;
    }
    [value, valueHere] = [valueHere, value];
    [reward, rewardHere] = [rewardHere, reward];
    [cost, costHere] = [costHere, cost];
  }
  return { share, policy, reward: reward[problem.start]!, cost: cost[problem.start]! };
}

/** The most pieces {@link linearContractPolicy} follows before it gives up. */
const MAX_PIECES = 1 << 16;

/**
 * The best linear contract policy of a principal-agent MDP, $x_h(s)(s') = \alpha r(s, s')$ at
 * every step, found exactly (no grid). Under share $\alpha$ the far-sighted agent maximises
 * $\alpha R(\pi) - C(\pi)$ over its policies, an upper envelope of lines in $\alpha$, and by the
 * revealed-preference argument of Dutting et al. the expected reward $R(\pi_\alpha)$ of its
 * response never falls as $\alpha$ grows; on each piece of the envelope the principal's
 * $(1 - \alpha) R$ falls, so the optimum is where a piece begins. The pieces are found by the
 * classical envelope search with the agent's dynamic program as the oracle: intersect the lines
 * found at the ends of an interval, ask the oracle there, and either the intersection is a
 * breakpoint or a new line splits the interval; one oracle call (H S A S operations) per line
 * and per breakpoint. At H = 1 this is {@link linearContract} on the start state's step.
 *
 * This is the comparison class of the online learners run on a principal-agent MDP
 * ({@link simulateContractLearning}); the optimal Markov policy of {@link planContracts} can do
 * better (the ratio is the MDP version of Dutting et al.'s).
 *
 * @throws TypeError if `problem` is not a PrincipalAgentMdp; RangeError if a reward is negative
 *   (a linear contract would pay less than 0 there) or the envelope has more than 65,536 pieces
 *
 * @example
 * const problem = new PrincipalAgentMdp({
 *   states: 2, actions: 2, horizon: 3,
 *   transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
 *   costs: [0, 0.2, 0, 0.2],
 *   rewards: [0, 1, 0, 1],
 * });
 * const linear = linearContractPolicy(problem);
 * linear.share; // the least share at which the agent's response pays the principal most
 * linear.principalValue; // (1 - share) x the expected reward of an episode
 *
 * References: Dutting, Roughgarden and Talgam-Cohen, "Simple versus Optimal Contracts", EC 2019,
 * arXiv:1808.03713 (linear contracts; the monotone response); Wu, Chen, Wang, Wang and Xu,
 * arXiv:2407.01458 (the principal-agent MDP, as the library reads it). The envelope search over
 * policies is the library's.
 */
export function linearContractPolicy(problem: PrincipalAgentMdp): LinearContractPolicy {
  const fn = 'linearContractPolicy';
  if (!(problem instanceof PrincipalAgentMdp))
    throw new TypeError(`${fn}: problem must be a PrincipalAgentMdp`);
  assertNonNegativeRewards(fn, problem);
  const tolerance = shareTolerance(problem);
  const query = (share: number) => {
    const response = shareResponseUnchecked(problem, share, tolerance);
    if (!(Number.isFinite(response.reward) && Number.isFinite(response.cost)))
      throw new RangeError(
        `${fn}: an episode's expected reward or cost overflows (rewards or costs too large for horizon ${problem.horizon})`,
      );
    return response;
  };
  // Intervals [a, b] of the envelope still to split, leftmost on top; lines are the responses.
  const first = query(0);
  const stack: [ShareResponse, ShareResponse][] = [[first, query(1)]];
  const pieces: ShareResponse[] = [first];
  const starts: number[] = [0];
  let calls = 2;
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    if (!(b.reward > a.reward + tolerance)) continue; // one line (or parallel ones) on [a, b]
    const at = Math.min(b.share, Math.max(a.share, (b.cost - a.cost) / (b.reward - a.reward)));
    if (++calls > MAX_PIECES)
      throw new RangeError(`${fn}: the agent's envelope has more than ${MAX_PIECES} pieces`);
    const line = query(at);
    const above = at * line.reward - line.cost - (at * a.reward - a.cost);
    if (
      line.reward > a.reward + tolerance &&
      line.reward < b.reward - tolerance &&
      above > tolerance
    ) {
      stack.push([line, b], [a, line]);
      continue;
    }
    // `at` is a breakpoint: b's response takes over there (ties to the principal).
    pieces.push(b);
    starts.push(at);
  }
  let best = 0;
  for (let k = 1; k < pieces.length; k++)
    if ((1 - starts[k]!) * pieces[k]!.reward > (1 - starts[best]!) * pieces[best]!.reward) best = k;
  const share = starts[best]!;
  const { policy, reward, cost } = pieces[best]!;
  return {
    share,
    policy,
    expectedReward: reward,
    principalValue: (1 - share) * reward,
    agentValue: share * reward - cost,
    breakpoints: {
      shares: Float64Array.from(starts),
      rewards: Float64Array.from(pieces, (p) => p.reward),
    },
  };
}

/** Linear contracts pay $\alpha r$: a negative reward would break limited liability. @internal */
export function assertNonNegativeRewards(fn: string, problem: PrincipalAgentMdp): void {
  const S = problem.states;
  for (let i = 0; i < problem.rewards.length; i++)
    if (problem.rewards[i]! < 0)
      throw new RangeError(
        `${fn}: rewards must be >= 0 for a linear contract to respect limited liability, got ${problem.rewards[i]} for the move ${Math.floor(i / S)} -> ${i % S}`,
      );
}
