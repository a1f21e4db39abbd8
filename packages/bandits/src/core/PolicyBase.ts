import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import {
  asCaller,
  assertArrayLike,
  assertInRange,
  assertInteger,
  assertOneOf,
  assertRng,
  LEARNER_STATE_VERSION,
  MAX_ARRAY_LENGTH,
  readLearnerState,
  type StateFields,
} from '@x/linalg/validate';
import { ArmStatistics } from './ArmStatistics.ts';
import type {
  BanditPolicy,
  ChoiceWithPropensity,
  ProbabilityOptions,
  SelectOptions,
  UpdateOptions,
} from './BanditPolicy.ts';
import type { ContextModel } from './ContextModel.ts';
import { assertArm, assertArms, assertReward, candidateArms } from './validation.ts';

/** The most Monte Carlo draws `actionProbabilities` takes: 10^7 (a bound on its running time). */
export const MAX_PROBABILITY_SAMPLES = 10_000_000;

/** Action probabilities, and whether they are exact or a Monte Carlo estimate. @internal */
export interface Propensities {
  readonly probabilities: Float64Array;
  readonly exact: boolean;
}

/**
 * What every bandit policy of the package shares: per-arm statistics, the validation of
 * `available`, contexts, arms, rewards and propensities, batching, slates, propensities,
 * `updateMany` (all validated before any is applied, overflow included), `reset` and the stored
 * state. Two bases build on it: {@link IndexPolicy} (the arm with the largest score) and
 * {@link SamplingPolicy} (a draw from an explicit distribution). @internal
 */
export abstract class PolicyBase implements BanditPolicy {
  readonly arms: number;
  /** The class name: the stored state's `type` and the prefix of error messages. */
  protected readonly typeName: string;
  protected readonly stats: ArmStatistics;
  /** Rewards must lie in [rewardMin, rewardMax]. */
  protected readonly rewardMin: number;
  protected readonly rewardMax: number;
  /** The context model of a contextual policy. */
  protected readonly contextModel: ContextModel | undefined;
  /** The context of the decision being made (set by `prepare`). */
  protected context: ArrayLike<number> = new Float64Array(0);
  /** Every arm, in order (the candidates when `available` is omitted). */
  protected readonly allArms: Int32Array;
  readonly #mark: Uint8Array;

  protected constructor(
    type: string,
    arms: number,
    rewardMin: number,
    rewardMax: number,
    contextModel?: ContextModel,
  ) {
    assertArms(type, arms);
    this.typeName = type;
    this.arms = arms;
    this.stats = new ArmStatistics(arms);
    this.rewardMin = rewardMin;
    this.rewardMax = rewardMax;
    this.contextModel = contextModel;
    this.allArms = Int32Array.from({ length: arms }, (_, i) => i);
    this.#mark = new Uint8Array(arms);
  }

  /** The constructor's options, for the stored state (`arms` is added). */
  protected abstract params(): Record<string, JsonValue>;
  /** One decision over checked candidates, after `prepare`. */
  protected abstract choose(rng: Rng, candidates: ArrayLike<number>): number;
  /** The probability of each choice over the candidates (after `prepare`). */
  protected abstract propensities(
    rng: Rng,
    candidates: ArrayLike<number>,
    samples: number,
    method: 'exact' | 'monte-carlo',
  ): Propensities;
  /** The k best (or k sampled) distinct arms in order, over checked candidates. */
  protected abstract slate(rng: Rng, candidates: ArrayLike<number>, k: number): Int32Array;
  /** Called once per decision before it is made (e.g. to compute $\log t$). */
  protected prepareRound(): void {}
  /** Throws if an update would leave a non-finite statistic of the subclass; changes nothing. */
  protected checkUpdate(_fn: string, _arm: number, _reward: number): void {}
  /** Learns from a checked update (after the arm statistics and the context model). */
  protected afterUpdate(_arm: number, _reward: number, _options: UpdateOptions | undefined): void {}
  /** State beyond the arm statistics and the context model (e.g. eliminated arms). */
  protected extraStats(): Record<string, JsonValue> {
    return {};
  }
  /** Loads the entries of {@link PolicyBase.extraStats}, validated. */
  protected loadExtraStats(_stats: StateFields): void {}
  /** Forgets the extra state. */
  protected resetExtra(): void {}

  /** Checks the options of a decision and prepares it; returns the candidate arms. */
  #prepare(fn: string, rng: Rng, options: SelectOptions | undefined): ArrayLike<number> {
    assertRng(fn, rng);
    const candidates = candidateArms(fn, options?.available, this.allArms, this.#mark);
    if (this.contextModel !== undefined)
      this.context = this.contextModel.check(fn, options?.context);
    this.prepareRound();
    return candidates;
  }

  select(rng: Rng, options?: SelectOptions): number {
    return this.choose(rng, this.#prepare(`${this.typeName}.select`, rng, options));
  }

  selectMany(
    rng: Rng,
    count: number,
    options?: SelectOptions & { readonly out?: Int32Array },
  ): Int32Array {
    const fn = `${this.typeName}.selectMany`;
    assertInteger(fn, 'count', count, 0, MAX_ARRAY_LENGTH);
    const out = options?.out;
    if (out !== undefined && !(out instanceof Int32Array && out.length >= count))
      throw new TypeError(`${fn}: out must be an Int32Array of length >= ${count}`);
    const candidates = this.#prepare(fn, rng, options);
    const res = out ?? new Int32Array(count);
    for (let i = 0; i < count; i++) res[i] = this.choose(rng, candidates);
    return res;
  }

  selectSlate(rng: Rng, k: number, options?: SelectOptions): Int32Array {
    const fn = `${this.typeName}.selectSlate`;
    const candidates = this.#prepare(fn, rng, options);
    assertInteger(fn, 'k', k, 1, candidates.length);
    return this.slate(rng, candidates, k);
  }

  /** Reads the samples and method of a probability request. */
  #probabilityOptions(
    fn: string,
    options: ProbabilityOptions | undefined,
  ): [number, 'exact' | 'monte-carlo'] {
    const samples = options?.samples ?? 2000;
    assertInteger(fn, 'samples', samples, 1, MAX_PROBABILITY_SAMPLES);
    const method = options?.method ?? 'exact';
    assertOneOf(fn, 'method', method, ['exact', 'monte-carlo']);
    return [samples, method];
  }

  actionProbabilities(rng: Rng, options?: ProbabilityOptions): Float64Array {
    const fn = `${this.typeName}.actionProbabilities`;
    const [samples, method] = this.#probabilityOptions(fn, options);
    const candidates = this.#prepare(fn, rng, options);
    return this.propensities(rng, candidates, samples, method).probabilities;
  }

  /**
   * Chooses an arm as `select` does, from the same generator state, and returns it with its
   * propensity (computed from a clone of `rng`, so the choice is unchanged).
   */
  selectWithPropensity(rng: Rng, options?: ProbabilityOptions): ChoiceWithPropensity {
    const fn = `${this.typeName}.selectWithPropensity`;
    const [samples, method] = this.#probabilityOptions(fn, options);
    const candidates = this.#prepare(fn, rng, options);
    const { probabilities, exact } = this.propensities(rng.clone(), candidates, samples, method);
    const arm = this.choose(rng, candidates);
    return { arm, propensity: probabilities[arm]!, exact };
  }

  /**
   * Checks one update against the statistics as they would stand (`sums` and `squares`, so a
   * batch is checked as a whole): an accepted update always leaves a finite state that
   * round-trips through JSON.
   */
  #check(
    fn: string,
    arm: number,
    reward: unknown,
    options: UpdateOptions | undefined,
    sum: number,
    square: number,
  ): void {
    assertReward(fn, reward, this.rewardMin, this.rewardMax);
    if (options?.propensity !== undefined)
      assertInRange(fn, 'propensity', options.propensity, 0, 1, { loOpen: true });
    if (!Number.isFinite(sum + reward) || !Number.isFinite(square + reward * reward))
      throw new RangeError(
        `${fn}: reward ${reward} of arm ${arm} would overflow its statistics (nothing was applied)`,
      );
    if (this.contextModel !== undefined)
      this.contextModel.checkUpdate(fn, arm, reward, this.contextModel.check(fn, options?.context));
    this.checkUpdate(fn, arm, reward);
  }

  #apply(arm: number, reward: number, options: UpdateOptions | undefined): void {
    this.stats.add(arm, reward);
    this.contextModel?.add(arm, reward, options!.context!);
    this.afterUpdate(arm, reward, options);
  }

  update(arm: number, reward: number, options?: UpdateOptions): void {
    const fn = `${this.typeName}.update`;
    assertArm(fn, arm, this.arms);
    this.#check(fn, arm, reward, options, this.stats.sums[arm]!, this.stats.sumSquares[arm]!);
    this.#apply(arm, reward, options);
  }

  updateMany(
    arms: ArrayLike<number>,
    rewards: ArrayLike<number>,
    contexts?: ArrayLike<ArrayLike<number>>,
  ): void {
    const fn = `${this.typeName}.updateMany`;
    assertArrayLike(fn, 'arms', arms);
    assertArrayLike(fn, 'rewards', rewards);
    if (contexts !== undefined) assertArrayLike(fn, 'contexts', contexts);
    if (
      arms.length !== rewards.length ||
      (contexts !== undefined && contexts.length !== arms.length)
    ) {
      const extra = contexts === undefined ? '' : ` and ${contexts.length} contexts`;
      throw new TypeError(
        `${fn}: arms and rewards must have equal lengths, got ${arms.length} and ${rewards.length}${extra}`,
      );
    }
    // The sums as they would stand after each update: none may overflow.
    const projected = new Float64Array(2 * this.arms);
    projected.set(this.stats.sums);
    projected.set(this.stats.sumSquares, this.arms);
    const options = (i: number) => (contexts === undefined ? undefined : { context: contexts[i]! });
    for (let i = 0; i < arms.length; i++) {
      try {
        const a = arms[i]!;
        assertArm(fn, a, this.arms);
        const r = rewards[i]!;
        this.#check(fn, a, r, options(i), projected[a]!, projected[this.arms + a]!);
        projected[a] = projected[a]! + r;
        projected[this.arms + a] = projected[this.arms + a]! + r * r;
      } catch (err) {
        const message = `${(err as Error).message} (at index ${i}; nothing was applied)`;
        throw err instanceof TypeError ? new TypeError(message) : new RangeError(message);
      }
    }
    for (let i = 0; i < arms.length; i++) this.#apply(arms[i]!, rewards[i]!, options(i));
  }

  reset(): void {
    this.stats.reset();
    this.contextModel?.reset();
    this.resetExtra();
  }

  mean(arm: number): number {
    assertArm(`${this.typeName}.mean`, arm, this.arms);
    return this.stats.mean(arm);
  }

  pulls(arm: number): number {
    assertArm(`${this.typeName}.pulls`, arm, this.arms);
    return this.stats.counts[arm]!;
  }

  toJSON(): LearnerState {
    return {
      type: this.typeName,
      version: LEARNER_STATE_VERSION,
      params: { arms: this.arms, ...this.params() },
      stats: {
        ...this.stats.toJSON(),
        ...(this.contextModel?.toJSON() ?? {}),
        ...this.extraStats(),
      },
    };
  }

  /**
   * Restores a policy from a stored state, for the subclasses' `fromJSON`: checks the envelope,
   * builds the policy from its parameters with `make` and loads its statistics; every error
   * names `<type>.fromJSON`.
   */
  protected static restore<T extends PolicyBase>(
    type: string,
    state: unknown,
    make: (params: StateFields) => T,
  ): T {
    const fn = `${type}.fromJSON`;
    const { params, stats } = readLearnerState(fn, state, type);
    const policy = asCaller(fn, () => make(params));
    asCaller(fn, () => {
      policy.stats.load(stats, policy.rewardMin, policy.rewardMax);
      policy.contextModel?.load(stats);
      policy.loadExtraStats(stats);
    });
    return policy;
  }
}
