import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertInRange,
  assertMade,
  readObject,
  runExperimentAs,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';

/** A learner that aligns a policy online: it proposes pairs from its policy and learns from labels. */
export interface OnlineAligner {
  readonly prompts: number;
  readonly responses: number;
  /** Two responses to have compared at `prompt`. */
  selectPair(rng: Rng, prompt: number): [number, number];
  /** Learns that `chosen` was preferred to `rejected` at `prompt`. */
  update(prompt: number, chosen: number, rejected: number): void;
  /** The current policy as log-probabilities (into `out`). */
  logPolicy(out?: Float64Array): Float64Array;
}

/** Options of {@link simulateOnlineAlignment}: the runner's, and the KL weight it measures with. */
export interface OnlineAlignmentOptions extends SimulationOptions {
  /** The $\beta$ of the objective $J_\beta$ the suboptimality is measured in, in $[10^{-6}, 10^6]$. */
  readonly beta: number;
}

/**
 * Online alignment against a preference oracle: each round a prompt is drawn from $\rho$, the
 * learner proposes two responses (from its current policy, for on-policy methods), the oracle
 * labels them by the problem's link, and the learner updates (a pair of identical responses
 * carries no preference and is not passed on). Records the current suboptimality
 * $J_\beta(\pi^*) - J_\beta(\pi_t) = \beta\,\mathrm{KL}(\pi_t \| \pi^*)$ of the policy that chose
 * the pair (`series.suboptimality`) and its running sum (`series.regret`). On the shared runner:
 * run i plays on the i-th split of `rng`, run ranges merge with `mergeRuns`.
 *
 * @throws TypeError on a bad problem or factory, or a learner of another shape; RangeError on bad
 *   options
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, 3] });
 * const run = simulateOnlineAlignment(createRng(1), problem,
 *   (p) => new PreferenceOptimizer(p, { loss: 'dpo', beta: 1, learningRate: 0.1 }),
 *   { rounds: 5000, beta: 1 });
 * run.series.suboptimality.mean; // falls towards 0: iterative DPO reaches pi*
 *
 * References: Guo et al., "Direct Language Model Alignment from Online AI Feedback",
 * arXiv:2402.04792 (online, on-policy DPO); Rafailov et al., arXiv:2305.18290.
 */
export function simulateOnlineAlignment(
  rng: Rng,
  problem: AlignmentProblem,
  createLearner: (problem: AlignmentProblem) => OnlineAligner,
  options: OnlineAlignmentOptions,
): RunResult<'regret' | 'suboptimality'> {
  const fn = 'simulateOnlineAlignment';
  if (!(problem instanceof AlignmentProblem))
    throw new TypeError(`${fn}: problem must be an AlignmentProblem`);
  assertFunction(fn, 'createLearner', createLearner);
  const { beta, ...runOptions } = readObject(fn, 'options', options);
  assertInRange(fn, 'beta', beta, 1e-6, 1e6);
  const optimum = problem.optimalPolicy(beta);
  const X = problem.prompts;
  const K = problem.responses;
  const spec = { ...runOptions, series: ['regret', 'suboptimality'] as const };
  return runExperimentAs(fn, rng, spec, ({ environment, agent }) => {
    const learner = assertMade(fn, 'createLearner', createLearner(problem), [
      'selectPair',
      'update',
      'logPolicy',
    ]);
    if (learner.prompts !== X || learner.responses !== K)
      throw new TypeError(
        `${fn}: the learner is for ${learner.prompts} x ${learner.responses}, the problem ${X} x ${K}`,
      );
    const policy = new Float64Array(X * K);
    let regret = 0;
    let current = 0;
    return {
      step() {
        // The policy that acts this round, and its suboptimality beta KL(pi_t || pi*).
        learner.logPolicy(policy);
        current = beta * problem.klUnchecked(policy, optimum);
        regret += current;
        const x = sampleCategoricalUnchecked(environment, problem.promptLaw);
        const [a, b] = learner.selectPair(agent, x);
        if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < K && b < K))
          throw new RangeError(
            `${fn}: the learner proposed responses ${a} and ${b}, not in [0, ${K})`,
          );
        if (a === b) return;
        const aWins = environment.nextFloat64() < problem.preferenceUnchecked(x, a, b);
        learner.update(x, aWins ? a : b, aWins ? b : a);
      },
      measure(out) {
        out[0] = regret;
        out[1] = current;
      },
    };
  });
}
