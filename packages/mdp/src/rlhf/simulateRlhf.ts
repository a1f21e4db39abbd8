import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { exp } from '@x/linalg/math';
import {
  assertFunction,
  assertInstance,
  assertMade,
  assertOneOf,
  assertRng,
  readObject,
  runRegretAs,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { assertEpisodicPolicy } from '../learning/episodicValue.ts';
import { backwardPass } from '../planning/backwardInduction.ts';
import { EnvironmentClass } from './EnvironmentClass.ts';
import type { RlhfAgent } from './RlhfFeedback.ts';
import { type RlhfFeedbackKind, sampleTrajectoryInto, trajectoryReturn } from './rlhfEpisode.ts';

/** Options of {@link simulateRlhf}: the episodes per run (`rounds`), the runs, the checkpoints and the feedback. */
export interface RlhfSimulationOptions extends SimulationOptions {
  /** The feedback the agent receives. @default 'preference' */
  readonly feedback?: RlhfFeedbackKind;
}

/**
 * Measures the Bayesian regret of an RLHF learner: each run draws the true environment from the
 * class's prior, and each episode the agent's policy is charged $V^*(s_0) - V^{\pi_k}(s_0)$
 * exactly. The agent then sees its trajectory and either a baseline trajectory with the
 * Bradley-Terry preference $P(\tau^1 \succ \tau^0) = \sigma(R(\tau^1) - R(\tau^0))$ on the true
 * mean-reward returns, or its 0/1 step rewards (Bernoulli with the true mean). Runs use split RNG
 * streams for environment and agent: it is `runRegret` of `@x/linalg/experiment`, and run ranges
 * merge with `mergeRuns`.
 *
 * @param createAgent - makes a fresh learner for each run, given the class
 * @throws TypeError if envs is not an EnvironmentClass; RangeError on bad options
 *
 * @example
 * const envs = randomEnvironmentClass(createRng(1), { size: 8, states: 3, actions: 2, horizon: 3 });
 * const result = simulateRlhf(createRng(2), envs, (e) => new RlhfIds(e), { rounds: 500, runs: 4 });
 * result.series.regret.mean; // grows like sqrt(K)
 *
 * References: Qi, Yang, Zhang and Yang, arXiv:2502.05434 (the feedback model and the
 * Bayesian regret).
 */
export function simulateRlhf(
  rng: Rng,
  envs: EnvironmentClass,
  createAgent: (envs: EnvironmentClass) => RlhfAgent,
  options: RlhfSimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateRlhf';
  assertRng(fn, rng);
  assertInstance(fn, 'envs', envs, EnvironmentClass);
  assertFunction(fn, 'createAgent', createAgent);
  const { feedback = 'preference' } = readObject(fn, 'options', options);
  assertOneOf(fn, 'feedback', feedback, ['preference', 'reward']);
  const { size: M, states: S, actions: A, horizon: H } = envs;
  return runRegretAs(fn, rng, options, ({ environment, agent: agentRng }) => {
    const truth = sampleCategoricalUnchecked(environment, envs.prior);
    const mdp = envs.environments[truth]!;
    const optimal = envs.policyValues[truth * M + truth]!;
    const agent = assertMade(fn, 'createAgent', createAgent(envs), ['plan', 'observe']);
    return () => {
      const policy = agent.plan(agentRng);
      assertEpisodicPolicy(fn, policy, H, S, A);
      const regret = optimal - backwardPass(mdp, H, policy, null, null)[envs.start]!;
      const states = new Int32Array(H + 1);
      const actions = new Int32Array(H);
      sampleTrajectoryInto(envs, truth, policy, environment, states, actions);
      if (feedback === 'preference') {
        const baselineStates = new Int32Array(H + 1);
        const baselineActions = new Int32Array(H);
        sampleTrajectoryInto(envs, truth, null, environment, baselineStates, baselineActions);
        const margin =
          trajectoryReturn(envs, truth, states, actions) -
          trajectoryReturn(envs, truth, baselineStates, baselineActions);
        const preferred = environment.nextFloat64() * (1 + exp(-margin)) < 1;
        agent.observe({ states, actions, baselineStates, baselineActions, preferred });
      } else {
        const rewards = Int32Array.from(actions, (a, h) =>
          environment.nextFloat64() < envs.reward[(truth * S + states[h]!) * A + a]! ? 1 : 0,
        );
        agent.observe({ states, actions, rewards });
      }
      return regret;
    };
  });
}
