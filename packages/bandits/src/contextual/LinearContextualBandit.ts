import { type Rng, sampleStandardNormal } from '@x/linalg';
import {
  assertArrayLike,
  assertFiniteVector,
  assertInteger,
  assertPositive,
  assertRng,
  readOptions,
} from '@x/linalg/validate';
import type { BanditEnvironment } from '../core/BanditEnvironment.ts';
import { assertArm } from '../core/validation.ts';
import type { LinearModel } from './RidgeModel.ts';

/** Options of {@link LinearContextualBandit}. */
export interface LinearContextualBanditOptions {
  /** Standard deviation of the Gaussian reward noise. @default 0.1 */
  readonly noiseStd?: number;
}

/** Writes a uniform draw from the unit sphere of R^d into out[offset .. offset + d). */
function sphere(rng: Rng, out: Float64Array, offset: number, d: number): void {
  let norm = 0;
  do {
    norm = 0;
    for (let i = 0; i < d; i++) {
      const z = sampleStandardNormal(rng);
      out[offset + i] = z;
      norm += z * z;
    }
  } while (norm === 0);
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < d; i++) out[offset + i] = out[offset + i]! * inv;
}

/**
 * A linear contextual bandit with features uniform on the unit sphere and Gaussian noise:
 * 'disjoint', one context x per round and $r = \theta_a^\top x + \varepsilon$; 'shared', one
 * feature vector $x_a$ per arm per round (row-major K x d) and $r = \theta^\top x_a +
 * \varepsilon$. Matches the context layouts of {@link LinUcb}.
 *
 * @example
 * // Three arms with their own weights on 2 features; contexts drawn afresh each round.
 * const env = new LinearContextualBandit([[1, 0], [0, 1], [0.5, 0.5]], 3, { noiseStd: 0.1 });
 * simulateBandit(createRng(1), env, (e) => new LinUcb(e.arms, 2), { rounds: 2000 });
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Chapter 8.
 */
export class LinearContextualBandit implements BanditEnvironment {
  /** The class name for error messages (kept through minification). */
  static readonly typeName: string = 'LinearContextualBandit';
  readonly arms: number;
  readonly dim: number;
  readonly model: LinearModel;
  readonly #theta: Float64Array;
  readonly #noiseStd: number;

  /**
   * @param theta - 'shared': $\theta$ (length d); 'disjoint': rows $\theta_a$ (K rows of length d)
   * @param arms - K (for 'shared'; ignored for 'disjoint', where it is the number of rows)
   * @throws TypeError or RangeError on ragged or non-finite parameters
   */
  constructor(
    theta: ArrayLike<number> | ArrayLike<ArrayLike<number>>,
    arms: number,
    options: LinearContextualBanditOptions = {},
  ) {
    const fn = (new.target as unknown as { typeName: string }).typeName;
    const { noiseStd = 0.1 } = readOptions(fn, options);
    assertPositive(fn, 'noiseStd', noiseStd);
    assertArrayLike(fn, 'theta', theta);
    const first = theta[0];
    if (typeof first === 'object' && first !== null) {
      const rows = theta as ArrayLike<ArrayLike<number>>;
      const d = first.length;
      this.#theta = new Float64Array(rows.length * d);
      for (let a = 0; a < rows.length; a++) {
        assertFiniteVector(fn, `theta[${a}]`, rows[a], d);
        this.#theta.set(rows[a]!, a * d);
      }
      this.arms = rows.length;
      this.dim = d;
      this.model = 'disjoint';
    } else {
      assertFiniteVector(fn, 'theta', theta);
      assertInteger(fn, 'arms', arms, 1);
      this.#theta = Float64Array.from(theta as ArrayLike<number>);
      this.arms = arms;
      this.dim = theta.length;
      this.model = 'shared';
    }
    if (this.dim === 0) throw new RangeError(`${fn}: theta must not be empty`);
    this.#noiseStd = noiseStd;
  }

  /** The class name for error messages. */
  protected get typeName(): string {
    return (this.constructor as typeof LinearContextualBandit).typeName;
  }

  /** A context: one draw uniform on the unit sphere per arm ('shared') or one for all ('disjoint'). */
  context(rng: Rng, _t: number): Float64Array {
    assertRng(`${this.typeName}.context`, rng);
    const d = this.dim;
    if (this.model === 'disjoint') {
      const x = new Float64Array(d);
      sphere(rng, x, 0, d);
      return x;
    }
    const x = new Float64Array(this.arms * d);
    for (let a = 0; a < this.arms; a++) sphere(rng, x, a * d, d);
    return x;
  }

  expectedReward(_t: number, arm: number, context?: ArrayLike<number>): number {
    return this.linearReward(`${this.typeName}.expectedReward`, arm, context);
  }

  /** $\theta^\top x$ for the arm, after checking the arm and the context. */
  protected linearReward(fn: string, arm: number, context: ArrayLike<number> | undefined): number {
    const d = this.dim;
    assertArm(fn, arm, this.arms);
    if (context === undefined) throw new TypeError(`${fn}: context is required`);
    assertFiniteVector(fn, 'context', context, this.model === 'disjoint' ? d : this.arms * d);
    const thetaOffset = this.model === 'disjoint' ? arm * d : 0;
    const xOffset = this.model === 'disjoint' ? 0 : arm * d;
    let s = 0;
    for (let i = 0; i < d; i++) s += this.#theta[thetaOffset + i]! * context[xOffset + i]!;
    return s;
  }

  pull(rng: Rng, _t: number, arm: number, context?: ArrayLike<number>): number {
    const fn = `${this.typeName}.pull`;
    assertRng(fn, rng);
    return this.linearReward(fn, arm, context) + this.#noiseStd * sampleStandardNormal(rng);
  }
}
