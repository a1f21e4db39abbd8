import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertInstance,
  assertMade,
  assertRng,
  formatValue,
  runRegretAs,
} from '@x/linalg/validate';
import { assertUnitRewards } from '../learning/simulateEpisodic.ts';
import type { CascadeStep, CascadingAgent } from './CascadingAgent.ts';
import { CascadingProblem } from './CascadingProblem.ts';
import { cascadingBackwardInduction } from './cascadingBackwardInduction.ts';
import { assertList, cascadingPolicyValueUnchecked } from './evaluateCascadingPolicy.ts';

/**
 * Runs a cascading agent for several seeded runs: each step the user examines the shown list in
 * order and clicks item a with probability q(s, a) (the first attractive one), the reward is a
 * Bernoulli draw with mean R(s, click) and the state moves by the clicked item's (or "no
 * click"'s) transition. Records the cumulative regret $\sum_k (V^*_0(s_0) - V^{\pi_k}_0(s_0))$,
 * computed exactly for each episode's lists, with split RNG streams per run, environment and agent.
 *
 * It is `runRegret` of `@x/linalg/experiment`: run i plays on the i-th split of `rng`, and run
 * ranges merge with `mergeRuns`.
 *
 * @param createAgent - makes a fresh learner for each run, given the problem
 * @param options - the episodes K per run (`rounds`), the runs and the checkpoints
 * @throws TypeError if problem is not a CascadingProblem; RangeError on bad options, a reward
 *   outside [0, 1], or an invalid list from the agent
 *
 * @example
 * const mdp = garnet(createRng(1), 3, 5, 2);
 * const attraction = Array.from({ length: 3 * 4 }, (_, i) => (i % 4) / 8);
 * const problem = new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 3 });
 * const result = simulateCascadingMdp(createRng(2), problem, (p) => new CascadingVi(p), {
 *   rounds: 2000,
 * });
 * result.series.regret.mean; // grows like sqrt(K)
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", arXiv:2401.08961, Section 3.
 */
export function simulateCascadingMdp(
  rng: Rng,
  problem: CascadingProblem,
  createAgent: (problem: CascadingProblem) => CascadingAgent,
  options: SimulationOptions,
): RunResult<'regret'> {
  const fn = 'simulateCascadingMdp';
  assertRng(fn, rng);
  assertInstance(fn, 'problem', problem, CascadingProblem);
  assertFunction(fn, 'createAgent', createAgent);
  const { mdp, attraction, maxLength, horizon: H, start } = problem;
  const N = problem.items;
  const S = mdp.states;
  assertUnitRewards(fn, mdp.reward);
  const optimal = cascadingBackwardInduction(mdp, attraction, maxLength, H).values[start]!;
  return runRegretAs(fn, rng, options, ({ environment, agent: agentRng }) => {
    const agent = assertMade(fn, 'createAgent', createAgent(problem), ['plan', 'observe']);
    return () => {
      const lists = agent.plan(agentRng);
      if (!Array.isArray(lists) || lists.length !== H * S)
        throw new RangeError(
          `${fn}: the agent planned ${formatValue(lists)} lists, not H * S = ${H * S}`,
        );
      for (let i = 0; i < lists.length; i++)
        assertList(fn, lists[i]!, N, maxLength, `the agent's list ${i}`);
      const regret = optimal - cascadingPolicyValueUnchecked(problem, lists);
      const episode: CascadeStep[] = [];
      let s = start;
      for (let h = 0; h < H; h++) {
        const list = lists[h * S + s]!;
        let clicked = -1;
        for (let i = 0; i < list.length && clicked === -1; i++)
          if (environment.nextFloat64() < attraction[s * N + list[i]!]!) clicked = i;
        const action = clicked === -1 ? N : list[clicked]!;
        const reward = environment.nextFloat64() < mdp.reward[s * (N + 1) + action]! ? 1 : 0;
        const next = mdp.sampleNext(environment, s, action);
        episode.push({ state: s, list, clicked, reward, next });
        s = next;
      }
      agent.observe(episode);
      return regret;
    };
  });
}
