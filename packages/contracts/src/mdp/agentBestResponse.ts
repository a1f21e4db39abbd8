import { assertNonNegative, readOptions } from '@x/linalg/validate';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';

/** The far-sighted agent's response to a contract policy, and what it gives both sides. */
export interface AgentResponse {
  /** The agent's action at `policy[h * S + s]`. */
  readonly policy: Int32Array;
  /** $V^A_h(s)$ at `agentValues[h * S + s]`, h = 0..H (row H is 0). */
  readonly agentValues: Float64Array;
  /** The principal's $V^P_h(s)$ under that response, same layout. */
  readonly principalValues: Float64Array;
  /** The principal's value from the start state, $V^P_0(s_1)$. */
  readonly principalValue: number;
  /** The agent's value from the start state, $V^A_0(s_1)$. */
  readonly agentValue: number;
}

/** Options of {@link agentBestResponse}. */
export interface AgentResponseOptions {
  /**
   * Actions within `tolerance` of the agent's best Q value count as tied (and go to the
   * principal). @default 1e-7 x H x max(1, largest payment, largest cost): the designs' linear
   * programs are feasible to about 1e-7 of the payments, accumulated over H steps
   */
  readonly tolerance?: number;
}

/**
 * The far-sighted agent's best response to a Markov contract policy, by its own backward
 * induction: $Q^A_h(s, a) = \sum_{s'} P(s' \mid s, a)(x_h(s)(s') + V^A_{h+1}(s')) - c(s, a)$,
 * $V^A_h(s) = \max_a Q^A_h(s, a)$, ties broken in the principal's favour (its own $Q^P_h$, then
 * the lowest action). The principal's values follow the response: $Q^P_h(s, a) = \sum_{s'}
 * P(s' \mid s, a)(r(s, s') - x_h(s)(s') + V^P_{h+1}(s'))$.
 *
 * @param payments - $x_h(s)(s') \ge 0$ at `payments[(h * S + s) * S + s']`
 * @throws TypeError if `problem` is not a PrincipalAgentMdp; RangeError on bad payments or tolerance
 *
 * @example
 * const problem = new PrincipalAgentMdp({
 *   states: 2, actions: 2, horizon: 2,
 *   transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
 *   costs: [0, 0.2, 0, 0.2],
 *   rewards: [0, 1, 0, 1],
 * });
 * const nothing = agentBestResponse(problem, new Float64Array(2 * 2 * 2));
 * nothing.policy; // [0, 0, 0, 0]: unpaid, the agent never works
 *
 * References: Wu, Chen, Wang, Wang and Xu, arXiv:2407.01458 (the far-sighted agent; the
 * library's reconstruction).
 */
export function agentBestResponse(
  problem: PrincipalAgentMdp,
  payments: ArrayLike<number>,
  options: AgentResponseOptions = {},
): AgentResponse {
  const fn = 'agentBestResponse';
  if (!(problem instanceof PrincipalAgentMdp))
    throw new TypeError(`${fn}: problem must be a PrincipalAgentMdp`);
  const { tolerance } = readOptions(fn, options);
  problem.assertPayments(fn, payments);
  if (tolerance !== undefined) assertNonNegative(fn, 'tolerance', tolerance);
  return agentBestResponseUnchecked(
    problem,
    payments,
    tolerance ?? defaultTolerance(problem, payments),
  );
}

/** The default tie tolerance of {@link agentBestResponse}. @internal */
export function defaultTolerance(problem: PrincipalAgentMdp, payments: ArrayLike<number>): number {
  return 1e-7 * problem.horizon * valueScale(problem, payments);
}

/** The size of a step's values: $\max(1, \max |v|, \max c)$ over `values` and the costs. @internal */
export function valueScale(problem: PrincipalAgentMdp, values: ArrayLike<number>): number {
  let scale = 1;
  for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i]!));
  for (let i = 0; i < problem.costs.length; i++) scale = Math.max(scale, problem.costs[i]!);
  return scale;
}

/**
 * The agent's $Q^A_h(s, a) = \sum_{s'} P(s' \mid s, a)(x_h(s)(s') + V(s')) - c(s, a)$ with the
 * continuation values V read from `next[offset + s']`. @internal
 */
export function agentQ(
  problem: PrincipalAgentMdp,
  payments: ArrayLike<number>,
  h: number,
  s: number,
  a: number,
  next: ArrayLike<number>,
  offset = 0,
): number {
  const { states: S, actions: A, transitions: P, costs } = problem;
  let q = -costs[s * A + a]!;
  for (let t = 0; t < S; t++)
    q += P[(s * A + a) * S + t]! * (payments[(h * S + s) * S + t]! + next[offset + t]!);
  return q;
}

/** {@link agentBestResponse} without its checks. @internal */
export function agentBestResponseUnchecked(
  problem: PrincipalAgentMdp,
  payments: ArrayLike<number>,
  tolerance: number,
): AgentResponse {
  const { states: S, actions: A, horizon: H, transitions: P, costs, rewards } = problem;
  const policy = new Int32Array(H * S);
  const agentValues = new Float64Array((H + 1) * S);
  const principalValues = new Float64Array((H + 1) * S);
  const qa = new Float64Array(A);
  const qp = new Float64Array(A);
  for (let h = H - 1; h >= 0; h--) {
    const va = (h + 1) * S;
    for (let s = 0; s < S; s++) {
      const x = (h * S + s) * S;
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        let agent = -costs[s * A + a]!;
        let principal = 0;
        for (let t = 0; t < S; t++) {
          const p = P[(s * A + a) * S + t]!;
          if (p === 0) continue;
          agent += p * (payments[x + t]! + agentValues[va + t]!);
          principal += p * (rewards[s * S + t]! - payments[x + t]! + principalValues[va + t]!);
        }
        qa[a] = agent;
        qp[a] = principal;
        best = Math.max(best, agent);
      }
      let choice = 0;
      let favourite = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++)
        if (qa[a]! >= best - tolerance && qp[a]! > favourite) {
          favourite = qp[a]!;
          choice = a;
        }
      policy[h * S + s] = choice;
      agentValues[h * S + s] = qa[choice]!;
      principalValues[h * S + s] = qp[choice]!;
    }
  }
  return {
    policy,
    agentValues,
    principalValues,
    principalValue: principalValues[problem.start]!,
    agentValue: agentValues[problem.start]!,
  };
}
