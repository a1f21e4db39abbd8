import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  assertInRange,
  assertNonNegative,
  assertPositive,
  readObject,
  readOptions,
} from '@x/linalg/validate';
import { PolicyBase } from '../core/PolicyBase.ts';
import { LinearIndexPolicy } from './LinearIndexPolicy.ts';
import type { LinearModel } from './RidgeModel.ts';

/** The OFUL confidence ellipsoid's constants (Abbasi-Yadkori et al., Theorem 2). */
export interface OfulConfidence {
  /** Sub-Gaussian noise scale R (the standard deviation, for Gaussian noise). */
  readonly noiseStd: number;
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
 * @example
 * const policy = new LinUcb(3, 2, { alpha: 1 }); // 3 arms, 2 features, a model per arm
 * const context = [0.5, -1]; // this round's features
 * const arm = policy.select(createRng(1), { context });
 * policy.update(arm, 0.3, { context });
 *
 * References: Li, Chu, Langford and Schapire, "A Contextual-Bandit Approach to Personalized
 * News Article Recommendation", WWW 2010, arXiv:1003.0146, Algorithm 1; Abbasi-Yadkori, Pal and
 * Szepesvari, "Improved Algorithms for Linear Stochastic Bandits", NeurIPS 2011, Theorem 2;
 * Slivkins, arXiv:1904.07272, Chapter 8.
 */
export class LinUcb extends LinearIndexPolicy {
  readonly #alpha: number;
  readonly #oful: OfulConfidence | null;

  /**
   * @param arms - number of arms K >= 1
   * @param dim - feature dimension d >= 1
   * @throws RangeError on a bad model, lambda, alpha or OFUL constant
   */
  constructor(arms: number, dim: number, options: LinUcbOptions = {}) {
    const { model = 'disjoint', lambda = 1, alpha = 1, oful } = readOptions('LinUcb', options);
    assertNonNegative('LinUcb', 'alpha', alpha);
    if (oful !== undefined) {
      readObject('LinUcb', 'oful', oful);
      assertPositive('LinUcb', 'oful.noiseStd', oful.noiseStd);
      assertInRange('LinUcb', 'oful.delta', oful.delta, 0, 1, { loOpen: true, hiOpen: true });
      assertPositive('LinUcb', 'oful.thetaNorm', oful.thetaNorm);
      assertPositive('LinUcb', 'oful.featureNorm', oful.featureNorm);
    }
    super('LinUcb', arms, dim, model, lambda, false);
    this.#alpha = alpha;
    this.#oful = oful ?? null;
  }

  protected params(): Record<string, JsonValue> {
    return {
      ...this.ridge.params(),
      alpha: this.#alpha,
      oful: this.#oful === null ? null : { ...this.#oful },
    };
  }

  /** The exploration width for a model with n observations. */
  width(n: number): number {
    const o = this.#oful;
    if (o === null) return this.#alpha;
    const lambda = this.ridge.ridge.lambda;
    return (
      o.noiseStd *
        Math.sqrt(this.dim * log((1 + (n * o.featureNorm * o.featureNorm) / lambda) / o.delta)) +
      Math.sqrt(lambda) * o.thetaNorm
    );
  }

  protected score(arm: number, _rng: Rng): number {
    const r = this.ridge;
    const block = r.block(arm);
    const off = r.offset(arm);
    const n = r.model === 'disjoint' ? this.stats.counts[arm]! : this.stats.total;
    return (
      r.ridge.mean(block, this.context, off) +
      this.width(n) * Math.sqrt(r.ridge.quadratic(block, this.context, off))
    );
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): LinUcb {
    return PolicyBase.restore('LinUcb', state, (p) => {
      const oful = p.value('oful');
      return new LinUcb(p.number('arms'), p.number('dim'), {
        model: p.oneOf('model', ['disjoint', 'shared']),
        lambda: p.number('lambda'),
        alpha: p.number('alpha'),
        ...(oful === null ? {} : { oful: oful as unknown as OfulConfidence }),
      });
    });
  }
}
