import { type JsonValue, sigmoid } from '@x/linalg';
import {
  assertFiniteVector,
  assertInteger,
  assertOneOf,
  assertPositive,
  MAX_ARRAY_LENGTH,
  type StateFields,
} from '@x/linalg/validate';
import type { ContextModel } from '../core/ContextModel.ts';
import { RidgeStatistics } from './RidgeStatistics.ts';

/**
 * How a linear policy shares parameters across arms: `'disjoint'` gives each arm its own
 * $\theta_a \in \mathbb R^d$ and takes one context of length d; `'shared'` uses one $\theta$ and
 * takes K per-arm feature vectors of length d (row-major, K x d).
 */
export type LinearModel = 'disjoint' | 'shared';

/**
 * The ridge-regression model of the linear policies (LinUCB, linear Thompson sampling,
 * SquareCB), plugged into the policy base as its context model: $A = \lambda I + \sum x x^\top$
 * and $b = \sum r x$ per block (one per arm, or one shared), kept as $A^{-1}$ by Sherman-Morrison
 * updates. @internal
 */
export class RidgeModel implements ContextModel {
  readonly dim: number;
  readonly model: LinearModel;
  readonly ridge: RidgeStatistics;
  readonly contextLength: number;
  /** Whether rewards are 0/1 outcomes fitted by a logistic model (online Newton steps). */
  readonly logistic: boolean;
  readonly #gradient: Float64Array;

  constructor(
    fn: string,
    arms: number,
    dim: number,
    model: LinearModel,
    lambda: number,
    logistic = false,
  ) {
    assertInteger(fn, 'arms', arms, 1, 1 << 24);
    assertInteger(fn, 'dim', dim, 1, 4096);
    assertOneOf(fn, 'model', model, ['disjoint', 'shared']);
    assertPositive(fn, 'lambda', lambda);
    const blocks = model === 'disjoint' ? arms : 1;
    if (blocks * dim * dim > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `${fn}: the ridge statistics (${blocks} blocks of ${dim} x ${dim}) exceed ${MAX_ARRAY_LENGTH} entries`,
      );
    this.dim = dim;
    this.model = model;
    this.contextLength = model === 'disjoint' ? dim : arms * dim;
    this.ridge = new RidgeStatistics(dim, model === 'disjoint' ? arms : 1, lambda);
    this.logistic = logistic;
    this.#gradient = new Float64Array(dim);
  }

  /** The model's prediction for an arm: $x^\top\hat\theta$, through the sigmoid when logistic. */
  predict(arm: number, context: ArrayLike<number>): number {
    const m = this.ridge.mean(this.block(arm), context, this.offset(arm));
    return this.logistic ? sigmoid(m) : m;
  }

  /** The block of an arm's parameters: the arm's own (disjoint) or the shared one. */
  block(arm: number): number {
    return this.model === 'disjoint' ? arm : 0;
  }

  /** Where an arm's features start in a context: 0 (disjoint) or arm x d (shared). */
  offset(arm: number): number {
    return this.model === 'disjoint' ? 0 : arm * this.dim;
  }

  check(fn: string, context: ArrayLike<number> | undefined): ArrayLike<number> {
    if (context === undefined)
      throw new TypeError(`${fn}: context is required (length ${this.contextLength})`);
    assertFiniteVector(fn, 'context', context, this.contextLength);
    return context;
  }

  checkUpdate(fn: string, arm: number, reward: number, context: ArrayLike<number>): void {
    const d = this.dim;
    const o = this.offset(arm);
    let norm2 = 0;
    for (let i = 0; i < d; i++) norm2 += context[o + i]! * context[o + i]!;
    if (!(norm2 / this.ridge.lambda <= 1e300) || !(Math.abs(reward) * Math.sqrt(norm2) <= 1e300))
      throw new RangeError(
        `${fn}: the context or reward is too large for finite ridge statistics (|x|^2 = ${norm2}, reward ${reward}; nothing was applied)`,
      );
  }

  add(arm: number, reward: number, context: ArrayLike<number>): void {
    const b = this.block(arm);
    const off = this.offset(arm);
    if (!this.logistic) {
      this.ridge.add(b, context, off, reward);
      return;
    }
    // Online Newton step on the logistic loss, reusing the ridge arrays (A^-1 and theta).
    const err = sigmoid(this.ridge.mean(b, context, off)) - reward;
    const g = this.#gradient;
    for (let i = 0; i < this.dim; i++) g[i] = err * context[off + i]!;
    this.ridge.newtonStep(b, g);
  }

  /** The ridge estimate $\hat\theta$ of an arm's block. */
  estimate(arm: number): Float64Array {
    const b = this.block(arm);
    return this.ridge.theta.slice(b * this.dim, (b + 1) * this.dim);
  }

  /** The model's parameters, for the stored state. */
  params(): Record<string, JsonValue> {
    return { dim: this.dim, model: this.model, lambda: this.ridge.lambda };
  }

  toJSON(): Record<string, JsonValue> {
    return this.ridge.toJSON();
  }

  load(stats: StateFields): void {
    this.ridge.load(stats);
  }

  reset(): void {
    this.ridge.reset();
  }
}
