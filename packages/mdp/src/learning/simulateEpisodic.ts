import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertInstance,
  assertMade,
  assertRng,
  runRegretAs,
} from '@x/linalg/validate';
import { EpisodicProblem } from '../model/EpisodicProblem.ts';
import { backwardPass } from '../planning/backwardInduction.ts';
import type { EpisodicAgent, Transition } from './EpisodicAgent.ts';
import { assertEpisodicPolicy, episodicValue } from './episodicValue.ts';

/**
 * Runs an episodic learner for several seeded runs on a problem whose mean rewards are in [0, 1]
 * (realised as Bernoulli draws), K = `rounds` episodes of H steps from the start state each, and
 * records the cumulative regret $\sum_k (V^*_0(s_0) - V^{\pi_k}_0(s_0))$, computed exactly for
 * each policy played. It is `runRegret` of `@x/linalg/experiment`: run i plays on the i-th split
 * of `rng` (environment and agent streams apart), and run ranges merge with `mergeRuns`.
 *
 * @param createAgent - makes a fresh learner for each run, given the problem
 * @param options - the episodes K per run (`rounds`), the runs and the checkpoints
 * @returns the cumulative regret at the checkpoints (episodes), per run and on average
 * @throws TypeError if problem is not an EpisodicProblem or the agent misbehaves; RangeError on
 *   bad options or a mean reward outside [0, 1]
 *
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * const result = simulateEpisodic(createRng(1), problem, (p) => new Psrl(p), { rounds: 1000, runs: 8 });
 * result.series.regret.mean; // grows like sqrt(K)
 *
 * References: Azar, Osband and Munos, "Minimax Regret Bounds for Reinforcement Learning",
 * arXiv:1703.05449, Section 2 (the regret of an episodic learner).
 */
export function simulateEpisodic(
  rng: Rng,
  problem: EpisodicProblem,
  createAgent: (problem: EpisodicProblem) => EpisodicAgent,
  options: SimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateEpisodic';
  assertRng(fn, rng);
  assertInstance(fn, 'problem', problem, EpisodicProblem);
  assertFunction(fn, 'createAgent', createAgent);
  const { mdp, horizon: H, start } = problem;
  assertUnitRewards(fn, mdp.reward);
  const optimal = episodicValue(problem, null);
  const { states: S, actions: A } = mdp;
  return runRegretAs(fn, rng, options, ({ environment, agent: agentRng }) => {
    const agent = assertMade(fn, 'createAgent', createAgent(problem), ['plan', 'observe']);
    return () => {
      const policy = agent.plan(agentRng);
      assertEpisodicPolicy(fn, policy, H, S, A);
      const regret = optimal - backwardPass(mdp, H, policy, null, null)[start]!;
      const episode: Transition[] = [];
      let s = start;
      for (let h = 0; h < H; h++) {
        const a = policy[h * S + s]!;
        const reward = environment.nextFloat64() < mdp.reward[s * A + a]! ? 1 : 0;
        const to = mdp.sampleNext(environment, s, a);
        episode.push({ state: s, action: a, reward, next: to });
        s = to;
      }
      agent.observe(episode);
      return regret;
    };
  });
}

/** Checks that mean rewards lie in [0, 1] (they are realised as Bernoulli draws). @internal */
export function assertUnitRewards(fn: string, reward: ArrayLike<number>): void {
  for (let i = 0; i < reward.length; i++)
    if (!(reward[i]! >= 0 && reward[i]! <= 1))
      throw new RangeError(`${fn}: rewards must be in [0, 1], got ${reward[i]} at row ${i}`);
}
