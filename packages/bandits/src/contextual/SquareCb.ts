import type { JsonValue, Rng } from '@x/linalg';
import { assertOneOf, assertPositive, readOptions } from '@x/linalg/validate';
import { PolicyBase } from '../core/PolicyBase.ts';
import { SamplingPolicy } from '../core/SamplingPolicy.ts';
import { assertArm } from '../core/validation.ts';
import { type LinearModel, RidgeModel } from './RidgeModel.ts';

/** Options of {@link SquareCb}. */
export interface SquareCbOptions {
  /** 'ridge': online ridge regression; 'logistic': online logistic regression by online Newton steps (binary rewards). @default 'ridge' */
  readonly oracle?: 'ridge' | 'logistic';
  /** 'disjoint' (a model per arm, context of length d) or 'shared' (one model, K x d context). @default 'shared' */
  readonly model?: LinearModel;
  /** Regularisation $\lambda$ of the oracle. @default 1 */
  readonly lambda?: number;
  /** The scale c of the anytime learning rate $\gamma_t = c\sqrt{K t}$. @default 1 */
  readonly gammaScale?: number;
}

/**
 * SquareCB: contextual bandits by reduction to online regression. An oracle predicts each arm's
 * reward $\hat y_a$; with $b = \arg\max_a \hat y_a$, inverse-gap weighting plays $p_a = 1/(K +
 * \gamma(\hat y_b - \hat y_a))$ for $a \ne b$ and the rest on b, so arms are explored in inverse
 * proportion to how much worse they look. Regret $O(\sqrt{KT\,\mathrm{Reg}_{sq}(T)})$ with
 * $\mathrm{Reg}_{sq}$ the oracle's online square-loss regret.
 *
 * Oracles: online ridge regression ($O(d^2)$ Sherman-Morrison updates), or online logistic
 * regression by online Newton steps ($A \leftarrow A + g g^\top$, $\theta \leftarrow \theta -
 * A^{-1} g$ with $g = (\sigma(\theta^\top x) - r)x$), predicting $\sigma(\theta^\top x)$.
 *
 * Choices made: the anytime rate $\gamma_t = c\sqrt{Kt}$ (t = rewards received + 1) in place of
 * the rounds-tuned $\sqrt{KT/\mathrm{Reg}_{sq}}$; the propensity of each choice is exact
 * (`actionProbabilities`), for off-policy evaluation.
 *
 * @example
 * const policy = new SquareCb(3, 2); // 3 arms, 2 features, a shared ridge-regression oracle
 * const context = [0.5, -1, 1, 0, 0, 1]; // each arm's features this round, row-major K x d
 * const arm = policy.select(createRng(1), { context }); // inverse-gap weighting of the predictions
 * policy.update(arm, 0.3, { context });
 *
 * References: Foster and Rakhlin, "Beyond UCB: Optimal and Efficient Contextual Bandits with
 * Regression Oracles", ICML 2020, arXiv:2002.04926, Algorithm 1; "Contextual Bandits with Online
 * Neural Regression", arXiv:2312.07145 (inverse-gap weighting over online regression oracles);
 * Hazan, Agarwal and Kale,
 * "Logarithmic regret algorithms for online convex optimization", Machine Learning 69, 2007
 * (online Newton step).
 */
export class SquareCb extends SamplingPolicy {
  readonly #gammaScale: number;
  readonly #ridge: RidgeModel;
  readonly #pred: Float64Array;
  readonly #probs: Float64Array;

  /**
   * @param arms - K >= 1
   * @param dim - feature dimension d >= 1
   * @throws RangeError on bad sizes or options
   */
  constructor(arms: number, dim: number, options: SquareCbOptions = {}) {
    const fn = 'SquareCb';
    const {
      oracle = 'ridge',
      model = 'shared',
      lambda = 1,
      gammaScale = 1,
    } = readOptions(fn, options);
    assertOneOf(fn, 'oracle', oracle, ['ridge', 'logistic']);
    assertPositive(fn, 'gammaScale', gammaScale);
    const ridge = new RidgeModel(fn, arms, dim, model, lambda, oracle === 'logistic');
    super(fn, arms, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, ridge);
    this.#ridge = ridge;
    this.#gammaScale = gammaScale;
    this.#pred = new Float64Array(arms);
    this.#probs = new Float64Array(arms);
  }

  protected params(): Record<string, JsonValue> {
    return {
      ...this.#ridge.params(),
      oracle: this.#ridge.logistic ? 'logistic' : 'ridge',
      gammaScale: this.#gammaScale,
    };
  }

  /** Inverse-gap weighting over the candidates, from the oracle's predictions for this context. */
  protected distribution(_rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const k = candidates.length;
    const p = this.#probs;
    p.fill(0);
    let best = candidates[0]!;
    for (let i = 0; i < k; i++) {
      const a = candidates[i]!;
      this.#pred[a] = this.#ridge.predict(a, this.context);
      if (this.#pred[a]! > this.#pred[best]!) best = a;
    }
    const gamma = this.#gammaScale * Math.sqrt(k * (this.stats.total + 1));
    let rest = 0;
    for (let i = 0; i < k; i++) {
      const a = candidates[i]!;
      if (a === best) continue;
      const pa = 1 / (k + gamma * (this.#pred[best]! - this.#pred[a]!));
      p[a] = pa;
      rest += pa;
    }
    p[best] = 1 - rest;
    return p;
  }

  /** The feature dimension d. */
  get dim(): number {
    return this.#ridge.dim;
  }

  /** Whether arms share one parameter vector. */
  get model(): LinearModel {
    return this.#ridge.model;
  }

  /** The length of a context: d (disjoint) or K x d (shared). */
  get contextLength(): number {
    return this.#ridge.contextLength;
  }

  /** The oracle's estimate $\hat\theta$ of an arm (of the shared vector when shared). */
  estimate(arm = 0): Float64Array {
    assertArm('SquareCb.estimate', arm, this.arms);
    return this.#ridge.estimate(arm);
  }

  /**
   * Restores a policy saved by {@link BanditPolicy.toJSON}, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): SquareCb {
    return PolicyBase.restore(
      'SquareCb',
      state,
      (p) =>
        new SquareCb(p.number('arms'), p.number('dim'), {
          oracle: p.oneOf('oracle', ['ridge', 'logistic']),
          model: p.oneOf('model', ['disjoint', 'shared']),
          lambda: p.number('lambda'),
          gammaScale: p.number('gammaScale'),
        }),
    );
  }
}
