import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import {
  assertFunction,
  assertInteger,
  assertMade,
  assertRng,
  readObject,
  runExperimentAs,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { relativeValueIteration } from '../planning/relativeValueIteration.ts';
import { assertUnitRewards } from './simulateEpisodic.ts';

/** A learner for continuing (average-reward) interaction, such as {@link Ucrl2}. */
export interface ContinuingAgent {
  /** The action to take in state s. */
  act(s: number): number;
  /** Records the transition that followed. */
  observe(s: number, a: number, reward: number, next: number): void;
}

/** The regret curve of {@link simulateAverageReward}, with the optimal gain it is measured against. */
export interface AverageRewardSimulationResult extends RunResult<'regret'> {
  /** The optimal gain $g^*$. */
  readonly gain: number;
}

/**
 * Runs a continuing agent for several seeded runs (each on its own split RNG streams, so a run's
 * numbers do not depend on how many others ran) on an MDP with rewards in [0, 1], realised as
 * Bernoulli draws with mean R(s, a). The regret after T steps is $T g^* - \sum_{t<T} R(s_t, a_t)$,
 * with the expected rewards of the actions taken (the reward noise, which no agent controls, is
 * left out) and $g^*$ from relative value iteration.
 *
 * It is `runExperiment` of `@x/linalg/experiment` with T = `rounds` steps per run: run i plays on
 * the i-th split of `rng`, and run ranges merge with `mergeRuns`.
 *
 * @param createAgent - makes a fresh learner for each run, given the model
 * @param options - the steps T per run (`rounds`), the runs, the checkpoints (steps) and the start state
 * @throws RangeError on bad options, rewards outside [0, 1], or an action out of range
 *
 * @example
 * const result = simulateAverageReward(createRng(1), riverSwim(6), (m) => new Ucrl2(m), { rounds: 20_000 });
 * result.series.regret.mean; // grows like sqrt(T)
 *
 * References: Jaksch, Ortner and Auer, JMLR 11, 2010, Section 1 (regret in average-reward MDPs).
 */
export function simulateAverageReward(
  rng: Rng,
  mdp: Mdp,
  createAgent: (mdp: Mdp) => ContinuingAgent,
  options: SimulationOptions & { readonly start?: number },
): AverageRewardSimulationResult {
  const fn = 'simulateAverageReward';
  assertRng(fn, rng);
  assertMdp(fn, mdp);
  assertFunction(fn, 'createAgent', createAgent);
  const { start = 0 } = readObject(fn, 'options', options);
  assertInteger(fn, 'start', start, 0, mdp.states - 1);
  assertUnitRewards(fn, mdp.reward);
  const gain = relativeValueIteration(mdp, { epsilon: 1e-10 }).gain;
  const A = mdp.actions;
  const result = runExperimentAs(fn, rng, { ...options, series: ['regret'] }, ({ environment }) => {
    const agent = assertMade(fn, 'createAgent', createAgent(mdp), ['act', 'observe']);
    let collected = 0;
    let s = start;
    let t = 0;
    return {
      step() {
        const a = agent.act(s);
        if (!(Number.isInteger(a) && a >= 0 && a < A))
          throw new RangeError(
            `${fn}: the agent chose action ${a} in state ${s}, not in [0, ${A - 1}]`,
          );
        const mean = mdp.reward[s * A + a]!;
        collected += mean;
        const to = mdp.sampleNext(environment, s, a);
        agent.observe(s, a, environment.nextFloat64() < mean ? 1 : 0, to);
        s = to;
        t++;
      },
      measure(out) {
        out[0] = t * gain - collected;
      },
    };
  });
  return { ...result, gain };
}
