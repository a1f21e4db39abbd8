import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { randomPamdp } from '../../test/pamdps.ts';
import { agentBestResponse } from './agentBestResponse.ts';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';
import { planContracts } from './planContracts.ts';

const twoStates = (horizon: number) =>
  new PrincipalAgentMdp({
    states: 2,
    actions: 2,
    horizon,
    transitions: [0.9, 0.1, 0.3, 0.7, 0.5, 0.5, 0.1, 0.9],
    costs: [0, 0.2, 0, 0.2],
    rewards: [0, 1, 0, 1],
  });

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
