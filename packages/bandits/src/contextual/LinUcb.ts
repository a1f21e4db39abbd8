import type { Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertFinite, assertInRange, assertPositive, readOptions } from '@x/linalg/validate';
import type { PolicyState } from '../core/BanditPolicy.ts';
import { readPolicyState } from '../core/IndexPolicy.ts';
import { type LinearModel, LinearPolicy } from './LinearPolicy.ts';

/** The OFUL confidence ellipsoid's constants (Abbasi-Yadkori et al., Theorem 2). */
export interface OfulConfidence {
  /** Sub-Gaussian noise level R. */
  readonly noise: number;
  /** Failure probability delta, in (0, 1). */
  readonly delta: number;
  /** Bound S on $\|\theta\|_2$. */
  readonly thetaNorm: number;
  /** Bound L on $\|x\|_2$. */
  readonly featureNorm: number;
}

/** Options of {@link LinUcb}. */
export interface LinUcbOptions {
  /** 'disjoint' (a model per arm, context of length d) or 'shared' (one model, K x d context). @default 'disjoint' */
  readonly model?: LinearModel;
  /** Ridge regularisation $\lambda$. @default 1 */
  readonly lambda?: number;
  /** Constant exploration width $\alpha$. @default 1 (ignored when `oful` is given) */
  readonly alpha?: number;
  /** Use OFUL's confidence radius $\beta_t$ instead of a constant $\alpha$. */
  readonly oful?: OfulConfidence;
}

/**
 * LinUCB: with ridge estimates $\hat\theta = A^{-1}b$, $A = \lambda I + \sum x x^\top$, play the
 * arm maximising $\hat\theta^\top x_a + \alpha\sqrt{x_a^\top A^{-1} x_a}$. With `oful`, $\alpha$
 * is the radius of OFUL's confidence ellipsoid, $\beta_t = R\sqrt{d\log((1 + n L^2/\lambda)/
 * \delta)} + \sqrt\lambda S$ (n the model's observations), which gives regret $\tilde O(d\sqrt
 * T)$. $A^{-1}$ is kept by Sherman-Morrison updates: $O(d^2)$ per round, no re-inversion.
 *
 * Context layout: 'disjoint', one feature vector of length d shared by all arms, each arm with
 * its own $\theta_a$ (Li et al.'s Algorithm 1); 'shared', K feature vectors row-major and one
 * $\theta$ (the linear bandit of OFUL).
 *
 * References: Li, Chu, Langford and Schapire, "A Contextual-Bandit Approach to Personalized
 * News Article Recommendation", WWW 2010, arXiv:1003.0146, Algorithm 1; Abbasi-Yadkori, Pal and
 * Szepesvari, "Improved Algorithms for Linear Stochastic Bandits", NeurIPS 2011, Theorem 2;
 * Slivkins, arXiv:1904.07272, Chapter 8.
 */
export class LinUcb extends LinearPolicy {
  readonly #alpha: number;
  readonly #oful: OfulConfidence | null;

  /**
   * @param arms - number of arms K >= 1
   * @param dim - feature dimension d >= 1
   * @throws RangeError on a bad model, lambda, alpha or OFUL constant
   */
  constructor(arms: number, dim: number, options: LinUcbOptions = {}) {
    const { model = 'disjoint', lambda = 1, alpha = 1, oful } = readOptions('LinUcb', options);
    assertFinite('LinUcb', 'alpha', alpha);
    if (alpha < 0) throw new RangeError(`LinUcb: alpha must be >= 0, got ${alpha}`);
    if (oful !== undefined) {
      assertPositive('LinUcb', 'oful.noise', oful.noise);
      assertInRange('LinUcb', 'oful.delta', oful.delta, 0, 1, { loOpen: true, hiOpen: true });
      assertPositive('LinUcb', 'oful.thetaNorm', oful.thetaNorm);
      assertPositive('LinUcb', 'oful.featureNorm', oful.featureNorm);
    }
    super('LinUcb', arms, dim, model, lambda, false);
    this.#alpha = alpha;
    this.#oful = oful ?? null;
  }

  protected get typeName(): string {
    return 'LinUcb';
  }

  protected params(): Record<string, number | null> {
    const o = this.#oful;
    return {
      dim: this.dim,
      shared: this.model === 'shared' ? 1 : 0,
      lambda: this.ridge.lambda,
      alpha: this.#alpha,
      noise: o?.noise ?? null,
      delta: o?.delta ?? null,
      thetaNorm: o?.thetaNorm ?? null,
      featureNorm: o?.featureNorm ?? null,
    };
  }

  /** The exploration width for a model with n observations. */
  width(n: number): number {
    const o = this.#oful;
    if (o === null) return this.#alpha;
    const lambda = this.ridge.lambda;
    return (
      o.noise *
        Math.sqrt(this.dim * log((1 + (n * o.featureNorm * o.featureNorm) / lambda) / o.delta)) +
      Math.sqrt(lambda) * o.thetaNorm
    );
  }

  protected score(arm: number, _rng: Rng): number {
    const block = this.block(arm);
    const off = this.offset(arm);
    const n = this.model === 'disjoint' ? this.stats.counts[arm]! : this.stats.total;
    return (
      this.ridge.mean(block, this.context, off) +
      this.width(n) * Math.sqrt(this.ridge.quadratic(block, this.context, off))
    );
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: PolicyState): LinUcb {
    const p = readPolicyState('LinUcb', state);
    const noise = p['noise'];
    const oful =
      noise === null || noise === undefined
        ? {}
        : {
            oful: {
              noise,
              delta: p['delta'] ?? Number.NaN,
              thetaNorm: p['thetaNorm'] ?? Number.NaN,
              featureNorm: p['featureNorm'] ?? Number.NaN,
            },
          };
    return new LinUcb(state.arms, p['dim'] ?? Number.NaN, {
      model: p['shared'] === 1 ? 'shared' : 'disjoint',
      lambda: p['lambda'] ?? Number.NaN,
      alpha: p['alpha'] ?? Number.NaN,
      ...oful,
    }).loadState(state);
  }
}
