import type { Rng } from '@x/linalg';
import {
  assertArrayLike,
  assertInteger,
  assertRng,
  formatValue,
  MAX_ARRAY_LENGTH,
} from '@x/linalg/validate';
import { type PosteriorMarginal, probabilityOfBest } from '../bayesian/probabilityOfBest.ts';
import { ArmStatistics } from './ArmStatistics.ts';
import type {
  BanditPolicy,
  ChoiceWithPropensity,
  PolicyState,
  ProbabilityOptions,
  SelectOptions,
  UpdateOptions,
} from './BanditPolicy.ts';
import { assertArm, assertArms, assertReward, candidateArms } from './validation.ts';

/**
 * The shared machinery of index policies (UCB family, Thompson sampling, greedy): per-arm
 * statistics, a score per arm each round, argmax with uniformly random tie-breaking over the
 * available arms, slates, batching, validation and serialisation. A subclass supplies the score.
 *
 * Not exported from the package: users see the concrete policies.
 */
/** The most Monte Carlo draws `actionProbabilities` takes: 10^7 (a bound on its running time). */
export const MAX_PROBABILITY_SAMPLES = 10_000_000;

export abstract class IndexPolicy implements BanditPolicy {
  readonly arms: number;
  protected readonly stats: ArmStatistics;
  /** Rewards must lie in [rewardMin, rewardMax]. */
  protected readonly rewardMin: number;
  protected readonly rewardMax: number;
  /** Whether scores are random draws (Thompson sampling): propensities are then estimated. */
  protected readonly randomScores: boolean;
  readonly #all: Int32Array;
  readonly #mark: Uint8Array;
  readonly #scores: Float64Array;

  protected constructor(
    fn: string,
    arms: number,
    rewardMin: number,
    rewardMax: number,
    randomScores: boolean,
  ) {
    assertArms(fn, arms);
    this.arms = arms;
    this.stats = new ArmStatistics(arms);
    this.rewardMin = rewardMin;
    this.rewardMax = rewardMax;
    this.randomScores = randomScores;
    this.#all = Int32Array.from({ length: arms }, (_, i) => i);
    this.#mark = new Uint8Array(arms);
    this.#scores = new Float64Array(arms);
  }

  /** The class name written into the serialised state. */
  protected abstract get typeName(): string;
  /** Hyper-parameters for the serialised state. */
  protected abstract params(): Record<string, number | null>;
  /**
   * Called once per decision before the scores (e.g. to compute $\log t$); contextual
   * policies validate and keep the context here.
   */
  protected prepare(_fn: string, _context: ArrayLike<number> | undefined): void {}
  /** Validates an update's context before anything changes (contextual policies). */
  protected checkUpdateContext(_fn: string, _context: ArrayLike<number> | undefined): void {}
  /** The score of an arm this round; the policy picks the largest. */
  protected abstract score(arm: number, rng: Rng): number;
  /** State beyond the per-arm statistics (e.g. eliminated arms), one array per entry. */
  protected extraState(): Record<string, number[]> {
    return {};
  }
  /** Validates and loads the entries of {@link IndexPolicy.extraState}. */
  protected loadExtraState(
    _fn: string,
    _stats: Readonly<Record<string, readonly number[]>>,
  ): void {}
  /** Forgets the extra state. */
  protected resetExtraState(): void {}
  /** Called after each recorded reward (e.g. to eliminate arms, or update a linear model). */
  protected afterUpdate(
    _arm: number,
    _reward: number,
    _context: ArrayLike<number> | undefined,
  ): void {}

  select(rng: Rng, options?: SelectOptions): number {
    assertRng(`${this.typeName}.select`, rng);
    const candidates = candidateArms(
      `${this.typeName}.select`,
      options?.available,
      this.#all,
      this.#mark,
    );
    this.prepare(`${this.typeName}.select`, options?.context);
    return this.choose(rng, candidates);
  }

  /** Argmax of the scores over the candidates; ties broken uniformly at random (reservoir). */
  protected argmax(rng: Rng, candidates: ArrayLike<number>): number {
    let best = candidates[0]!;
    let bestScore = this.score(best, rng);
    let ties = 1;
    for (let i = 1; i < candidates.length; i++) {
      const a = candidates[i]!;
      const s = this.score(a, rng);
      if (s > bestScore) {
        best = a;
        bestScore = s;
        ties = 1;
      } else if (s === bestScore) {
        ties++;
        if (rng.nextFloat64() * ties < 1) best = a;
      }
    }
    return best;
  }

  selectMany(
    rng: Rng,
    count: number,
    options?: SelectOptions & { readonly out?: Int32Array },
  ): Int32Array {
    const fn = `${this.typeName}.selectMany`;
    assertRng(fn, rng);
    assertInteger(fn, 'count', count, 0, MAX_ARRAY_LENGTH);
    const out = options?.out;
    if (out !== undefined && out.length < count) {
      throw new TypeError(`${fn}: out must have length >= ${count}, got ${out.length}`);
    }
    const candidates = candidateArms(fn, options?.available, this.#all, this.#mark);
    const res = out ?? new Int32Array(count);
    this.prepare(fn, options?.context);
    for (let i = 0; i < count; i++) res[i] = this.choose(rng, candidates);
    return res;
  }

  /** One decision over validated candidates, after `prepare`; subclasses that explore override it. */
  protected choose(rng: Rng, candidates: ArrayLike<number>): number {
    return this.argmax(rng, candidates);
  }

  selectSlate(rng: Rng, k: number, options?: SelectOptions): Int32Array {
    const fn = `${this.typeName}.selectSlate`;
    assertRng(fn, rng);
    const candidates = candidateArms(fn, options?.available, this.#all, this.#mark);
    assertInteger(fn, 'k', k, 1, candidates.length);
    this.prepare(fn, options?.context);
    const scores = this.#scores;
    const order = Array.from(candidates);
    // Random keys break ties uniformly; one draw per candidate.
    const keys = new Float64Array(this.arms);
    for (const a of order) {
      scores[a] = this.score(a, rng);
      keys[a] = rng.nextFloat64();
    }
    order.sort((x, y) => scores[y]! - scores[x]! || keys[y]! - keys[x]! || 0);
    return Int32Array.from(order.slice(0, k));
  }

  actionProbabilities(rng: Rng, options?: ProbabilityOptions): Float64Array {
    const fn = `${this.typeName}.actionProbabilities`;
    assertRng(fn, rng);
    const candidates = candidateArms(fn, options?.available, this.#all, this.#mark);
    const samples = options?.samples ?? 2000;
    assertInteger(fn, 'samples', samples, 1, MAX_PROBABILITY_SAMPLES);
    if (
      options?.method !== undefined &&
      options.method !== 'exact' &&
      options.method !== 'monte-carlo'
    )
      throw new RangeError(
        `${fn}: method must be 'exact' or 'monte-carlo', got ${formatValue(options.method)}`,
      );
    this.prepare(fn, options?.context);
    return this.#probabilities(rng, candidates, samples, options?.method ?? 'exact').probabilities;
  }

  #probabilities(
    rng: Rng,
    candidates: ArrayLike<number>,
    samples: number,
    method: 'exact' | 'monte-carlo',
  ): { probabilities: Float64Array; exact: boolean } {
    if (!this.randomScores)
      return { probabilities: this.exactProbabilities(rng, candidates), exact: true };
    const posterior = method === 'exact' ? this.posteriorMarginals() : undefined;
    if (posterior !== undefined) {
      const out = new Float64Array(this.arms);
      probabilityOfBest(posterior.marginals, candidates, posterior.lo, posterior.hi, out);
      return { probabilities: out, exact: true };
    }
    return { probabilities: this.estimateProbabilities(rng, candidates, samples), exact: false };
  }

  /**
   * Chooses an arm as {@link IndexPolicy.select} does, from the same generator state, and returns
   * it with its propensity: exact for deterministic indices (1 / ties) and for Thompson sampling
   * with Beta or Gaussian posteriors (quadrature), a Monte Carlo estimate from a clone of `rng`
   * otherwise (`exact: false`).
   * @throws TypeError or RangeError as select and actionProbabilities do
   */
  selectWithPropensity(rng: Rng, options?: ProbabilityOptions): ChoiceWithPropensity {
    const fn = `${this.typeName}.selectWithPropensity`;
    assertRng(fn, rng);
    const candidates = candidateArms(fn, options?.available, this.#all, this.#mark);
    const samples = options?.samples ?? 2000;
    assertInteger(fn, 'samples', samples, 1, MAX_PROBABILITY_SAMPLES);
    const method = options?.method ?? 'exact';
    if (method !== 'exact' && method !== 'monte-carlo')
      throw new RangeError(
        `${fn}: method must be 'exact' or 'monte-carlo', got ${formatValue(method)}`,
      );
    this.prepare(fn, options?.context);
    const { probabilities, exact } = this.#probabilities(rng.clone(), candidates, samples, method);
    const arm = this.choose(rng, candidates);
    return { arm, propensity: probabilities[arm]!, exact };
  }

  /**
   * The posterior marginal of every arm's random score, when the scores are independent draws
   * with a density (Thompson sampling): the exact propensities then come by quadrature.
   */
  protected posteriorMarginals():
    | { readonly marginals: readonly PosteriorMarginal[]; readonly lo: number; readonly hi: number }
    | undefined {
    return undefined;
  }

  /**
   * Deterministic scores: uniform over the argmax set, the tie-breaking law (the scores of
   * such policies do not consume `rng`).
   */
  protected exactProbabilities(rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const p = new Float64Array(this.arms);
    const scores = this.#scores;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      scores[a] = this.score(a, rng);
      best = Math.max(best, scores[a]!);
    }
    let ties = 0;
    for (let i = 0; i < candidates.length; i++) if (scores[candidates[i]!] === best) ties++;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      if (scores[a] === best) p[a] = 1 / ties;
    }
    return p;
  }

  /** Random scores: the frequency of each choice over `samples` simulated decisions. */
  protected estimateProbabilities(
    rng: Rng,
    candidates: ArrayLike<number>,
    samples: number,
  ): Float64Array {
    const p = new Float64Array(this.arms);
    for (let s = 0; s < samples; s++) {
      const a = this.choose(rng, candidates);
      p[a] = p[a]! + 1 / samples;
    }
    return p;
  }

  update(arm: number, reward: number, options?: UpdateOptions): void {
    const fn = `${this.typeName}.update`;
    assertArm(fn, arm, this.arms);
    assertReward(fn, reward, this.rewardMin, this.rewardMax);
    this.checkUpdateContext(fn, options?.context);
    this.#checkFinite(fn, arm, reward, this.stats.sums[arm]!, this.stats.sumSquares[arm]!);
    this.checkUpdateFinite(fn, arm, reward, options?.context);
    this.stats.add(arm, reward);
    this.afterUpdate(arm, reward, options?.context);
  }

  /**
   * Rejects an update whose sums would overflow (a finite but huge reward, about 1e154 and
   * above, overflows the sum of squares), before anything changes: an accepted update always
   * leaves a finite state that round-trips through JSON.
   */
  #checkFinite(fn: string, arm: number, reward: number, sum: number, sumSquares: number): void {
    if (!Number.isFinite(sum + reward) || !Number.isFinite(sumSquares + reward * reward))
      throw new RangeError(
        `${fn}: reward ${reward} of arm ${arm} would overflow its statistics (nothing was applied)`,
      );
  }

  /** A subclass's own check that an update keeps its state finite (none by default). */
  protected checkUpdateFinite(
    _fn: string,
    _arm: number,
    _reward: number,
    _context: ArrayLike<number> | undefined,
  ): void {}

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
    for (let i = 0; i < arms.length; i++) {
      try {
        assertArm(fn, arms[i], this.arms);
        assertReward(fn, rewards[i], this.rewardMin, this.rewardMax);
        this.checkUpdateContext(fn, contexts?.[i]);
        const a = arms[i]!;
        const r = rewards[i]!;
        this.#checkFinite(fn, a, r, projected[a]!, projected[this.arms + a]!);
        this.checkUpdateFinite(fn, a, r, contexts?.[i]);
        projected[a] = projected[a]! + r;
        projected[this.arms + a] = projected[this.arms + a]! + r * r;
      } catch (err) {
        const message = `${(err as Error).message} (at index ${i}; nothing was applied)`;
        throw err instanceof TypeError ? new TypeError(message) : new RangeError(message);
      }
    }
    for (let i = 0; i < arms.length; i++) {
      this.stats.add(arms[i]!, rewards[i]!);
      this.afterUpdate(arms[i]!, rewards[i]!, contexts?.[i]);
    }
  }

  reset(): void {
    this.stats.reset();
    this.resetExtraState();
  }

  /** Empirical mean reward of an arm (0 before its first pull). */
  mean(arm: number): number {
    assertArm(`${this.typeName}.mean`, arm, this.arms);
    return this.stats.mean(arm);
  }

  /** Number of rewards recorded for an arm. */
  pulls(arm: number): number {
    assertArm(`${this.typeName}.pulls`, arm, this.arms);
    return this.stats.counts[arm]!;
  }

  toJSON(): PolicyState {
    return {
      type: this.typeName,
      version: 1,
      arms: this.arms,
      params: this.params(),
      stats: { ...this.stats.toJSON(), ...this.extraState() },
    };
  }

  /** Loads validated statistics from a state (used by the subclasses' `fromJSON`). */
  protected loadState(state: PolicyState): this {
    const fn = `${this.typeName}.fromJSON`;
    this.loadExtraState(fn, state.stats);
    this.stats.load(fn, state.stats, this.rewardMin, this.rewardMax);
    return this;
  }
}

/**
 * Checks the envelope of a serialised policy state and returns its hyper-parameters.
 * @throws TypeError if it is not an object of the expected type and version
 */
export function readPolicyState(
  type: string,
  state: PolicyState,
): Readonly<Record<string, number | null>> {
  const fn = `${type}.fromJSON`;
  if (state === null || typeof state !== 'object')
    throw new TypeError(`${fn}: state must be an object, got ${formatValue(state)}`);
  if (state.type !== type)
    throw new TypeError(`${fn}: state.type must be '${type}', got ${formatValue(state.type)}`);
  if (state.version !== 1)
    throw new TypeError(`${fn}: state.version must be 1, got ${formatValue(state.version)}`);
  assertArms(fn, state.arms);
  if (state.params === null || typeof state.params !== 'object')
    throw new TypeError(`${fn}: state.params must be an object`);
  if (state.stats === null || typeof state.stats !== 'object')
    throw new TypeError(`${fn}: state.stats must be an object`);
  const params = state.params;
  // Every parameter a loader reads must be present (as an own key) and a number or null: a
  // missing field is an error, never a silent default that restores another algorithm.
  return new Proxy(params, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (!Object.hasOwn(target, key)) throw new TypeError(`${fn}: state.params.${key} is missing`);
      const v: unknown = target[key];
      if (v !== null && typeof v !== 'number')
        throw new TypeError(
          `${fn}: state.params.${key} must be a number or null, got ${formatValue(v)}`,
        );
      return v;
    },
  });
}
