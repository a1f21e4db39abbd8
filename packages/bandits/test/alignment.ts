import { AlignmentProblem } from '../src/preference/AlignmentProblem.ts';

/**
 * The sparse-coverage instance of the claims: six responses under a uniform reference, rewards
 * 2, 1, 0.5, 0 for the four the data cover and -20 for the two they never show, beta = 1 (so
 * the best covered policy is within 1e-8 of the optimum: the covered comparator costs nothing). Also
 * DPO's solution with infinite data: on the covered responses the logits are the reference's
 * plus r / beta plus a constant (gradient descent from the reference keeps their sum), on the
 * others the reference's, normalised.
 */
export function sparseCoverage(): {
  problem: AlignmentProblem;
  covered: number[];
  beta: number;
  dpoLimit: Float64Array;
} {
  const beta = 1;
  const rewards = [2, 1, 0.5, 0, -20, -20];
  const covered = [1, 1, 1, 1, 0, 0];
  const problem = new AlignmentProblem({ responses: 6, rewards });
  return { problem, covered, beta, dpoLimit: dpoOnSupport(problem, rewards, covered, beta) };
}

/**
 * The shifted-data instance: six responses under a uniform reference, rewards 2, 1, 0.5, 0, -1
 * and 3 (the last is the best), beta = 1, and a behaviour policy (0.3, 0.3, 0.2, 0.1, 0.1, 0)
 * that never shows the best response. Also offline DPO's solution with infinite data from it:
 * the shown responses shift by r / beta (their sum kept), the best keeps the reference's logit.
 */
export function shiftedData(): {
  problem: AlignmentProblem;
  beta: number;
  behaviour: Float64Array;
  offlineLimit: Float64Array;
} {
  const beta = 1;
  const rewards = [2, 1, 0.5, 0, -1, 3];
  const shown = [1, 1, 1, 1, 1, 0];
  const problem = new AlignmentProblem({ responses: 6, rewards });
  const behaviour = Float64Array.from([0.3, 0.3, 0.2, 0.1, 0.1, 0], (p) => Math.log(p));
  return { problem, beta, behaviour, offlineLimit: dpoOnSupport(problem, rewards, shown, beta) };
}

/** DPO with infinite data on the responses of `support` (one prompt), from the reference. */
function dpoOnSupport(
  problem: AlignmentProblem,
  rewards: readonly number[],
  support: readonly number[],
  beta: number,
): Float64Array {
  // Gradient descent from the reference keeps the sum of the shown logits, so up to a common
  // shift the unshown responses sit where a reward equal to the shown ones' mean would put them.
  const seen = rewards.filter((_, y) => support[y] === 1);
  const mean = seen.reduce((a, r) => a + r, 0) / seen.length;
  return new AlignmentProblem({
    responses: rewards.length,
    rewards: rewards.map((r, y) => (support[y] === 1 ? r : mean)),
    reference: Array.from(problem.logReference, Math.exp),
  }).optimalPolicy(beta);
}

/**
 * An intransitive game: rock, paper and scissors (each beats the next 90% of the time) and a
 * fourth response that each of them beats 70% of the time. The minimax winner is
 * (1/3, 1/3, 1/3, 0).
 */
export const cyclicPreferences = (): number[][] => [
  [0.5, 0.1, 0.9, 0.7],
  [0.9, 0.5, 0.1, 0.7],
  [0.1, 0.9, 0.5, 0.7],
  [0.3, 0.3, 0.3, 0.5],
];
