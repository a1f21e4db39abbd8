import { IndexPolicy } from '../core/IndexPolicy.ts';
import { assertArm } from '../core/validation.ts';
import { type LinearModel, RidgeModel } from './RidgeModel.ts';

/**
 * What LinUCB and linear Thompson sampling share: an index policy on a ridge model, with rewards
 * unbounded, and its accessors. @internal
 */
export abstract class LinearIndexPolicy extends IndexPolicy {
  protected readonly ridge: RidgeModel;

  protected constructor(
    fn: string,
    arms: number,
    dim: number,
    model: LinearModel,
    lambda: number,
    randomScores: boolean,
  ) {
    const ridge = new RidgeModel(fn, arms, dim, model, lambda);
    super(fn, arms, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, randomScores, ridge);
    this.ridge = ridge;
  }

  /** The feature dimension d. */
  get dim(): number {
    return this.ridge.dim;
  }

  /** Whether arms share one parameter vector. */
  get model(): LinearModel {
    return this.ridge.model;
  }

  /** The length of a context: d (disjoint) or K x d (shared). */
  get contextLength(): number {
    return this.ridge.contextLength;
  }

  /** The ridge estimate $\hat\theta$ of an arm (of the shared vector when shared): for Thompson sampling, the posterior mean. */
  estimate(arm = 0): Float64Array {
    assertArm(`${this.typeName}.estimate`, arm, this.arms);
    return this.ridge.estimate(arm);
  }
}
