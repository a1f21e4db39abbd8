import type { Rng } from '@x/linalg';
import { assertFunction, assertMade, assertRng, formatValue, readObject } from '@x/linalg/validate';
import { episodicResult, recordRegret, regretRunSetup } from '../learning/regretRunSetup.ts';
import type {
  EpisodicSimulationOptions,
  EpisodicSimulationResult,
} from '../learning/simulateEpisodic.ts';
import type { CascadeStep, CascadingAgent } from './CascadingAgent.ts';
import { assertCascadingProblem, type CascadingProblem } from './CascadingProblem.ts';
import { cascadingBackwardInduction } from './cascadingBackwardInduction.ts';
import { assertList, cascadingPolicyValueUnchecked } from './evaluateCascadingPolicy.ts';

/**
 * Runs a cascading agent for several seeded runs: each step the user examines the shown list in
 * order and clicks item a with probability q(s, a) (the first attractive one), the reward is a
 * Bernoulli draw with mean R(s, click) and the state moves by the clicked item's (or "no
 * click"'s) transition. Records the cumulative regret $\sum_k (V^*_0(s_0) - V^{\pi_k}_0(s_0))$,
 * computed exactly for each episode's lists, with split RNG streams per run, environment and agent.
 *
 * @throws RangeError on a bad problem, a reward outside [0, 1], bad checkpoints, or an invalid list from the agent
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", arXiv:2401.08961, Section 3.
 */
export function simulateCascading(
  rng: Rng,
  problem: CascadingProblem,
  createAgent: () => CascadingAgent,
  options: EpisodicSimulationOptions,
): EpisodicSimulationResult {
  const fn = 'simulateCascading';
  assertRng(fn, rng);
  const N = assertCascadingProblem(fn, problem);
  const { mdp, attraction, maxLength, horizon: H, start } = problem;
  assertFunction(fn, 'createAgent', createAgent);
  const { episodes } = readObject(fn, 'options', options);
  const table = regretRunSetup(fn, mdp, 'episodes', episodes, options);
  const optimal = cascadingBackwardInduction(mdp, attraction, maxLength, H).values[start]!;
  const S = mdp.states;
  recordRegret(rng, table, episodes, (envRng, agentRng) => {
    const agent = assertMade(fn, 'createAgent', createAgent(), ['plan', 'observe']);
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
          if (envRng.nextFloat64() < attraction[s * N + list[i]!]!) clicked = i;
        const action = clicked === -1 ? N : list[clicked]!;
        const reward = envRng.nextFloat64() < mdp.reward[s * (N + 1) + action]! ? 1 : 0;
        const next = mdp.sampleNext(envRng, s, action);
        episode.push({ state: s, list, clicked, reward, next });
        s = next;
      }
      agent.observe(episode);
      return regret;
    };
  });
  return episodicResult(table);
}
