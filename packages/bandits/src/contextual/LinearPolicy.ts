import { assertFiniteVector, assertInteger, assertPositive, formatValue } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { RidgeStatistics } from './RidgeStatistics.ts';

/** How a linear policy models rewards. */
export type LinearModel = 'disjoint' | 'shared';

/**
 * The shared machinery of linear contextual policies: ridge statistics per arm ('disjoint':
 * context is one feature vector of length d, each arm has its own $\theta_a$) or one shared
 * ($'shared'$: context is K feature vectors of length d, row-major, one $\theta$), context
 * validation, and serialisation. Not exported: users see {@link LinUcb} and
 * {@link LinearThompsonSampling}.
 */
export abstract class LinearPolicy extends IndexPolicy {
  readonly dim: number;
  readonly model: LinearModel;
  protected readonly ridge: RidgeStatistics;
  /** The context of the current decision (validated in prepare). */
  protected context: ArrayLike<number> = new Float64Array(0);

  protected constructor(
    fn: string,
    arms: number,
    dim: number,
    model: LinearModel,
    lambda: number,
    randomScores: boolean,
  ) {
    assertInteger(fn, 'dim', dim, 1, 4096);
    if (model !== 'disjoint' && model !== 'shared')
      throw new RangeError(
        `${fn}: model must be 'disjoint' or 'shared', got ${formatValue(model)}`,
      );
    assertPositive(fn, 'lambda', lambda);
    super(fn, arms, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, randomScores);
    this.dim = dim;
    this.model = model;
    this.ridge = new RidgeStatistics(dim, model === 'disjoint' ? arms : 1, lambda);
  }

  /** Length a context must have. */
  get contextLength(): number {
    return this.model === 'disjoint' ? this.dim : this.arms * this.dim;
  }

  /** The ridge block and feature offset of an arm. */
  protected block(arm: number): number {
    return this.model === 'disjoint' ? arm : 0;
  }

  protected offset(arm: number): number {
    return this.model === 'disjoint' ? 0 : arm * this.dim;
  }

  #checkContext(
    fn: string,
    context: ArrayLike<number> | undefined,
  ): asserts context is ArrayLike<number> {
    if (context === undefined)
      throw new TypeError(`${fn}: context is required (length ${this.contextLength})`);
    assertFiniteVector(fn, 'context', context, this.contextLength);
  }

  protected override prepare(fn: string, context: ArrayLike<number> | undefined): void {
    this.#checkContext(fn, context);
    this.context = context;
  }

  protected override checkUpdateContext(fn: string, context: ArrayLike<number> | undefined): void {
    this.#checkContext(fn, context);
  }

  /**
   * Rejects a context or reward large enough to overflow the ridge statistics: the update adds
   * $x x^\top$ and $r x$, and Sherman-Morrison forms $x^\top A^{-1} x \le \|x\|^2/\lambda$; each
   * must stay below $10^{300}$.
   */
  protected override checkUpdateFinite(
    fn: string,
    arm: number,
    reward: number,
    context: ArrayLike<number> | undefined,
  ): void {
    const d = this.dim;
    const x = context!;
    const o = this.offset(arm);
    let norm2 = 0;
    for (let i = 0; i < d; i++) norm2 += x[o + i]! * x[o + i]!;
    if (!(norm2 / this.ridge.lambda <= 1e300) || !(Math.abs(reward) * Math.sqrt(norm2) <= 1e300))
      throw new RangeError(
        `${fn}: the context or reward is too large for finite ridge statistics (|x|^2 = ${norm2}, reward ${reward}; nothing was applied)`,
      );
  }

  protected override afterUpdate(
    arm: number,
    reward: number,
    context: ArrayLike<number> | undefined,
  ): void {
    this.ridge.add(this.block(arm), context!, this.offset(arm), reward);
  }

  /** The current estimate $\hat\theta$ of an arm's model (the shared one for 'shared'). */
  estimate(arm = 0): Float64Array {
    const b = this.block(arm);
    return this.ridge.theta.slice(b * this.dim, (b + 1) * this.dim);
  }

  protected override extraState(): Record<string, number[]> {
    return this.ridge.toJSON();
  }

  protected override loadExtraState(
    fn: string,
    stats: Readonly<Record<string, readonly number[]>>,
  ): void {
    this.ridge.load(fn, stats);
  }

  protected override resetExtraState(): void {
    this.ridge.reset();
  }
}
