import type { Rng } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertArrayLike,
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
import { assertArm, assertArms, assertReward, candidateArms } from '../core/validation.ts';
import { cappedLossEstimate } from './cappedLossEstimate.ts';

/** Options of {@link Exp3}. */
export interface Exp3Options {
  /**
   * The horizon T, when known: the learning rate is then $\eta = \sqrt{2\log K/(TK)}$ and the
   * pseudo-regret is at most $\sqrt{2TK\log K}$. Without it the anytime rate $\eta_t =
   * \sqrt{\log K/(tK)}$ is used (regret at most $2\sqrt{TK\log K}$).
   */
  readonly horizon?: number;
  /**
   * EXP3-IX: implicit exploration $\gamma_t = \eta_t/2$ in the loss estimate $\ell/(p + \gamma)$,
   * which biases it down and bounds its variance, for high-probability regret
   * $O(\sqrt{KT\log K})$ (Neu 2015). @default false
   */
  readonly implicitExploration?: boolean;
}

/**
 * EXP3 for adversarial bandits with rewards in [0, 1] (losses $\ell = 1 - r$), in the
 * loss-based form without explicit exploration: play arm i with probability $p_t(i) \propto
 * \exp(-\eta \tilde L_{i,t-1})$, where $\tilde L_i$ sums the importance-weighted loss estimates
 * $\ell_t / p_t(I_t)$ of the rounds in which i was played. Probabilities are computed in log
 * space (a softmax), so large estimated losses do not underflow.
 *
 * Choices made: t counts rewards received; when only some arms are available the distribution
 * is renormalised over them; a late reward uses the propensity logged at selection time when
 * given (`update(arm, r, { propensity })`), else the current probability of the arm; one
 * round's estimate is capped at $10^{18}$, a bound that binds only for arms of probability below
 * $10^{-18}$, whose probability it sets to 0 in double precision as the uncapped estimate
 * would, and that keeps the state finite.
 *
 * With `implicitExploration`, this is EXP3-IX: the estimate becomes $\ell_t/(p_t(I_t) +
 * \gamma_t)$ with $\gamma_t = \eta_t/2$ (Neu's choice), the same regret in expectation and a
 * high-probability bound.
 *
 * References: Bubeck and Cesa-Bianchi, "Regret Analysis of Stochastic and Nonstochastic
 * Multi-armed Bandit Problems", arXiv:1204.5721, Section 3.1 and Theorem 3.1; Neu, "Explore no
 * More: Improved High-Probability Regret Bounds for Non-Stochastic Bandits", NeurIPS 2015,
 * arXiv:1506.03271, Section 3 (EXP3-IX); Auer,
 * Cesa-Bianchi, Freund and Schapire, "The Nonstochastic Multiarmed Bandit Problem", SIAM J.
 * Comput. 32(1), 2002; Slivkins, arXiv:1904.07272, Chapter 6.
 */
export class Exp3 implements BanditPolicy {
  readonly arms: number;
  readonly #horizon: number | null;
  readonly #ix: boolean;
  readonly #losses: Float64Array;
  readonly #p: Float64Array;
  readonly #all: Int32Array;
  readonly #mark: Uint8Array;
  #t = 0;

  /**
   * @param arms - number of arms K >= 2
   * @throws RangeError if arms is not an integer >= 2 or horizon is not a positive integer
   */
  constructor(arms: number, options: Exp3Options = {}) {
    const { horizon, implicitExploration = false } = readOptions('Exp3', options);
    assertArms('Exp3', arms);
    if (arms < 2) throw new RangeError(`Exp3: arms must be >= 2, got ${arms}`);
    if (horizon !== undefined) assertInteger('Exp3', 'horizon', horizon, 1);
    this.arms = arms;
    this.#horizon = horizon ?? null;
    this.#ix = implicitExploration === true;
    this.#losses = new Float64Array(arms);
    this.#p = new Float64Array(arms);
    this.#all = Int32Array.from({ length: arms }, (_, i) => i);
    this.#mark = new Uint8Array(arms);
  }

  /** The learning rate of the next round. */
  get learningRate(): number {
    const k = this.arms;
    if (this.#horizon !== null) return Math.sqrt((2 * log(k)) / (this.#horizon * k));
    return Math.sqrt(log(k) / ((this.#t + 1) * k));
  }

  /** Fills #p with the distribution over the candidates (0 elsewhere). */
  #distribution(candidates: ArrayLike<number>): Float64Array {
    const p = this.#p;
    const eta = this.learningRate;
    p.fill(0);
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) min = Math.min(min, this.#losses[candidates[i]!]!);
    let z = 0;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const w = exp(-eta * (this.#losses[a]! - min));
      p[a] = w;
      z += w;
    }
    for (let i = 0; i < candidates.length; i++) p[candidates[i]!] = p[candidates[i]!]! / z;
    return p;
  }

  #draw(rng: Rng, candidates: ArrayLike<number>): number {
    const p = this.#p;
    const u = rng.nextFloat64();
    let acc = 0;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      acc += p[a]!;
      if (u < acc) return a;
    }
    return candidates[candidates.length - 1]!;
  }

  select(rng: Rng, options?: SelectOptions): number {
    assertRng('Exp3.select', rng);
    const candidates = candidateArms('Exp3.select', options?.available, this.#all, this.#mark);
    this.#distribution(candidates);
    return this.#draw(rng, candidates);
  }

  selectMany(
    rng: Rng,
    count: number,
    options?: SelectOptions & { readonly out?: Int32Array },
  ): Int32Array {
    assertRng('Exp3.selectMany', rng);
    assertInteger('Exp3.selectMany', 'count', count, 0, MAX_ARRAY_LENGTH);
    const out = options?.out;
    if (out !== undefined && out.length < count) {
      throw new TypeError(`Exp3.selectMany: out must have length >= ${count}, got ${out.length}`);
    }
    const candidates = candidateArms('Exp3.selectMany', options?.available, this.#all, this.#mark);
    this.#distribution(candidates);
    const res = out ?? new Int32Array(count);
    for (let i = 0; i < count; i++) res[i] = this.#draw(rng, candidates);
    return res;
  }

  /** A slate drawn without replacement, each next arm with probability proportional to its weight among those left. */
  selectSlate(rng: Rng, k: number, options?: SelectOptions): Int32Array {
    assertRng('Exp3.selectSlate', rng);
    const candidates = Array.from(
      candidateArms('Exp3.selectSlate', options?.available, this.#all, this.#mark),
    );
    assertInteger('Exp3.selectSlate', 'k', k, 1, candidates.length);
    const out = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      this.#distribution(candidates);
      const a = this.#draw(rng, candidates);
      out[j] = a;
      candidates.splice(candidates.indexOf(a), 1);
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
    const candidates = candidateArms(
      'Exp3.actionProbabilities',
      options?.available,
      this.#all,
      this.#mark,
    );
    return Float64Array.from(this.#distribution(candidates));
  }

  #check(fn: string, arm: unknown, reward: unknown, propensity: unknown): void {
    assertArm(fn, arm, this.arms);
    assertReward(fn, reward, 0, 1);
    if (propensity !== undefined)
      assertInRange(fn, 'propensity', propensity, 0, 1, { loOpen: true });
  }

  #apply(arm: number, reward: number, propensity: number | undefined): void {
    const p = propensity ?? this.#distribution(this.#all)[arm]!;
    const gamma = this.#ix ? this.learningRate / 2 : 0;
    this.#losses[arm] = this.#losses[arm]! + cappedLossEstimate(1 - reward, p + gamma);
    this.#t++;
  }

  update(arm: number, reward: number, options?: UpdateOptions): void {
    this.#check('Exp3.update', arm, reward, options?.propensity);
    this.#apply(arm, reward, options?.propensity);
  }

  updateMany(arms: ArrayLike<number>, rewards: ArrayLike<number>): void {
    assertArrayLike('Exp3.updateMany', 'arms', arms);
    assertArrayLike('Exp3.updateMany', 'rewards', rewards);
    if (arms.length !== rewards.length) {
      throw new TypeError(
        `Exp3.updateMany: arms and rewards must have equal lengths, got ${arms.length} and ${rewards.length}`,
      );
    }
    for (let i = 0; i < arms.length; i++) {
      try {
        this.#check('Exp3.updateMany', arms[i], rewards[i], undefined);
      } catch (err) {
        throw new RangeError(`${(err as Error).message} (at index ${i}; nothing was applied)`);
      }
    }
    for (let i = 0; i < arms.length; i++) this.#apply(arms[i]!, rewards[i]!, undefined);
  }

  reset(): void {
    this.#losses.fill(0);
    this.#t = 0;
  }

  toJSON(): PolicyState {
    return {
      type: 'Exp3',
      version: 1,
      arms: this.arms,
      params: { horizon: this.#horizon, implicitExploration: this.#ix ? 1 : 0 },
      stats: { estimatedLosses: Array.from(this.#losses), rounds: [this.#t] },
    };
  }

  /**
   * Restores a policy from {@link Exp3.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: PolicyState): Exp3 {
    const p = readPolicyState('Exp3', state);
    const horizon = p['horizon'];
    const policy = new Exp3(state.arms, {
      ...(horizon === null || horizon === undefined ? {} : { horizon }),
      implicitExploration: p['implicitExploration'] === 1,
    });
    const losses = state.stats['estimatedLosses'];
    const rounds = state.stats['rounds'];
    if (!Array.isArray(losses) || losses.length !== state.arms) {
      throw new TypeError(
        `Exp3.fromJSON: stats.estimatedLosses must be an array of ${state.arms} numbers, got ${formatValue(losses)}`,
      );
    }
    if (!Array.isArray(rounds) || rounds.length !== 1)
      throw new TypeError('Exp3.fromJSON: stats.rounds must be [t]');
    assertInteger('Exp3.fromJSON', 'stats.rounds[0]', rounds[0], 0);
    for (let i = 0; i < losses.length; i++) {
      const v = losses[i];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new RangeError(
          `Exp3.fromJSON: stats.estimatedLosses[${i}] must be finite and >= 0, got ${formatValue(v)}`,
        );
      }
    }
    policy.#losses.set(losses);
    policy.#t = rounds[0]!;
    return policy;
  }
}
