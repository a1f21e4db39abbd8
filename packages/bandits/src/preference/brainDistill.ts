import type { Rng } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertInteger,
  assertOneOf,
  assertPositive,
  assertRng,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { rowLogSumExp, softmaxRow } from './rowLogSumExp.ts';

/** Options of {@link brainDistill}. */
export interface BrainOptions {
  /** The KL weight $\beta$: the target is $\pi^*_\beta \propto \pi_{ref} e^{r/\beta}$. */
  readonly beta: number;
  /** Responses drawn from the reference per prompt and step, n >= 2. @default 8 */
  readonly samples?: number;
  /** Stochastic gradient steps. @default 2000 */
  readonly iterations?: number;
  /** The step size on the logits. @default 0.5 */
  readonly learningRate?: number;
  /**
   * `'self-normalised'`: BRAIn's estimator $\sum_i (\bar\alpha_i - \bar\beta_i)\nabla\log\pi(y_i)$;
   * `'none'`: the distributional policy gradient without it, $\sum_i \bar\alpha_i \nabla\log\pi(y_i)$.
   * @default 'self-normalised'
   */
  readonly baseline?: 'self-normalised' | 'none';
}

/** The distilled policy and the size of the gradients that got it there. */
export interface BrainResult {
  /** The learned policy, log-probabilities (prompts x responses). */
  readonly logPolicy: Float64Array;
  /** The squared norm of each step's gradient estimate. */
  readonly gradientNorms: Float64Array;
}

/**
 * Distils the reward-conditioned posterior $\pi^*_\beta(y \mid x) \propto \pi_{ref}(y \mid x)
 * e^{r(x, y)/\beta}$ into a tabular policy from samples of the reference (offline), as BRAIn
 * does: for n samples $y_i \sim \pi_{ref}$, self-normalised importance weights of the target,
 * $\bar\alpha_i \propto e^{r(y_i)/\beta}$, and of the current policy, $\bar\beta_i \propto
 * \pi_\theta(y_i)/\pi_{ref}(y_i)$, give the step $\sum_i (\bar\alpha_i - \bar\beta_i)\nabla\log
 * \pi_\theta(y_i)$ (the self-normalised baseline $\bar\beta$). Once $\pi_\theta$ is the target the
 * two weightings agree on every sample set and the estimate is exactly zero; without the baseline
 * (the distributional policy gradient of GDC and DPG) it keeps a variance that does not vanish.
 * The target's exponential-of-reward form (the KL-regularised optimum) is the library's choice
 * among the posteriors the paper allows.
 *
 * @throws TypeError on a bad rng or problem; RangeError on bad options
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, 0.5] });
 * const { logPolicy } = brainDistill(createRng(1), problem, { beta: 1 });
 * problem.evaluate(logPolicy, 1).klToOptimum; // small
 *
 * References: Pandey, Nandwani, Naseem, Mishra, Xu, Raghu, Joshi, Munawar and Astudillo, "BRAIn:
 * Bayesian Reward-conditioned Amortized Inference for natural language generation from
 * feedback", arXiv:2402.02479; Khalifa, Elsahar and Dymetman, "A Distributional Approach to
 * Controlled Text Generation", arXiv:2012.11635 (DPG and GDC).
 */
export function brainDistill(
  rng: Rng,
  problem: AlignmentProblem,
  options: BrainOptions,
): BrainResult {
  const fn = 'brainDistill';
  assertRng(fn, rng);
  if (!(problem instanceof AlignmentProblem))
    throw new TypeError(`${fn}: problem must be an AlignmentProblem`);
  const {
    beta,
    samples = 8,
    iterations = 2000,
    learningRate = 0.5,
    baseline = 'self-normalised',
  } = readObject(fn, 'options', options);
  assertPositive(fn, 'beta', beta);
  assertInteger(fn, 'samples', samples, 2, 1 << 20);
  assertInteger(fn, 'iterations', iterations, 1, 1 << 24);
  assertPositive(fn, 'learningRate', learningRate);
  if (!(learningRate <= 1e3))
    throw new RangeError(`${fn}: learningRate must be at most 1000, got ${learningRate}`);
  assertOneOf(fn, 'baseline', baseline, ['self-normalised', 'none']);
  const X = problem.prompts;
  const K = problem.responses;
  const logits = Float64Array.from(problem.logReference);
  const drawn = new Int32Array(samples);
  const target = new Float64Array(samples);
  const current = new Float64Array(samples);
  const step = new Float64Array(K);
  const policy = new Float64Array(K);
  const gradientNorms = new Float64Array(iterations);
  for (let t = 0; t < iterations; t++) {
    let norm2 = 0;
    for (let x = 0; x < X; x++) {
      const row = x * K;
      const lse = softmaxRow(logits, row, K, policy);
      let top = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < samples; i++) {
        const y = sampleCategoricalUnchecked(rng, problem.referenceRow(x));
        drawn[i] = y;
        top = Math.max(top, problem.rewards[row + y]!);
        current[i] = logits[row + y]! - lse - problem.logReference[row + y]!;
      }
      // The target's log-weights (r - max r) / beta: 0 for the best sample, so no beta overflows.
      for (let i = 0; i < samples; i++)
        target[i] = (problem.rewards[row + drawn[i]!]! - top) / beta;
      normaliseInPlace(target);
      normaliseInPlace(current);
      step.fill(0);
      let mass = 0;
      for (let i = 0; i < samples; i++) {
        const w = baseline === 'none' ? target[i]! : target[i]! - current[i]!;
        step[drawn[i]!] = step[drawn[i]!]! + w;
        mass += w;
      }
      // grad log pi(y) = e_y - pi: the -pi part carries the weights' total (0 with the baseline).
      for (let y = 0; y < K; y++) {
        const g = step[y]! - mass * policy[y]!;
        logits[row + y] = logits[row + y]! + learningRate * g;
        norm2 += g * g;
      }
    }
    gradientNorms[t] = norm2;
  }
  const logPolicy = new Float64Array(X * K);
  for (let x = 0; x < X; x++) {
    const lse = rowLogSumExp(logits, x * K, K);
    for (let y = 0; y < K; y++) logPolicy[x * K + y] = logits[x * K + y]! - lse;
  }
  return { logPolicy, gradientNorms };
}

/** Log-weights (at most one of them -Infinity short of the rest) to self-normalised weights, in place. */
function normaliseInPlace(w: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of w) max = Math.max(max, v);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    w[i] = exp(w[i]! - max);
    total += w[i]!;
  }
  for (let i = 0; i < w.length; i++) w[i] = w[i]! / total;
}
