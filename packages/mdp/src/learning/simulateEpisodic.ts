import type { Rng } from '@x/linalg';
import {
  asCaller,
  assertFunction,
  assertInteger,
  assertMade,
  assertRng,
  readObject,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import type { EpisodicAgent, Transition } from './EpisodicAgent.ts';
import type { RegretRunOptions } from './RegretRunOptions.ts';
import type { RegretRuns } from './RegretRuns.ts';
import { episodicResult, recordRegret, regretRunSetup } from './regretRunSetup.ts';

/** Options of the episodic regret simulators; `checkpoints` are episodes. */
export interface EpisodicSimulationOptions extends RegretRunOptions {
  /** Episodes per run. */
  readonly episodes: number;
}

/** The regret curves of an episodic simulation. */
export interface EpisodicSimulationResult extends RegretRuns {
  /** Checkpoint episodes (1-based). */
  readonly episodes: Int32Array;
}

/** The value at step 0 from `start` of a non-stationary policy (`policy[h * S + s]`), by backward induction. */
export function episodicValue(
  mdp: Mdp,
  horizon: number,
  policy: Int32Array | null,
  start: number,
): number {
  const fn = 'episodicValue';
  assertMdp(fn, mdp);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 24);
  const S = mdp.states;
  const A = mdp.actions;
  assertInteger(fn, 'start', start, 0, S - 1);
  if (policy !== null) {
    if (!(policy instanceof Int32Array) || policy.length !== horizon * S)
      throw new TypeError(
        `${fn}: policy must be null or an Int32Array of horizon x states = ${horizon * S} actions`,
      );
    for (let i = 0; i < policy.length; i++)
      if (!(policy[i]! >= 0 && policy[i]! < A))
        throw new RangeError(
          `${fn}: policy[${i}] must be an action in [0, ${A - 1}], got ${policy[i]}`,
        );
  }
  let next = new Float64Array(S);
  let v = new Float64Array(S);
  for (let h = horizon - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      if (policy !== null) {
        const a = policy[h * S + s]!;
        v[s] = mdp.reward[s * A + a]! + mdp.expectedNext(s, a, next);
      } else {
        let best = Number.NEGATIVE_INFINITY;
        for (let a = 0; a < A; a++)
          best = Math.max(best, mdp.reward[s * A + a]! + mdp.expectedNext(s, a, next));
        v[s] = best;
      }
    }
    [next, v] = [v, next];
  }
  return next[start]!;
}

/**
 * Runs an episodic agent for several seeded runs on an MDP with rewards in [0, 1] (realised as
 * Bernoulli draws with mean R(s, a)), each episode H steps from `start`, and records the
 * cumulative regret $\sum_k (V^*_0(s_0) - V^{\pi_k}_0(s_0))$, computed exactly for each policy.
 *
 * @throws RangeError on bad sizes, a reward outside [0, 1], or checkpoints outside [1, episodes]
 */
export function simulateEpisodic(
  rng: Rng,
  mdp: Mdp,
  horizon: number,
  start: number,
  createAgent: () => EpisodicAgent,
  options: EpisodicSimulationOptions,
): EpisodicSimulationResult {
  const fn = 'simulateEpisodic';
  assertRng(fn, rng);
  assertMdp(fn, mdp);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 24);
  assertInteger(fn, 'start', start, 0, mdp.states - 1);
  assertFunction(fn, 'createAgent', createAgent);
  const { episodes } = readObject(fn, 'options', options);
  const table = regretRunSetup(fn, mdp, 'episodes', episodes, options);
  const optimal = episodicValue(mdp, horizon, null, start);
  const S = mdp.states;
  const A = mdp.actions;
  recordRegret(rng, table, episodes, (envRng, agentRng) => {
    const agent = assertMade(fn, 'createAgent', createAgent(), ['plan', 'observe']);
    return () => {
      const policy = agent.plan(agentRng);
      const regret = optimal - asCaller(fn, () => episodicValue(mdp, horizon, policy, start));
      const episode: Transition[] = [];
      let s = start;
      for (let h = 0; h < horizon; h++) {
        const a = policy[h * S + s]!;
        const r = s * A + a;
        const reward = envRng.nextFloat64() < mdp.reward[r]! ? 1 : 0;
        const to = mdp.sampleNext(envRng, s, a);
        episode.push({ state: s, action: a, reward, next: to });
        s = to;
      }
      agent.observe(episode);
      return regret;
    };
  });
  return episodicResult(table);
}
