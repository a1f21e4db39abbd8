import { exp, log } from '@x/linalg/math';
import { assertInteger, assertPositive, readObject } from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';

/** Options of {@link maxMinPolicy}. */
export interface MaxMinOptions {
  /** The KL weight $\beta$. */
  readonly beta: number;
  /** Mirror-descent steps on the groups' weights. @default 2000 */
  readonly iterations?: number;
}

/** The egalitarian policy and what each group gets from it. */
export interface MaxMinPolicy {
  /** The policy as log-probabilities, $\pi_\lambda \propto \pi_{ref} e^{\sum_g \lambda_g r_g/\beta}$. */
  readonly logPolicy: Float64Array;
  /** The weights $\lambda$ over groups at which the policy is the best response. */
  readonly weights: Float64Array;
  /** Each group's objective $J_{\beta, g}(\pi)$. */
  readonly objectives: Float64Array;
  /** $\min_g J_{\beta,g}$ of the policy, and the dual bound above it: the gap certifies the optimum. */
  readonly value: number;
  readonly dualValue: number;
}

/**
 * The MaxMin (egalitarian) alignment policy over user groups with different rewards:
 * $\max_\pi \min_g J_{\beta,g}(\pi)$, $J_{\beta,g}(\pi) = E_\pi[r_g] - \beta\,\mathrm{KL}(\pi \|
 * \pi_{ref})$. The objective is concave in $\pi$ and linear in a mixture $\lambda$ of groups, so
 * by the minimax theorem the answer is the KL-regularised optimum for the mixed reward
 * $\sum_g \lambda_g r_g$ at the $\lambda$ minimising the convex dual
 * $D(\lambda) = E_\rho[\beta \log \sum_y \pi_{ref}(y \mid x) e^{\sum_g \lambda_g r_g(x, y)/\beta}]$,
 * found by exponentiated-gradient descent on the simplex (its gradient is the groups' rewards
 * under $\pi_\lambda$). Returns the policy, the weights, each group's objective and the duality
 * gap $D(\bar\lambda) - \min_g J_g(\pi)$, which bounds the distance to the optimum.
 *
 * @throws TypeError if `groups` is not a non-empty array of AlignmentProblems of one shape and
 *   reference; RangeError on bad options
 *
 * @example
 * const majority = new AlignmentProblem({ responses: 3, rewards: [1, 0, 0.2] });
 * const minority = new AlignmentProblem({ responses: 3, rewards: [0, 1, 0.6] });
 * const fair = maxMinPolicy([majority, minority], { beta: 0.5 });
 * fair.objectives; // the two groups' J: the smaller is as large as any policy can make it
 *
 * References: Chakraborty, Qiu, Yuan, Koppel, Huang, Manocha, Bedi and Wang, "MaxMin-RLHF:
 * Alignment with Diverse Human Preferences", arXiv:2402.08925.
 */
export function maxMinPolicy(
  groups: readonly AlignmentProblem[],
  options: MaxMinOptions,
): MaxMinPolicy {
  const fn = 'maxMinPolicy';
  if (!Array.isArray(groups) || groups.length === 0)
    throw new TypeError(`${fn}: groups must be a non-empty array of AlignmentProblems`);
  const first = groups[0];
  if (!(first instanceof AlignmentProblem))
    throw new TypeError(`${fn}: groups[0] must be an AlignmentProblem`);
  for (const [g, p] of groups.entries()) {
    if (!(p instanceof AlignmentProblem))
      throw new TypeError(`${fn}: groups[${g}] must be an AlignmentProblem`);
    if (
      p.prompts !== first.prompts ||
      p.responses !== first.responses ||
      p.logReference.some((v, i) => v !== first.logReference[i]) ||
      p.promptLaw.some((v, i) => v !== first.promptLaw[i])
    )
      throw new TypeError(
        `${fn}: groups[${g}] must share the shape, reference and prompt law of groups[0]`,
      );
  }
  const { beta, iterations = 2000 } = readObject(fn, 'options', options);
  assertPositive(fn, 'beta', beta);
  assertInteger(fn, 'iterations', iterations, 1, 1 << 24);
  const G = groups.length;
  const X = first.prompts;
  const K = first.responses;
  // The rewards' scale sets the step: the dual's gradient lies in [min r, max r].
  let scale = 0;
  for (const p of groups) for (const r of p.rewards) scale = Math.max(scale, Math.abs(r));
  const step = Math.sqrt((2 * log(Math.max(G, 2))) / iterations) / Math.max(scale, 1e-300);
  const lambda = new Float64Array(G).fill(1 / G);
  const logLambda = new Float64Array(G).fill(-log(G));
  const average = new Float64Array(G);
  const mixed = new Float64Array(X * K);
  const values = new Float64Array(G);
  const policy = (weights: Float64Array, out: Float64Array) => {
    mixed.fill(0);
    for (let g = 0; g < G; g++)
      for (let i = 0; i < X * K; i++) mixed[i] = mixed[i]! + weights[g]! * groups[g]!.rewards[i]!;
    return first.optimalPolicyUnchecked(mixed, beta, undefined, out);
  };
  const logPolicy = new Float64Array(X * K);
  /** rho(x) pi_lambda(y | x), the weight of each (x, y) in the groups' expected rewards. */
  const mass = new Float64Array(X * K);
  for (let t = 0; t < iterations; t++) {
    policy(lambda, logPolicy);
    // The dual's gradient: each group's expected reward under pi_lambda.
    for (let i = 0; i < X * K; i++)
      mass[i] = first.promptLaw[Math.floor(i / K)]! * exp(logPolicy[i]!);
    for (let g = 0; g < G; g++) {
      let v = 0;
      for (let i = 0; i < X * K; i++) v += mass[i]! * groups[g]!.rewards[i]!;
      values[g] = v;
      average[g] = average[g]! + lambda[g]! / iterations;
    }
    // Exponentiated gradient descent on D(lambda).
    let max = Number.NEGATIVE_INFINITY;
    for (let g = 0; g < G; g++) {
      logLambda[g] = logLambda[g]! - step * values[g]!;
      max = Math.max(max, logLambda[g]!);
    }
    let total = 0;
    for (let g = 0; g < G; g++) total += exp(logLambda[g]! - max);
    for (let g = 0; g < G; g++) lambda[g] = exp(logLambda[g]! - max) / total;
  }
  policy(average, logPolicy);
  const objectives = Float64Array.from(groups, (p) =>
    p.objectiveUnchecked(p.rewards, logPolicy, beta),
  );
  // D at the average weights: the value of the mixed reward's optimum, which is logPolicy.
  const dualValue = first.objectiveUnchecked(mixed, logPolicy, beta);
  return {
    logPolicy,
    weights: average,
    objectives,
    value: Math.min(...objectives),
    dualValue,
  };
}
