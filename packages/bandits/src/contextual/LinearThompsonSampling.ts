import type { JsonValue, Rng } from '@x/linalg';
import { assertPositive, readOptions } from '@x/linalg/validate';
import { PolicyBase } from '../core/PolicyBase.ts';
import { LinearIndexPolicy } from './LinearIndexPolicy.ts';
import type { LinearModel } from './RidgeModel.ts';

/** Options of {@link LinearThompsonSampling}. */
export interface LinearThompsonSamplingOptions {
  /** 'disjoint' (a model per arm, context of length d) or 'shared' (one model, K x d context). @default 'shared' */
  readonly model?: LinearModel;
  /** Ridge regularisation $\lambda$. @default 1 */
  readonly lambda?: number;
  /** Posterior scale v: draws are $\tilde\theta \sim \mathcal N(\hat\theta, v^2 A^{-1})$. @default 1 */
  readonly scale?: number;
}

/**
 * Linear Thompson sampling: draw $\tilde\theta \sim \mathcal N(\hat\theta, v^2 A^{-1})$ and play
 * the arm maximising $\tilde\theta^\top x_a$ (one draw per decision for the 'shared' model, one
 * per arm for 'disjoint').
 *
 * Choice made: the paper's scale $v = R\sqrt{24 d \log(1/\delta)/\epsilon}$ is what its proof
 * needs and is far too conservative in practice; v is a parameter (default 1, the Bayesian
 * posterior for unit noise and a $\mathcal N(0, I/\lambda)$ prior).
 *
 * @example
 * const policy = new LinearThompsonSampling(3, 2); // 3 arms, 2 features, one shared model
 * const context = [0.5, -1, 1, 0, 0, 1]; // each arm's features this round, row-major K x d
 * const arm = policy.select(createRng(1), { context });
 * policy.update(arm, 0.3, { context });
 *
 * References: Agrawal and Goyal, "Thompson Sampling for Contextual Bandits with Linear
 * Payoffs", ICML 2013, arXiv:1209.3352, Algorithm 1.
 */
export class LinearThompsonSampling extends LinearIndexPolicy {
  readonly #scale: number;
  readonly #draw: Float64Array;

  /**
   * @param arms - number of arms K >= 1
   * @param dim - feature dimension d >= 1
   * @throws RangeError on a bad model, lambda or scale
   */
  constructor(arms: number, dim: number, options: LinearThompsonSamplingOptions = {}) {
    const fn = 'LinearThompsonSampling';
    const { model = 'shared', lambda = 1, scale = 1 } = readOptions(fn, options);
    assertPositive(fn, 'scale', scale);
    super(fn, arms, dim, model, lambda, true);
    this.#scale = scale;
    this.#draw = new Float64Array(dim);
  }

  protected params(): Record<string, JsonValue> {
    return { ...this.ridge.params(), scale: this.#scale };
  }

  /** Disjoint: a fresh posterior draw per arm. Shared: the draw made in `choose`. */
  protected score(arm: number, rng: Rng): number {
    const r = this.ridge;
    if (r.model === 'disjoint') r.ridge.sampleTheta(rng, arm, this.#scale, this.#draw);
    const x = this.context;
    const off = r.offset(arm);
    let s = 0;
    for (let i = 0; i < r.dim; i++) s += this.#draw[i]! * x[off + i]!;
    return s;
  }

  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    if (this.ridge.model === 'shared')
      this.ridge.ridge.sampleTheta(rng, 0, this.#scale, this.#draw);
    return this.argmax(rng, candidates);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): LinearThompsonSampling {
    return PolicyBase.restore(
      'LinearThompsonSampling',
      state,
      (p) =>
        new LinearThompsonSampling(p.number('arms'), p.number('dim'), {
          model: p.oneOf('model', ['disjoint', 'shared']),
          lambda: p.number('lambda'),
          scale: p.number('scale'),
        }),
    );
  }
}
