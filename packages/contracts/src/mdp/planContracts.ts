import type { LinearProgram, LinearProgramOptions } from '@x/linalg';
import {
  assertNonNegative,
  assertOneOf,
  readOptions,
  solveLinearProgramsAs,
} from '@x/linalg/validate';
import { ContractProblem } from '../single/ContractProblem.ts';
import { leastPaymentPrograms, readImplementations } from '../single/leastPaymentContracts.ts';
import {
  type AgentResponse,
  agentBestResponseUnchecked,
  agentQ,
  defaultTolerance,
} from './agentBestResponse.ts';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';

/** Options of {@link planContracts} (presolve is off by default: the programs are small). */
export interface ContractPlanOptions extends LinearProgramOptions {
  /**
   * `'far-sighted'`: the agent's continuation values enter the incentive constraints (the
   * least-payment Bellman equations). `'myopic'`: they are ignored, as if the agent cared only
   * about this step's payment; the baseline. @default 'far-sighted'
   */
  readonly design?: 'far-sighted' | 'myopic';
  /** The incentive margin $\delta \ge 0$ of every step's constraints. @default 0 */
  readonly margin?: number;
}

/** A contract policy, what it intends, and the audit of what the agent really does. */
export interface ContractPlan {
  /** $x_h(s)(s')$ at `payments[(h * S + s) * S + s']`. */
  readonly payments: Float64Array;
  /** The action the design means to induce at `intended[h * S + s]`. */
  readonly intended: Int32Array;
  /** The principal's value the design expects, $V^P_0(s_1)$ under its own model of the agent. */
  readonly plannedValue: number;
  /** The far-sighted agent's best response to the payments: its actions and both values. */
  readonly response: AgentResponse;
  /** Whether the agent's response reproduces `intended` at every step and state. */
  readonly incentiveCompatible: boolean;
  /**
   * The largest shortfall of an intended action in the agent's own values, $\max_{h,s}
   * (V^A_h(s) - Q^A_h(s, \text{intended}))$ under the payments: 0 (up to the programs'
   * tolerance) when the design is incentive compatible.
   */
  readonly incentiveGap: number;
}

/**
 * Contracts for a principal-agent MDP by backward induction on least-payment linear programs
 * (the library's reading of the "Bellman-based least-payment equations" of Wu et al.,
 * arXiv:2407.01458). With the values $V^A_{h+1}, V^P_{h+1}$ of the later steps fixed, each
 * (h, s) is a one-step contract problem whose outcomes are the next states: for every target a,
 * $$\min_{x \ge 0} \sum_{s'} P(s' \mid s, a) x(s') \ \text{s.t.}\ \sum_{s'} (P(s' \mid s, a) -
 * P(s' \mid s, a'))(x(s') + V^A_{h+1}(s')) \ge c(s, a) - c(s, a') + \delta\ \ \forall a' \ne a,$$
 * then the target with the largest $\sum_{s'} P(s' \mid s, a)(r(s, s') + V^P_{h+1}(s'))$ minus
 * its payment. All S A programs of a step go through one HiGHS model. The `'myopic'` design
 * drops $V^A_{h+1}$ from the constraints. Every plan is audited: the far-sighted agent's own
 * best response to the payments ({@link agentBestResponse}) is returned with the incentive gap.
 *
 * Which class this is optimal over: Markov contract policies that pay, at every (h, s), the
 * least payment for the action they induce there and are sequentially optimal (each (h, s)
 * maximises the principal's value from there on). Against a far-sighted agent with hidden
 * actions, history-dependent contracts, or Markov ones that overpay later to save now, can do
 * strictly better (Bollini et al., arXiv:2410.13520); no global optimality is claimed.
 *
 * @throws TypeError if `problem` is not a PrincipalAgentMdp; RangeError on bad options, or if
 *   with a margin some (h, s) has no inducible action
 *
 * @example
 * const problem = new PrincipalAgentMdp({
 *   states: 2, actions: 2, horizon: 3,
 *   transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
 *   costs: [0, 0.2, 0, 0.2],
 *   rewards: [0, 1, 0, 1],
 * });
 * const plan = await planContracts(problem);
 * plan.incentiveCompatible; // true: the agent does what the contracts intend
 * plan.response.principalValue; // the principal's expected reward minus payments
 *
 * References: Wu, Chen, Wang, Wang and Xu, "Contractual Reinforcement Learning: Pulling Arms
 * with Invisible Hands", arXiv:2407.01458 (abstract; the equations here are the library's
 * reconstruction); Bollini, Bacchiocchi, Castiglioni, Marchesi and Gatti, "Contracting With a
 * Reinforcement Learning Agent by Playing Trick or Treat", arXiv:2410.13520 (why Markov
 * contracts can be suboptimal).
 */
export async function planContracts(
  problem: PrincipalAgentMdp,
  options: ContractPlanOptions = {},
): Promise<ContractPlan> {
  const fn = 'planContracts';
  if (!(problem instanceof PrincipalAgentMdp))
    throw new TypeError(`${fn}: problem must be a PrincipalAgentMdp`);
  const { design = 'far-sighted', margin = 0, highs, presolve = false } = readOptions(fn, options);
  assertOneOf(fn, 'design', design, ['far-sighted', 'myopic']);
  assertNonNegative(fn, 'margin', margin);
  const { states: S, actions: A, horizon: H, transitions: P, costs, rewards } = problem;
  const farSighted = design === 'far-sighted';
  const payments = new Float64Array(H * S * S);
  const intended = new Int32Array(H * S);
  let agentNext = new Float64Array(S);
  let principalNext = new Float64Array(S);
  let agentHere = new Float64Array(S);
  let principalHere = new Float64Array(S);
  const solverOptions = { presolve, ...(highs === undefined ? {} : { highs }) };
  for (let h = H - 1; h >= 0; h--) {
    // Each state's step as a one-step contract problem over next states, with the agent's
    // continuation folded into its costs (shifted to be >= 0: a common shift changes no choice)
    // and the principal's into its rewards.
    const steps: ContractProblem[] = [];
    const lps: LinearProgram[] = [];
    for (let s = 0; s < S; s++) {
      const outcomes = Array.from({ length: A }, (_, a) =>
        P.subarray((s * A + a) * S, (s * A + a + 1) * S),
      );
      const effective = Float64Array.from({ length: A }, (_, a) => {
        let continuation = 0;
        if (farSighted)
          for (let t = 0; t < S; t++) continuation += outcomes[a]![t]! * agentNext[t]!;
        return costs[s * A + a]! - continuation;
      });
      const shift = Math.min(...effective);
      const step = new ContractProblem({
        outcomes,
        costs: effective.map((c) => c - shift),
        rewards: Float64Array.from(
          { length: S },
          (_, t) => rewards[s * S + t]! + principalNext[t]!,
        ),
      });
      steps.push(step);
      lps.push(...leastPaymentPrograms(fn, step, margin));
    }
    const results = await solveLinearProgramsAs(fn, lps, solverOptions);
    for (let s = 0; s < S; s++) {
      const step = steps[s]!;
      let best = -1;
      let value = Number.NEGATIVE_INFINITY;
      let contract: Float64Array | null = null;
      for (const impl of readImplementations(step, results.slice(s * A, (s + 1) * A))) {
        if (!impl.implementable) continue;
        const u = step.expectedReward(impl.action) - impl.payment;
        if (u > value) {
          value = u;
          best = impl.action;
          contract = impl.contract;
        }
      }
      if (best === -1)
        throw new RangeError(
          `${fn}: no action can be induced at step ${h}, state ${s} with margin ${margin}`,
        );
      intended[h * S + s] = best;
      payments.set(contract!, (h * S + s) * S);
      principalHere[s] = value;
      // The agent's value under the intended action (its real continuation, whatever the design).
      agentHere[s] = agentQ(problem, payments, h, s, best, agentNext);
    }
    [agentNext, agentHere] = [agentHere, agentNext];
    [principalNext, principalHere] = [principalHere, principalNext];
  }
  const response = agentBestResponseUnchecked(
    problem,
    payments,
    defaultTolerance(problem, payments),
  );
  let gap = 0;
  for (let h = 0; h < H; h++)
    for (let s = 0; s < S; s++) {
      const q = agentQ(
        problem,
        payments,
        h,
        s,
        intended[h * S + s]!,
        response.agentValues,
        (h + 1) * S,
      );
      gap = Math.max(gap, response.agentValues[h * S + s]! - q);
    }
  let compatible = true;
  for (let i = 0; i < H * S; i++) if (response.policy[i] !== intended[i]) compatible = false;
  return {
    payments,
    intended,
    plannedValue: principalNext[problem.start]!,
    response,
    incentiveCompatible: compatible,
    incentiveGap: gap,
  };
}
