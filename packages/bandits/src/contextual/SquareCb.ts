import { type Rng, sigmoid } from '@x/linalg';
import { assertPositive, formatValue, readOptions } from '@x/linalg/validate';
import type { PolicyState } from '../core/BanditPolicy.ts';
import { readPolicyState } from '../core/IndexPolicy.ts';
import { type LinearModel, LinearPolicy } from './LinearPolicy.ts';

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
 * the horizon-tuned $\sqrt{KT/\mathrm{Reg}_{sq}}$; the propensity of each choice is exact
 * (`actionProbabilities`), for off-policy evaluation.
 *
 * References: Foster and Rakhlin, "Beyond UCB: Optimal and Efficient Contextual Bandits with
 * Regression Oracles", ICML 2020, arXiv:2002.04926, Algorithm 1; "Contextual Bandits with Online
 * Neural Regression", arXiv:2312.07145 (inverse-gap weighting over online regression oracles);
 * Hazan, Agarwal and Kale,
 * "Logarithmic regret algorithms for online convex optimization", Machine Learning 69, 2007
 * (online Newton step).
 */
export class SquareCb extends LinearPolicy {
  readonly #logistic: boolean;
  readonly #gammaScale: number;
  readonly #pred: Float64Array;
  readonly #probs: Float64Array;
  readonly #grad: Float64Array;

  /**
   * @param arms - number of arms K >= 1
   * @param dim - feature dimension d >= 1
   * @throws RangeError on a bad oracle, model, lambda or gamma scale
   */
  constructor(arms: number, dim: number, options: SquareCbOptions = {}) {
    const {
      oracle = 'ridge',
      model = 'shared',
      lambda = 1,
      gammaScale = 1,
    } = readOptions('SquareCb', options);
    if (oracle !== 'ridge' && oracle !== 'logistic')
      throw new RangeError(
        `SquareCb: oracle must be 'ridge' or 'logistic', got ${formatValue(oracle)}`,
      );
    assertPositive('SquareCb', 'gammaScale', gammaScale);
    super('SquareCb', arms, dim, model, lambda, false);
    this.#logistic = oracle === 'logistic';
    this.#gammaScale = gammaScale;
    this.#pred = new Float64Array(arms);
    this.#probs = new Float64Array(arms);
    this.#grad = new Float64Array(dim);
  }

  protected get typeName(): string {
    return 'SquareCb';
  }

  protected params(): Record<string, number | null> {
    return {
      dim: this.dim,
      shared: this.model === 'shared' ? 1 : 0,
      lambda: this.ridge.lambda,
      gammaScale: this.#gammaScale,
      logistic: this.#logistic ? 1 : 0,
    };
  }

  /** The oracle's prediction for an arm in the current context. */
  protected score(arm: number, _rng: Rng): number {
    const m = this.ridge.mean(this.block(arm), this.context, this.offset(arm));
    return this.#logistic ? sigmoid(m) : m;
  }

  /** The inverse-gap weighting distribution over the candidates, into #probs. */
  #distribution(rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const k = candidates.length;
    const p = this.#probs;
    p.fill(0);
    let best = candidates[0]!;
    for (let i = 0; i < k; i++) {
      const a = candidates[i]!;
      this.#pred[a] = this.score(a, rng);
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

  protected override choose(rng: Rng, candidates: ArrayLike<number>): number {
    const p = this.#distribution(rng, candidates);
    const u = rng.nextFloat64();
    let acc = 0;
    for (let i = 0; i < candidates.length; i++) {
      acc += p[candidates[i]!]!;
      if (u < acc) return candidates[i]!;
    }
    return candidates[candidates.length - 1]!;
  }

  protected override exactProbabilities(rng: Rng, candidates: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.#distribution(rng, candidates));
  }

  protected override afterUpdate(
    arm: number,
    reward: number,
    context: ArrayLike<number> | undefined,
  ): void {
    if (!this.#logistic) {
      super.afterUpdate(arm, reward, context);
      return;
    }
    // Online Newton step on the logistic loss, reusing the ridge arrays (A^-1 and theta).
    const x = context!;
    const b = this.block(arm);
    const off = this.offset(arm);
    const d = this.dim;
    const err = sigmoid(this.ridge.mean(b, x, off)) - reward;
    const g = this.#grad;
    for (let i = 0; i < d; i++) g[i] = err * x[off + i]!;
    this.ridge.newtonStep(b, g);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: PolicyState): SquareCb {
    const p = readPolicyState('SquareCb', state);
    for (const flag of ['logistic', 'shared'] as const) {
      if (p[flag] !== 0 && p[flag] !== 1)
        throw new TypeError(
          `SquareCb.fromJSON: state.params.${flag} must be 0 or 1, got ${formatValue(p[flag])}`,
        );
    }
    return new SquareCb(state.arms, p['dim'] ?? Number.NaN, {
      oracle: p['logistic'] === 1 ? 'logistic' : 'ridge',
      model: p['shared'] === 1 ? 'shared' : 'disjoint',
      lambda: p['lambda'] ?? Number.NaN,
      gammaScale: p['gammaScale'] ?? Number.NaN,
    }).loadState(state);
  }
}
