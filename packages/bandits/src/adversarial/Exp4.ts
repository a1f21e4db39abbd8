import type { Rng } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertArrayLike,
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertRng,
  formatValue,
  MAX_ARRAY_LENGTH,
  readOptions,
} from '@x/linalg/validate';
import type {
  BanditPolicy,
  ChoiceWithPropensity,
  PolicyState,
  ProbabilityOptions,
  SelectOptions,
  UpdateOptions,
} from '../core/BanditPolicy.ts';
import { readPolicyState } from '../core/IndexPolicy.ts';
import { assertArm, assertArms, assertReward } from '../core/validation.ts';
import { cappedLossEstimate } from './cappedLossEstimate.ts';

/** Options of {@link Exp4}. */
export interface Exp4Options {
  /** The horizon T: $\eta = \sqrt{2 \ln N / (TK)}$, regret at most $\sqrt{2TK\ln N}$; without it $\eta_t = \sqrt{\ln N/(tK)}$. */
  readonly horizon?: number;
}

/**
 * EXP4: bandits with expert advice. Each round, N experts each recommend a distribution over
 * the K arms (the context: an N x K row-major matrix of probabilities); the policy mixes them
 * with weights $Q_j \propto \exp(-\eta \tilde L_j)$, plays $P(a) = \sum_j Q_j \xi_j(a)$, and charges
 * each expert the importance-weighted loss $\xi_j(A_t)\,\ell_t / P(A_t)$. Its regret against
 * the best expert is $O(\sqrt{TK\ln N})$, logarithmic in the number of experts.
 *
 * Choices made: the version without uniform exploration (as in Lattimore and Szepesvari); the
 * update uses the advice given in `update`'s context (the advice of the round the arm was
 * chosen in) and, for a late reward, the propensity logged then when given; one round's
 * estimate per expert is capped at $10^{18}$ (binding only where the estimate's weight is 0 in
 * double precision anyway), so the state stays finite.
 *
 * References: Auer, Cesa-Bianchi, Freund and Schapire, "The Nonstochastic Multiarmed Bandit
 * Problem", SIAM J. Comput. 32(1), 2002, Section 7; Lattimore and Szepesvari, Bandit
 * Algorithms, 2020, Chapter 18 (Theorem 18.1); Slivkins, arXiv:1904.07272, Section 6.4.
 */
export class Exp4 implements BanditPolicy {
  readonly arms: number;
  /** Number of experts N. */
  readonly experts: number;
  readonly #horizon: number | null;
  readonly #losses: Float64Array;
  readonly #q: Float64Array;
  readonly #p: Float64Array;
  #t = 0;

  /**
   * @param arms - number of arms K >= 2
   * @param experts - number of experts N >= 1
   * @throws RangeError on bad counts or horizon
   */
  constructor(arms: number, experts: number, options: Exp4Options = {}) {
    const { horizon } = readOptions('Exp4', options);
    assertArms('Exp4', arms);
    if (arms < 2) throw new RangeError(`Exp4: arms must be >= 2, got ${arms}`);
    assertInteger('Exp4', 'experts', experts, 1, 1 << 20);
    if (horizon !== undefined) assertInteger('Exp4', 'horizon', horizon, 1);
    this.arms = arms;
    this.experts = experts;
    this.#horizon = horizon ?? null;
    this.#losses = new Float64Array(experts);
    this.#q = new Float64Array(experts);
    this.#p = new Float64Array(arms);
  }

  /** The learning rate of the next round. */
  get learningRate(): number {
    const logN = log(Math.max(this.experts, 2));
    return Math.sqrt(
      (this.#horizon === null ? logN : 2 * logN) / ((this.#horizon ?? this.#t + 1) * this.arms),
    );
  }

  #checkAdvice(
    fn: string,
    advice: ArrayLike<number> | undefined,
  ): asserts advice is ArrayLike<number> {
    const n = this.experts * this.arms;
    if (advice === undefined)
      throw new TypeError(
        `${fn}: context (the experts' advice, ${this.experts} x ${this.arms}) is required`,
      );
    assertFiniteVector(fn, 'context', advice, n);
    for (let j = 0; j < this.experts; j++) {
      let s = 0;
      for (let a = 0; a < this.arms; a++) {
        const v = advice[j * this.arms + a]!;
        if (v < 0)
          throw new RangeError(`${fn}: advice of expert ${j} for arm ${a} must be >= 0, got ${v}`);
        s += v;
      }
      if (Math.abs(s - 1) > 1e-9 * this.arms)
        throw new RangeError(`${fn}: advice of expert ${j} must sum to 1, got ${s}`);
    }
  }

  /** The mixture P over arms for the given advice, into #p. */
  #mixture(advice: ArrayLike<number>): Float64Array {
    const eta = this.learningRate;
    let min = Number.POSITIVE_INFINITY;
    for (let j = 0; j < this.experts; j++) min = Math.min(min, this.#losses[j]!);
    let z = 0;
    for (let j = 0; j < this.experts; j++) {
      const w = exp(-eta * (this.#losses[j]! - min));
      this.#q[j] = w;
      z += w;
    }
    this.#p.fill(0);
    for (let j = 0; j < this.experts; j++) {
      const qj = this.#q[j]! / z;
      this.#q[j] = qj;
      for (let a = 0; a < this.arms; a++)
        this.#p[a] = this.#p[a]! + qj * advice[j * this.arms + a]!;
    }
    return this.#p;
  }

  #draw(rng: Rng, p: Float64Array): number {
    const u = rng.nextFloat64();
    let acc = 0;
    for (let a = 0; a < this.arms; a++) {
      acc += p[a]!;
      if (u < acc) return a;
    }
    return this.arms - 1;
  }

  /**
   * Chooses an arm given the experts' advice in `options.context`.
   * @throws TypeError without advice; RangeError on invalid advice. `available` is not supported
   * (experts' advice already expresses it).
   */
  select(rng: Rng, options?: SelectOptions): number {
    assertRng('Exp4.select', rng);
    this.#checkAdvice('Exp4.select', options?.context);
    if (options?.available !== undefined)
      throw new TypeError(
        'Exp4.select: available is not supported; give experts advice over the available arms',
      );
    return this.#draw(rng, this.#mixture(options.context));
  }

  selectMany(
    rng: Rng,
    count: number,
    options?: SelectOptions & { readonly out?: Int32Array },
  ): Int32Array {
    assertRng('Exp4.selectMany', rng);
    assertInteger('Exp4.selectMany', 'count', count, 0, MAX_ARRAY_LENGTH);
    this.#checkAdvice('Exp4.selectMany', options?.context);
    const out = options?.out ?? new Int32Array(count);
    if (out.length < count)
      throw new TypeError(`Exp4.selectMany: out must have length >= ${count}, got ${out.length}`);
    const p = this.#mixture(options.context);
    for (let i = 0; i < count; i++) out[i] = this.#draw(rng, p);
    return out;
  }

  /** A slate drawn without replacement from the mixture. */
  selectSlate(rng: Rng, k: number, options?: SelectOptions): Int32Array {
    assertRng('Exp4.selectSlate', rng);
    this.#checkAdvice('Exp4.selectSlate', options?.context);
    assertInteger('Exp4.selectSlate', 'k', k, 1, this.arms);
    const p = Float64Array.from(this.#mixture(options.context));
    const out = new Int32Array(k);
    for (let i = 0; i < k; i++) {
      let z = 0;
      for (let a = 0; a < this.arms; a++) z += p[a]!;
      const u = rng.nextFloat64() * z;
      let acc = 0;
      let pick = -1;
      for (let a = 0; a < this.arms && pick < 0; a++) {
        acc += p[a]!;
        if (u < acc && p[a]! > 0) pick = a;
      }
      // All remaining mass is zero: fill the slate with the first arms not yet in it.
      for (let a = 0; a < this.arms && pick < 0; a++) if (!out.subarray(0, i).includes(a)) pick = a;
      out[i] = pick;
      p[pick] = 0;
    }
    return out;
  }

  /**
   * Chooses an arm as `select` does and returns it with its exact probability.
   * @throws TypeError or RangeError as select does
   */
  selectWithPropensity(rng: Rng, options?: ProbabilityOptions): ChoiceWithPropensity {
    const probabilities = this.actionProbabilities(rng, options);
    const arm = this.select(rng, options);
    return { arm, propensity: probabilities[arm]!, exact: true };
  }

  actionProbabilities(_rng: Rng, options?: ProbabilityOptions): Float64Array {
    this.#checkAdvice('Exp4.actionProbabilities', options?.context);
    return Float64Array.from(this.#mixture(options.context));
  }

  update(arm: number, reward: number, options?: UpdateOptions): void {
    const fn = 'Exp4.update';
    assertArm(fn, arm, this.arms);
    assertReward(fn, reward, 0, 1);
    this.#checkAdvice(fn, options?.context);
    if (options.propensity !== undefined)
      assertInRange(fn, 'propensity', options.propensity, 0, 1, { loOpen: true });
    this.#apply(arm, reward, options.context, options.propensity);
  }

  #apply(
    arm: number,
    reward: number,
    advice: ArrayLike<number>,
    propensity: number | undefined,
  ): void {
    const pa = propensity ?? this.#mixture(advice)[arm]!;
    if (!(pa > 0)) return; // no expert recommended the arm: nothing to charge
    const loss = 1 - reward;
    for (let j = 0; j < this.experts; j++)
      this.#losses[j] =
        this.#losses[j]! + cappedLossEstimate(advice[j * this.arms + arm]! * loss, pa);
    this.#t++;
  }

  updateMany(
    arms: ArrayLike<number>,
    rewards: ArrayLike<number>,
    contexts?: ArrayLike<ArrayLike<number>>,
  ): void {
    assertArrayLike('Exp4.updateMany', 'arms', arms);
    assertArrayLike('Exp4.updateMany', 'rewards', rewards);
    if (contexts !== undefined) assertArrayLike('Exp4.updateMany', 'contexts', contexts);
    const fn = 'Exp4.updateMany';
    if (
      contexts === undefined ||
      arms.length !== rewards.length ||
      contexts.length !== arms.length
    ) {
      throw new TypeError(`${fn}: arms, rewards and contexts (advice) must have equal lengths`);
    }
    for (let i = 0; i < arms.length; i++) {
      try {
        assertArm(fn, arms[i], this.arms);
        assertReward(fn, rewards[i], 0, 1);
        this.#checkAdvice(fn, contexts[i]);
      } catch (err) {
        const message = `${(err as Error).message} (at index ${i}; nothing was applied)`;
        throw err instanceof TypeError ? new TypeError(message) : new RangeError(message);
      }
    }
    for (let i = 0; i < arms.length; i++)
      this.#apply(arms[i]!, rewards[i]!, contexts[i]!, undefined);
  }

  reset(): void {
    this.#losses.fill(0);
    this.#t = 0;
  }

  toJSON(): PolicyState {
    return {
      type: 'Exp4',
      version: 1,
      arms: this.arms,
      params: { experts: this.experts, horizon: this.#horizon },
      stats: { estimatedLosses: Array.from(this.#losses), rounds: [this.#t] },
    };
  }

  /**
   * Restores a policy from {@link Exp4.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: PolicyState): Exp4 {
    const p = readPolicyState('Exp4', state);
    const horizon = p['horizon'];
    const policy = new Exp4(
      state.arms,
      p['experts'] ?? Number.NaN,
      horizon === null || horizon === undefined ? {} : { horizon },
    );
    const losses = state.stats['estimatedLosses'];
    const rounds = state.stats['rounds'];
    if (!Array.isArray(losses) || losses.length !== policy.experts) {
      throw new TypeError(
        `Exp4.fromJSON: stats.estimatedLosses must be an array of ${policy.experts} numbers, got ${formatValue(losses)}`,
      );
    }
    assertFiniteVector('Exp4.fromJSON', 'stats.estimatedLosses', losses);
    if (losses.some((v) => v < 0))
      throw new RangeError('Exp4.fromJSON: stats.estimatedLosses must be >= 0');
    if (!Array.isArray(rounds) || rounds.length !== 1)
      throw new TypeError('Exp4.fromJSON: stats.rounds must be [t]');
    assertInteger('Exp4.fromJSON', 'stats.rounds[0]', rounds[0], 0);
    policy.#losses.set(losses);
    policy.#t = rounds[0]!;
    return policy;
  }
}
