import type { JsonValue } from '@x/linalg';
import { assertInteger, MAX_ROUNDS, type StateFields } from '@x/linalg/validate';
import type { ContextModel } from '../core/ContextModel.ts';
import { SamplingPolicy } from '../core/SamplingPolicy.ts';

/**
 * What EXP3 and EXP4 share: a sampling policy on rewards in [0, 1] whose state is the
 * importance-weighted loss estimates (one per arm or per expert, stored as `estimatedLosses`),
 * with a learning rate tuned to the number of rounds T when it is given. @internal
 */
export abstract class ExponentialWeightsPolicy extends SamplingPolicy {
  /** The cumulative importance-weighted loss estimates. */
  protected readonly losses: Float64Array;
  /** The number of rounds T the rate is tuned for, or null for the anytime rate. */
  protected readonly rounds: number | null;

  protected constructor(
    type: string,
    arms: number,
    weights: number,
    rounds: number | undefined,
    contextModel?: ContextModel,
  ) {
    if (rounds !== undefined) assertInteger(type, 'rounds', rounds, 1, MAX_ROUNDS);
    super(type, arms, 0, 1, contextModel);
    this.losses = new Float64Array(weights);
    this.rounds = rounds ?? null;
  }

  /** The learning rate $\eta$ after `t` rewards. */
  protected abstract rate(t: number): number;

  /** The learning rate used by the next decision. */
  get learningRate(): number {
    return this.rate(this.stats.total);
  }

  protected override extraStats(): Record<string, JsonValue> {
    return { estimatedLosses: Array.from(this.losses) };
  }

  protected override loadExtraStats(stats: StateFields): void {
    this.losses.set(stats.numbers('estimatedLosses', this.losses.length, { min: 0 }));
  }

  protected override resetExtra(): void {
    this.losses.fill(0);
  }
}
