import type { Rng } from '@x/linalg';
import {
  assertFunction,
  assertInteger,
  assertMade,
  assertRng,
  readObject,
} from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';
import { relativeValueIteration } from '../planning/relativeValueIteration.ts';
import type { RegretRunOptions } from './RegretRunOptions.ts';
import type { RegretRuns } from './RegretRuns.ts';
import { regretRunSetup, regretSummary, skipRuns } from './regretRunSetup.ts';

/** A learner for continuing (average-reward) interaction, such as {@link Ucrl2}. */
export interface ContinuingAgent {
  /** The action to take in state s. */
  act(s: number): number;
  /** Records the transition that followed. */
  observe(s: number, a: number, reward: number, next: number): void;
}

/** Options of {@link simulateAverageReward}; `checkpoints` are steps. */
export interface AverageRewardSimulationOptions extends RegretRunOptions {
  /** Steps per run. */
  readonly steps: number;
  /** The state every run starts in. @default 0 */
  readonly start?: number;
}

/** The regret curves of {@link simulateAverageReward}. */
export interface AverageRewardSimulationResult extends RegretRuns {
  /** Checkpoint steps (1-based). */
  readonly steps: Int32Array;
  /** The optimal gain $g^*$ the regret is measured against. */
  readonly gain: number;
}

/**
 * Runs a continuing agent for several seeded runs (each on its own split RNG streams, so a run's
 * numbers do not depend on how many others ran) on an MDP with rewards in [0, 1], realised as
 * Bernoulli draws with mean R(s, a). The regret after T steps is $T g^* - \sum_{t<T} R(s_t, a_t)$,
 * with the expected rewards of the actions taken (the reward noise, which no agent controls, is
 * left out) and $g^*$ from relative value iteration.
 *
 * @throws RangeError on bad sizes, rewards outside [0, 1], or checkpoints outside [1, steps]
 *
 * References: Jaksch, Ortner and Auer, JMLR 11, 2010, Section 1 (regret in average-reward MDPs).
 */
export function simulateAverageReward(
  rng: Rng,
  mdp: Mdp,
  createAgent: () => ContinuingAgent,
  options: AverageRewardSimulationOptions,
): AverageRewardSimulationResult {
  const fn = 'simulateAverageReward';
  assertRng(fn, rng);
  assertMdp(fn, mdp);
  assertFunction(fn, 'createAgent', createAgent);
  const { steps, start = 0 } = readObject(fn, 'options', options);
  assertInteger(fn, 'start', start, 0, mdp.states - 1);
  const { marks, runs, firstRun, runRegret } = regretRunSetup(fn, mdp, 'steps', steps, options);
  const gain = relativeValueIteration(mdp, { epsilon: 1e-10 }).gain;
  const A = mdp.actions;
  skipRuns(rng, firstRun);
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const envRng = runRng.split();
    const agent = assertMade(fn, 'createAgent', createAgent(), ['act', 'observe']);
    let collected = 0;
    let s = start;
    let mark = 0;
    for (let t = 0; t < steps; t++) {
      const a = agent.act(s);
      if (!(Number.isInteger(a) && a >= 0 && a < A))
        throw new RangeError(
          `${fn}: the agent chose action ${a} in state ${s}, not in [0, ${A - 1}]`,
        );
      const mean = mdp.reward[s * A + a]!;
      collected += mean;
      const to = mdp.sampleNext(envRng, s, a);
      agent.observe(s, a, envRng.nextFloat64() < mean ? 1 : 0, to);
      s = to;
      if (t + 1 === marks[mark])
        runRegret[run * marks.length + mark++] = (t + 1) * gain - collected;
    }
  }
  return {
    steps: marks,
    ...regretSummary(firstRun, runRegret, marks.length),
    gain,
  };
}
