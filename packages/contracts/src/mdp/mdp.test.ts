import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { negativeRewardMdp, randomPamdp, workChain } from '../../test/pamdps.ts';
import { ContractProblem } from '../single/ContractProblem.ts';
import { linearContract } from '../single/linearContract.ts';
import { agentBestResponse } from './agentBestResponse.ts';
import { linearContractPolicy } from './linearContractPolicy.ts';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';
import { planContracts } from './planContracts.ts';

/** Working (cost 0.2) reaches the good state with 0.7 instead of 0.1. */
const twoStates = (horizon: number) => workChain(horizon, 0.7, 0.2);

describe('PrincipalAgentMdp', () => {
  it('rejects bad data with the argument named', () => {
    const good = {
      states: 1,
      actions: 1,
      horizon: 1,
      transitions: [1],
      costs: [0],
      rewards: [1],
    };
    expect(() => new PrincipalAgentMdp({ ...good, transitions: [0.5] })).toThrow(
      /PrincipalAgentMdp: transitions of state 0, action 0 must sum to 1/,
    );
    expect(() => new PrincipalAgentMdp({ ...good, costs: [-1] })).toThrow(
      /costs\[0\] must be >= 0/,
    );
    expect(() => new PrincipalAgentMdp({ ...good, start: 1 })).toThrow(/start must be an integer/);
    expect(() => new PrincipalAgentMdp({ ...good, rewards: [Number.NaN] })).toThrow(RangeError);
  });
});

describe('agentBestResponse', () => {
  it('works only when paid enough, counting what the next state is worth to it', () => {
    const problem = twoStates(1);
    const unpaid = agentBestResponse(problem, new Float64Array(4));
    expect(Array.from(unpaid.policy)).toEqual([0, 0]);
    // Paying 0.6 on reaching state 1 from state 0: working adds 0.6 x 0.6 = 0.36 > 0.2.
    const paid = agentBestResponse(problem, Float64Array.of(0, 0.6, 0, 0));
    expect(paid.policy[0]).toBe(1);
    expect(paid.agentValue).toBeCloseTo(0.7 * 0.6 - 0.2, 15);
    expect(paid.principalValue).toBeCloseTo(0.7 * (1 - 0.6), 15);
  });

  it('rejects payments of the wrong size or sign', () => {
    const problem = twoStates(2);
    expect(() => agentBestResponse(problem, new Float64Array(4))).toThrow(
      /agentBestResponse: payments must have length 8/,
    );
    expect(() => agentBestResponse(problem, new Float64Array(8).fill(-1))).toThrow(
      /agentBestResponse: payments\[0\] must be >= 0/,
    );
  });
});

describe('planContracts', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 11, numRuns: 12 })(
    'passes its own incentive audit and earns what it planned (random instances)',
    async (seed) => {
      const problem = randomPamdp(seed, 3, 3, 3);
      const plan = await planContracts(problem);
      expect(plan.incentiveCompatible).toBe(true);
      expect(plan.incentiveGap).toBeLessThanOrEqual(1e-6);
      expect(plan.response.principalValue).toBeCloseTo(plan.plannedValue, 6);
    },
  );

  it('with a margin, the intended action beats every other by the margin at every step', async () => {
    const problem = randomPamdp(5, 2, 3, 2);
    const plan = await planContracts(problem, { margin: 0.05 });
    const { states: S, actions: A, horizon: H } = problem;
    const v = plan.response.agentValues;
    for (let h = 0; h < H; h++)
      for (let s = 0; s < S; s++) {
        const q = (a: number) => {
          let x = -problem.costs[s * A + a]!;
          for (let t = 0; t < S; t++)
            x +=
              problem.probability(s, a, t) *
              (plan.payments[(h * S + s) * S + t]! + v[(h + 1) * S + t]!);
          return x;
        };
        const a = plan.intended[h * S + s]!;
        for (let b = 0; b < A; b++) if (b !== a) expect(q(a) - q(b)).toBeGreaterThan(0.05 - 1e-6);
      }
  });

  it('rejects a bad design or margin', async () => {
    await expect(planContracts(twoStates(1), { design: 'lazy' as never })).rejects.toThrow(
      /^planContracts: design must be 'far-sighted' or 'myopic'/,
    );
    await expect(planContracts(twoStates(1), { margin: Number.NaN })).rejects.toThrow(
      /^planContracts: margin must be finite/,
    );
  });
});

describe('linearContractPolicy', () => {
  /** The principal's value under share alpha, by the agent's own dynamic program. */
  const valueAt = (problem: PrincipalAgentMdp, alpha: number) => {
    const { states: S, horizon: H } = problem;
    const payments = Float64Array.from({ length: H * S * S }, (_, i) => {
      return alpha * problem.rewards[i % (S * S)]!;
    });
    return agentBestResponse(problem, payments).principalValue;
  };

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 17, numRuns: 12 })(
    'no share does better: a fine grid and the shares just after each breakpoint (random instances)',
    (seed) => {
      const problem = randomPamdp(seed, 3, 3, 3);
      const linear = linearContractPolicy(problem);
      // The optimum is attained, up to the agent's tie tolerance, just after its breakpoint.
      expect(valueAt(problem, Math.min(1, linear.share + 1e-9))).toBeCloseTo(
        linear.principalValue,
        6,
      );
      const shares = [
        ...Array.from({ length: 501 }, (_, i) => i / 500),
        ...Array.from(linear.breakpoints.shares, (a) => Math.min(1, a + 1e-9)),
      ];
      for (const a of shares)
        expect(valueAt(problem, a)).toBeLessThanOrEqual(linear.principalValue + 1e-9);
      // The agent's response pays the principal more, before sharing, as the share grows.
      const rewards = linear.breakpoints.rewards;
      for (let k = 1; k < rewards.length; k++) expect(rewards[k]!).toBeGreaterThan(rewards[k - 1]!);
      expect(linear.principalValue).toBeCloseTo((1 - linear.share) * linear.expectedReward, 12);
    },
  );

  it("at H = 1 is the best linear contract of the start state's step", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const problem = randomPamdp(seed, 2 + (seed % 3), 2 + (seed % 4), 1);
      const { states: S, actions: A } = problem;
      const step = new ContractProblem({
        outcomes: Array.from({ length: A }, (_, a) =>
          problem.transitions.subarray(a * S, (a + 1) * S),
        ),
        costs: problem.costs.subarray(0, A),
        rewards: problem.rewards.subarray(0, S),
      });
      const one = linearContract(step);
      const linear = linearContractPolicy(problem);
      expect(linear.share).toBeCloseTo(one.share, 12);
      expect(linear.principalValue).toBeCloseTo(one.principalUtility, 12);
      expect(linear.policy[0]).toBe(one.action);
    }
  });

  it('on the two-state chain the agent works more as the share grows, and the best share is a breakpoint', () => {
    const linear = linearContractPolicy(twoStates(3));
    expect(linear.breakpoints.shares[0]).toBe(0);
    expect(linear.breakpoints.shares).toContain(linear.share);
    expect(linear.agentValue).toBeGreaterThanOrEqual(-1e-12);
  });

  it('rejects a negative reward (limited liability) and a problem of the wrong type', () => {
    expect(() => linearContractPolicy(negativeRewardMdp())).toThrow(
      /^linearContractPolicy: rewards must be >= 0 .* got -1 for the move 0 -> 0/,
    );
    expect(() => linearContractPolicy({} as PrincipalAgentMdp)).toThrow(TypeError);
    const huge = new PrincipalAgentMdp({
      states: 1,
      actions: 1,
      horizon: 4,
      transitions: [1],
      costs: [0],
      rewards: [1e308],
    });
    expect(() => linearContractPolicy(huge)).toThrow(
      /^linearContractPolicy: an episode's expected reward or cost overflows/,
    );
  });
});
