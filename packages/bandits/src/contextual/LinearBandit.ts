import { type Rng, sampleStandardNormal } from '@x/linalg';
import { pow } from '@x/linalg/math';
import { assertArrayLike, assertFiniteVector, assertPositive, assertRng } from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm } from '../core/validation.ts';

/**
 * A linear bandit with a fixed finite action set: K feature vectors $x_a \in \mathbb R^d$, the
 * same every round (the context the policy sees, row-major K x d), and rewards $\theta^\top x_a
 * + \varepsilon$ with Gaussian noise. The hypercube $\{-1, 1\}^d/\sqrt d$ with $\theta$ of order
 * $1/\sqrt T$ in every coordinate is the classical $\Omega(d\sqrt T)$ lower-bound instance.
 *
 * @example
 * // The hypercube lower-bound instance in 4 dimensions.
 * const env = new LinearBandit(LinearBandit.hypercube(4), [0.1, -0.1, 0.1, -0.1]);
 * simulateBandit(createRng(1), env, (e) => new LinUcb(e.arms, 4, { model: 'shared' }), {
 *   rounds: 2000,
 * });
 *
 * References: Lattimore and Szepesvari, Bandit Algorithms, 2020, Chapter 24 (Theorem 24.1);
 * Dani, Hayes and Kakade, "Stochastic Linear Optimization under Bandit Feedback", COLT 2008.
 */
export class LinearBandit implements BanditEnvironment {
  readonly arms: number;
  readonly dim: number;
  readonly #actions: Float64Array;
  readonly #means: Float64Array;
  readonly #noiseStd: number;

  /**
   * @param actions - K feature vectors of length d (rows)
   * @param theta - the parameter, length d
   * @param noiseStd - standard deviation of the Gaussian noise, > 0, default 1
   * @throws TypeError or RangeError on ragged or non-finite input
   */
  constructor(actions: ArrayLike<ArrayLike<number>>, theta: ArrayLike<number>, noiseStd = 1) {
    const fn = 'LinearBandit';
    assertArrayLike(fn, 'actions', actions);
    assertFiniteVector(fn, 'theta', theta);
    assertPositive(fn, 'noiseStd', noiseStd);
    const d = theta.length;
    if (d === 0 || actions.length === 0)
      throw new RangeError(`${fn}: need at least one action and one dimension`);
    this.arms = actions.length;
    this.dim = d;
    this.#actions = new Float64Array(this.arms * d);
    this.#means = new Float64Array(this.arms);
    for (let a = 0; a < this.arms; a++) {
      assertFiniteVector(fn, `actions[${a}]`, actions[a], d);
      let m = 0;
      for (let i = 0; i < d; i++) {
        this.#actions[a * d + i] = actions[a]![i]!;
        m += theta[i]! * actions[a]![i]!;
      }
      this.#means[a] = m;
    }
    this.#noiseStd = noiseStd;
  }

  /** The hypercube $\{-1, 1\}^d / \sqrt d$ (2^d actions). */
  static hypercube(dim: number): Float64Array[] {
    return Array.from({ length: pow(2, dim) }, (_, a) =>
      Float64Array.from({ length: dim }, (_, i) => ((a >> i) & 1 ? 1 : -1) / Math.sqrt(dim)),
    );
  }

  context(): Float64Array {
    return this.#actions;
  }

  expectedReward(_t: number, arm: number): number {
    assertArm('LinearBandit.expectedReward', arm, this.arms);
    return this.#means[arm]!;
  }

  pull(rng: Rng, _t: number, arm: number): number {
    assertRng('LinearBandit.pull', rng);
    assertArm('LinearBandit.pull', arm, this.arms);
    return this.#means[arm]! + this.#noiseStd * sampleStandardNormal(rng);
  }
}
