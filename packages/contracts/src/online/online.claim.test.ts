import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { workChain } from '../../test/pamdps.ts';
import { threeEfforts } from '../../test/problems.ts';
import { linearContractPolicy } from '../mdp/linearContractPolicy.ts';
import { BisectionContractLearner } from './BisectionContractLearner.ts';
import { LinearContractLearner } from './LinearContractLearner.ts';
import { simulateContractLearning } from './simulateContractLearning.ts';

describe('learning linear contracts online (Zhu et al., arXiv:2211.05732)', () => {
  it('claim: the discretised learner has regret of order T^(2/3) against the best linear contract', () => {
    // Three effort levels whose best share (4/9) is off the grid.
    const problem = threeEfforts();
    const rounds = 20_000;
    const checkpoints = [2500, 5000, 10_000, 20_000];
    const r = simulateContractLearning(
      createRng(7),
      problem,
      () => new LinearContractLearner({ rounds, rewardMax: 5 }),
      { rounds, runs: 8, checkpoints },
    );
    const regret = r.series.regret.mean;
    // The bound of the learner (discretisation r_max T / K plus UCB1's sqrt(8 K T log T) r_max
    // with K = T^(1/3)) is about 10 r_max T^(2/3) here; and the regret grows sublinearly.
    expect(regret.at(-1)!).toBeLessThanOrEqual(10 * 5 * rounds ** (2 / 3));
    const { slope } = fitLogLogSlope(checkpoints, regret);
    expect(slope).toBeLessThan(0.9);
    expect(regret.at(-1)! / rounds).toBeLessThan(regret[0]! / checkpoints[0]!);
  });

  it('claim: the bisection learner (robust margin, search over the agent response) has regret of order sqrt(T) up to logs on an instance with clear jumps', () => {
    const problem = threeEfforts();
    const lengths = [2000, 8000, 32_000, 128_000];
    const regret = lengths.map(
      (T) =>
        simulateContractLearning(
          createRng(3),
          problem,
          () => new BisectionContractLearner({ rounds: T, rewardMax: 5 }),
          { rounds: T, runs: 4, checkpoints: [T] },
        ).series.regret.mean[0]!,
    );
    // Search cost n log(1/eps) sqrt(T) r_max plus the margin eps R T: slope 1/2 up to the log.
    const { slope } = fitLogLogSlope(lengths, regret);
    expect(slope).toBeLessThan(0.62);
    expect(regret.at(-1)! / lengths.at(-1)!).toBeLessThan(regret[0]! / lengths[0]!);
  });

  it('claim: on episodes of a principal-agent MDP (hidden actions, unknown transitions and costs) both learners have sublinear regret against the best linear contract policy', () => {
    // The agent's episode reward never falls as the share grows (revealed preference over its
    // policies), so the grid learner's bound carries over with r_max = H.
    const H = 2;
    const problem = workChain(H);
    expect(linearContractPolicy(problem).breakpoints.shares.length).toBe(4);
    const lengths = [2000, 8000, 32_000, 128_000];
    const regret = (make: (T: number) => LinearContractLearner | BisectionContractLearner) =>
      lengths.map(
        (T) =>
          simulateContractLearning(createRng(5), problem, () => make(T), {
            rounds: T,
            runs: 4,
            checkpoints: [T],
          }).series.regret.mean[0]!,
      );
    const grid = regret((T) => new LinearContractLearner({ rounds: T, rewardMax: H }));
    const bisection = regret((T) => new BisectionContractLearner({ rounds: T, rewardMax: H }));
    for (let i = 0; i < lengths.length; i++)
      expect(grid[i]!).toBeLessThanOrEqual(10 * H * lengths[i]! ** (2 / 3));
    expect(grid.at(-1)! / lengths.at(-1)!).toBeLessThan(grid[0]! / lengths[0]!);
    expect(fitLogLogSlope(lengths, grid).slope).toBeLessThan(0.9);
    // The structured learner: its search costs O(n log(T) sqrt(T)) episodes; at the largest T
    // it is well under the grid learner.
    expect(bisection.at(-1)! / lengths.at(-1)!).toBeLessThan(bisection[0]! / lengths[0]!);
    expect(bisection.at(-1)!).toBeLessThan(grid.at(-1)! / 2);
  });
});
