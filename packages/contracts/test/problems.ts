import { createRng, sampleDirichlet } from '@x/linalg';
import { ContractProblem } from '../src/single/ContractProblem.ts';

/**
 * A random problem: 2-5 actions with Dirichlet(1) outcome laws over 2-4 outcomes, rewards in
 * [0, 5), costs in [0, 1) with action 0 free (the agent's outside option, as in the standard model).
 */
export function randomProblem(seed: number): ContractProblem {
  const rng = createRng(seed);
  const n = 2 + Math.floor(rng.nextFloat64() * 4);
  const m = 2 + Math.floor(rng.nextFloat64() * 3);
  const ones = new Float64Array(m).fill(1);
  return new ContractProblem({
    outcomes: Array.from({ length: n }, () => sampleDirichlet(rng, ones)),
    costs: Array.from({ length: n }, (_, a) => (a === 0 ? 0 : rng.nextFloat64())),
    rewards: Array.from({ length: m }, () => 5 * rng.nextFloat64()),
  });
}

/** Shirk (free, success 10%) or work (cost 1, success 80%); success is worth 10. */
export const shirkOrWork = (): ContractProblem =>
  new ContractProblem({
    outcomes: [
      [0.9, 0.1],
      [0.2, 0.8],
    ],
    costs: [0, 1],
    rewards: [0, 10],
  });

/** Three effort levels (free, 0.3, 1.1) over three outcomes worth 0, 2 and 5; the best share, 4/9, is off every grid. */
export const threeEfforts = (): ContractProblem =>
  new ContractProblem({
    outcomes: [
      [0.8, 0.15, 0.05],
      [0.4, 0.4, 0.2],
      [0.1, 0.3, 0.6],
    ],
    costs: [0, 0.3, 1.1],
    rewards: [0, 2, 5],
  });
