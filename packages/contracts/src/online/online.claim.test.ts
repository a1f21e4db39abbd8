import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { threeEfforts } from '../../test/problems.ts';
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
});
