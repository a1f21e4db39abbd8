import { AlignmentProblem } from '../src/preference/AlignmentProblem.ts';

/**
 * The sparse-coverage instance of the claims: six responses under a uniform reference, rewards
 * 2, 1, 0.5, 0 for the four the data cover and -8 for the two they never show, beta = 1. Also
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
  const rewards = [2, 1, 0.5, 0, -8, -8];
  const covered = [1, 1, 1, 1, 0, 0];
  const problem = new AlignmentProblem({ responses: 6, rewards });
  const seen = rewards.filter((_, y) => covered[y] === 1);
  const shift = -seen.reduce((a, r) => a + r / beta, 0) / seen.length;
  const logits = rewards.map(
    (r, y) => problem.logReference[y]! + (covered[y] === 1 ? r / beta + shift : 0),
  );
  const norm = Math.log(logits.reduce((a, z) => a + Math.exp(z), 0));
  return { problem, covered, beta, dpoLimit: Float64Array.from(logits, (z) => z - norm) };
}
