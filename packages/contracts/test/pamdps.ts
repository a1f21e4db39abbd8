import { createRng } from '@x/linalg';
import { agentBestResponse } from '../src/mdp/agentBestResponse.ts';
import { PrincipalAgentMdp } from '../src/mdp/PrincipalAgentMdp.ts';
import { randomPrincipalAgentMdp } from '../src/mdp/randomPrincipalAgentMdp.ts';
import { ContractProblem } from '../src/single/ContractProblem.ts';
import { leastPaymentContracts } from '../src/single/leastPaymentContracts.ts';

/** A random principal-agent MDP of a seed (randomPrincipalAgentMdp). */
export function randomPamdp(seed: number, S: number, A: number, H: number): PrincipalAgentMdp {
  return randomPrincipalAgentMdp(createRng(seed), { states: S, actions: A, horizon: H });
}

/** A deterministic Markov action plan with its least-payment contracts and what they yield. */
export interface PlanValue {
  readonly plan: Int32Array;
  /** The principal's value under the far-sighted agent's response (null if some target is not inducible). */
  readonly value: number | null;
  /** Whether every (h, s) choice maximises the plan's own principal value from there on. */
  readonly sequentiallyOptimal: boolean;
}

/**
 * Every plan (A^(H S) of them), each with the least-payment contracts for its actions computed
 * backward from its own continuation values, evaluated by the agent's best response: an
 * independent check of `planContracts` on tiny instances.
 */
export async function allPlans(problem: PrincipalAgentMdp): Promise<PlanValue[]> {
  const { states: S, actions: A, horizon: H } = problem;
  const p = (s: number, a: number, t: number) => problem.probability(s, a, t);
  const out: PlanValue[] = [];
  const count = A ** (H * S);
  for (let code = 0; code < count; code++) {
    const plan = Int32Array.from({ length: H * S }, (_, i) => Math.floor(code / A ** i) % A);
    const payments = new Float64Array(H * S * S);
    let va = new Float64Array(S);
    let vp = new Float64Array(S);
    let feasible = true;
    let sequential = true;
    for (let h = H - 1; h >= 0 && feasible; h--) {
      const nva = new Float64Array(S);
      const nvp = new Float64Array(S);
      for (let s = 0; s < S; s++) {
        const step = new ContractProblem({
          outcomes: Array.from({ length: A }, (_, a) =>
            Array.from({ length: S }, (_, t) => p(s, a, t)),
          ),
          costs: Array.from({ length: A }, (_, a) => {
            let e = 0;
            for (let t = 0; t < S; t++) e += p(s, a, t) * va[t]!;
            return problem.costs[s * A + a]! - e + 100;
          }),
          rewards: Array.from({ length: S }, (_, t) => problem.rewards[s * S + t]! + vp[t]!),
        });
        const impl = await leastPaymentContracts(step);
        const a = plan[h * S + s]!;
        if (!impl[a]!.implementable) {
          feasible = false;
          break;
        }
        const value = (b: number) => step.expectedReward(b) - impl[b]!.payment;
        for (let b = 0; b < A; b++)
          if (impl[b]!.implementable && value(b) > value(a) + 1e-7) sequential = false;
        payments.set(impl[a]!.contract!, (h * S + s) * S);
        nvp[s] = value(a);
        let agent = -problem.costs[s * A + a]!;
        for (let t = 0; t < S; t++) agent += p(s, a, t) * (impl[a]!.contract![t]! + va[t]!);
        nva[s] = agent;
      }
      va = nva;
      vp = nvp;
    }
    const value = feasible ? agentBestResponse(problem, payments).principalValue : null;
    out.push({ plan, value, sequentiallyOptimal: feasible && sequential });
  }
  return out;
}

/**
 * A two-state chain over H steps: in the low state working (cost `cost`) reaches the high state
 * with probability `reach` instead of 0.1; in the high state it keeps it with 0.9 instead of 0.5;
 * each move into the high state is worth 1 to the principal. With the defaults at H = 2 the best
 * linear share (0.306) is off every grid and the agent's response has four pieces.
 */
export const workChain = (horizon: number, reach = 0.8, cost = 0.3): PrincipalAgentMdp =>
  new PrincipalAgentMdp({
    states: 2,
    actions: 2,
    horizon,
    transitions: [0.9, 0.1, 1 - reach, reach, 0.5, 0.5, 0.1, 0.9],
    costs: [0, cost, 0, cost],
    rewards: [0, 1, 0, 1],
  });

/** One state, one action, a reward of -1 a step: no linear contract respects limited liability. */
export const negativeRewardMdp = (): PrincipalAgentMdp =>
  new PrincipalAgentMdp({
    states: 1,
    actions: 1,
    horizon: 2,
    transitions: [1],
    costs: [0],
    rewards: [-1],
  });
