import { type Rng, sampleDirichlet } from '@x/linalg';
import { assertPositive, assertRng, readOptions, sampleBetaUnchecked } from '@x/linalg/validate';
import { Mdp } from '../model/Mdp.ts';
import { backwardPass } from '../planning/backwardInduction.ts';
import { CountingAgent } from './CountingAgent.ts';
import { type EpisodicShape, readEpisodicShape } from './EpisodicAgent.ts';

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
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * const agent = new Psrl(problem);
 * const policy = agent.plan(createRng(1)); // policy[h * S + s]: a sample's optimal policy
 * // ... play the episode, then agent.observe(transitions); agent.toJSON() saves it
 *
 * References: Osband, Russo and Van Roy, "(More) Efficient Reinforcement Learning via Posterior
 * Sampling", NeurIPS 2013, arXiv:1306.0940, Algorithm 1.
 */
export class Psrl extends CountingAgent {
  readonly #alpha: number;
  readonly #row: Float64Array;
  readonly #prior: Float64Array;

  /**
   * @param states - S
   * @param actions - A
   * @param horizon - H
   * @throws RangeError on bad sizes or prior
   */
  constructor(problem: EpisodicShape, options: PsrlOptions = {}) {
    const { states, actions, horizon } = readEpisodicShape('Psrl', problem, 1 << 12, 1 << 12);
    const { transitionPrior } = readOptions('Psrl', options);
    const alpha = transitionPrior ?? 1 / states;
    assertPositive('Psrl', 'transitionPrior', alpha);
    super('Psrl', { states, actions, horizon }, { transitionPrior: alpha });
    this.#alpha = alpha;
    this.#row = new Float64Array(states);
    this.#prior = new Float64Array(states);
  }

  plan(rng: Rng): Int32Array {
    assertRng('Psrl.plan', rng);
    const { states: S, actions: A, visits, transitions, rewardSums } = this.counts;
    const H = this.horizon;
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
    const policy = new Int32Array(H * S);
    backwardPass(Mdp.fromTables(S, A, p, r), H, null, null, policy);
    return policy;
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Psrl {
    return CountingAgent.restore(
      'Psrl',
      state,
      (shape, params) => new Psrl(shape, { transitionPrior: params.number('transitionPrior') }),
    );
  }
}
