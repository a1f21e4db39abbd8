import { type Rng, sampleDirichlet } from '@x/linalg';
import {
  assertInteger,
  assertPositive,
  assertRng,
  readOptions,
  sampleBetaUnchecked,
} from '@x/linalg/validate';
import { denseBackwardInduction } from './denseBackwardInduction.ts';
import type { EpisodicAgent, Transition } from './EpisodicAgent.ts';
import { type LearnerState, readLearnerState } from './LearnerState.ts';
import { TabularCounts } from './TabularCounts.ts';

/** Options of {@link Psrl}. */
export interface PsrlOptions {
  /** Dirichlet prior concentration of every transition row. @default 1 / S (a sparse prior) */
  readonly transitionPrior?: number;
}

/**
 * Posterior sampling for reinforcement learning (PSRL) in episodic MDPs with rewards in [0, 1]:
 * each episode, draw an MDP from the posterior (Dirichlet($\alpha + N(s,a,\cdot)$) transition
 * rows; Beta($1 + \sum r$, $1 + N - \sum r$) mean rewards, the fractional Bernoulli update), solve
 * it by backward induction, and follow its optimal policy. Bayesian regret $\tilde O(HS\sqrt{AT})$.
 *
 * References: Osband, Russo and Van Roy, "(More) Efficient Reinforcement Learning via Posterior
 * Sampling", NeurIPS 2013, arXiv:1306.0940, Algorithm 1.
 */
export class Psrl implements EpisodicAgent {
  readonly #counts: TabularCounts;
  readonly #horizon: number;
  readonly #alpha: number;
  readonly #row: Float64Array;
  readonly #prior: Float64Array;
  readonly #params: Record<string, unknown>;

  /**
   * @param states - S
   * @param actions - A
   * @param horizon - H
   * @throws RangeError on bad sizes or prior
   */
  constructor(states: number, actions: number, horizon: number, options: PsrlOptions = {}) {
    const { transitionPrior } = readOptions('Psrl', options);
    assertInteger('Psrl', 'states', states, 1, 1 << 12);
    assertInteger('Psrl', 'actions', actions, 1, 1 << 12);
    assertInteger('Psrl', 'horizon', horizon, 1, 1 << 16);
    const alpha = transitionPrior ?? 1 / states;
    assertPositive('Psrl', 'transitionPrior', alpha);
    this.#counts = new TabularCounts(states, actions);
    this.#horizon = horizon;
    this.#alpha = alpha;
    this.#row = new Float64Array(states);
    this.#prior = new Float64Array(states);
    this.#params = { states, actions, horizon, transitionPrior: alpha };
  }

  plan(rng: Rng): Int32Array {
    assertRng('Psrl.plan', rng);
    const { states: S, actions: A, visits, transitions, rewardSums } = this.#counts;
    const H = this.#horizon;
    // Sample the model.
    const p = new Float64Array(S * A * S);
    const r = new Float64Array(S * A);
    for (let i = 0; i < S * A; i++) {
      for (let j = 0; j < S; j++) this.#prior[j] = this.#alpha + transitions[i * S + j]!;
      sampleDirichlet(rng, this.#prior, this.#row);
      p.set(this.#row, i * S);
      const n = visits[i]!;
      const sum = rewardSums[i]!;
      r[i] = sampleBetaUnchecked(rng, 1 + sum, 1 + n - sum);
    }
    // Backward induction on the sample.
    return denseBackwardInduction(S, A, H, p, r);
  }

  observe(episode: readonly Transition[]): void {
    this.#counts.addEpisode('Psrl.observe', episode);
  }

  /** The learner as JSON data (parameters and counts), for saving and resuming. */
  toJSON(): LearnerState {
    return { type: 'Psrl', version: 1, params: { ...this.#params }, stats: this.#counts.toJSON() };
  }

  /**
   * Restores a learner saved by {@link Psrl.toJSON}, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Psrl {
    const { params: p, stats } = readLearnerState('Psrl', state);
    const agent = new Psrl(p.states as number, p.actions as number, p.horizon as number, {
      transitionPrior: p.transitionPrior as number,
    });
    agent.#counts.load('Psrl.fromJSON', stats);
    return agent;
  }
}
