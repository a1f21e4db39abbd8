import type { Rng } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  asCaller,
  assertFunction,
  assertInstance,
  assertMade,
  assertRng,
  formatValue,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { episodicResult, recordRegret, regretCheckpoints } from '../learning/regretRunSetup.ts';
import type {
  EpisodicSimulationOptions,
  EpisodicSimulationResult,
} from '../learning/simulateEpisodic.ts';
import { episodicValue } from '../learning/simulateEpisodic.ts';
import { EnvironmentClass } from './EnvironmentClass.ts';
import type { RlhfAgent } from './RlhfFeedback.ts';
import { type RlhfFeedbackKind, sampleTrajectoryInto, trajectoryReturn } from './rlhfEpisode.ts';

/** Options of {@link simulateRlhf}. */
export interface RlhfSimulationOptions extends EpisodicSimulationOptions {
  /** The feedback the agent receives. @default 'preference' */
  readonly feedback?: RlhfFeedbackKind;
}

/**
 * Measures the Bayesian regret of an RLHF learner: each run draws the true environment from the
 * class's prior, and each episode the agent's policy is charged $V^*(s_0) - V^{\pi_k}(s_0)$
 * exactly. The agent then sees its trajectory and either a baseline trajectory with the
 * Bradley-Terry preference $P(\tau^1 \succ \tau^0) = \sigma(R(\tau^1) - R(\tau^0))$ on the true
 * mean-reward returns, or its 0/1 step rewards (Bernoulli with the true mean). Runs use split RNG
 * streams for environment and agent.
 *
 * @throws RangeError on bad sizes or checkpoints
 *
 * References: Qi, Yang, Zhang and Yang, arXiv:2502.05434, Section 2 (the feedback model and the
 * Bayesian regret).
 */
export function simulateRlhf(
  rng: Rng,
  envs: EnvironmentClass,
  createAgent: () => RlhfAgent,
  options: RlhfSimulationOptions,
): EpisodicSimulationResult {
  const fn = 'simulateRlhf';
  assertRng(fn, rng);
  assertInstance(fn, 'envs', envs, EnvironmentClass);
  assertFunction(fn, 'createAgent', createAgent);
  const { episodes, feedback = 'preference' } = readObject(fn, 'options', options);
  if (feedback !== 'preference' && feedback !== 'reward')
    throw new RangeError(
      `${fn}: feedback must be 'preference' or 'reward', got ${formatValue(feedback)}`,
    );
  const table = regretCheckpoints(fn, 'episodes', episodes, options);
  const { size: M, states: S, actions: A, horizon: H } = envs;
  recordRegret(rng, table, episodes, (envRng, agentRng) => {
    const truth = sampleCategoricalUnchecked(envRng, envs.prior);
    const mdp = envs.environments[truth]!;
    const optimal = envs.policyValues[truth * M + truth]!;
    const agent = assertMade(fn, 'createAgent', createAgent(), ['plan', 'observe']);
    return () => {
      const policy = agent.plan(agentRng);
      const regret = optimal - asCaller(fn, () => episodicValue(mdp, H, policy, envs.start));
      const states = new Int32Array(H + 1);
      const actions = new Int32Array(H);
      sampleTrajectoryInto(envs, truth, policy, envRng, states, actions);
      if (feedback === 'preference') {
        const baselineStates = new Int32Array(H + 1);
        const baselineActions = new Int32Array(H);
        sampleTrajectoryInto(envs, truth, null, envRng, baselineStates, baselineActions);
        const margin =
          trajectoryReturn(envs, truth, states, actions) -
          trajectoryReturn(envs, truth, baselineStates, baselineActions);
        const preferred = envRng.nextFloat64() * (1 + exp(-margin)) < 1;
        agent.observe({ states, actions, baselineStates, baselineActions, preferred });
      } else {
        const rewards = Int32Array.from(actions, (a, h) =>
          envRng.nextFloat64() < envs.reward[(truth * S + states[h]!) * A + a]! ? 1 : 0,
        );
        agent.observe({ states, actions, rewards });
      }
      return regret;
    };
  });
  return episodicResult(table);
}
