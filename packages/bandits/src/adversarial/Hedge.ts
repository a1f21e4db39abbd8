import type { LearnerState, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertFiniteVector,
  assertInteger,
  assertPositive,
  assertRng,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';
import { exponentialWeights } from './exponentialWeights.ts';

/** Options of {@link Hedge}. */
export interface HedgeOptions {
  /** The number of rounds T: the learning rate is then $\eta = \sqrt{8\ln N / T}$ and the regret at most $\sqrt{T\ln N / 2}$. */
  readonly rounds?: number;
  /** A fixed learning rate (overrides `rounds`); without either, the anytime rate $\eta_t = \sqrt{8 \ln N / t}$. */
  readonly learningRate?: number;
}

/**
 * Hedge (exponential weights) for prediction with expert advice under full information: after
 * each round the rewards of all N experts (or actions) in [0, 1] are seen, and expert i is
 * followed with probability $p_t(i) \propto \exp(\eta G_{i,t-1})$, $G_i$ its cumulative reward.
 * With $\eta = \sqrt{8 \ln N / T}$ the regret against the best expert is at most $\sqrt{T \ln N /
 * 2}$. Weights are computed in log space (a softmax), so they never overflow.
 *
 * Not a {@link BanditPolicy}: its feedback is the whole reward vector (`update(rewards)`).
 *
 * @example
 * const hedge = new Hedge(3, { rounds: 100 });
 * hedge.update([0.2, 0.9, 0.5]); // full information: every expert's reward this round
 * hedge.probabilities(); // the weights shift towards expert 1
 *
 * References: Freund and Schapire, "A Decision-Theoretic Generalization of On-Line Learning and
 * an Application to Boosting", JCSS 55, 1997; Cesa-Bianchi and Lugosi, Prediction, Learning, and
 * Games, 2006, Theorem 2.2; Slivkins, arXiv:1904.07272, Chapter 5.
 */
export class Hedge {
  readonly experts: number;
  readonly #rounds: number | null;
  readonly #eta: number | null;
  readonly #gains: Float64Array;
  readonly #p: Float64Array;
  #t = 0;

  /**
   * @param experts - number of experts N >= 1
   * @throws RangeError on a bad count, number of rounds or learning rate
   */
  constructor(experts: number, options: HedgeOptions = {}) {
    const { rounds, learningRate } = readOptions('Hedge', options);
    assertInteger('Hedge', 'experts', experts, 1, 1 << 24);
    if (rounds !== undefined) assertInteger('Hedge', 'rounds', rounds, 1, MAX_ROUNDS);
    if (learningRate !== undefined) assertPositive('Hedge', 'learningRate', learningRate);
    this.experts = experts;
    this.#rounds = rounds ?? null;
    this.#eta = learningRate ?? null;
    this.#gains = new Float64Array(experts);
    this.#p = new Float64Array(experts);
  }

  /** The learning rate of the next round. */
  get learningRate(): number {
    if (this.#eta !== null) return this.#eta;
    const logN = log(Math.max(this.experts, 2));
    return Math.sqrt((8 * logN) / (this.#rounds ?? this.#t + 1));
  }

  /**
   * The current distribution over experts: a copy, or written into `out` (length N) so that a
   * loop calling it every round allocates nothing.
   * @throws TypeError if `out` is not a Float64Array of length N
   */
  probabilities(out?: Float64Array): Float64Array {
    if (out !== undefined && !(out instanceof Float64Array && out.length === this.experts))
      throw new TypeError(
        `Hedge.probabilities: out must be a Float64Array of length ${this.experts}`,
      );
    const p = exponentialWeights(this.#gains, null, -this.learningRate, this.#p);
    if (out === undefined) return Float64Array.from(p);
    out.set(p);
    return out;
  }

  /** Draws an expert from the current distribution. */
  select(rng: Rng): number {
    assertRng('Hedge.select', rng);
    const p = this.probabilities();
    const u = rng.nextFloat64();
    let acc = 0;
    for (let i = 0; i < this.experts; i++) {
      acc += p[i]!;
      if (u < acc) return i;
    }
    return this.experts - 1;
  }

  /**
   * Records the rewards of every expert this round.
   * @throws TypeError on a wrong length; RangeError on a reward outside [0, 1] (nothing changes)
   */
  update(rewards: ArrayLike<number>): void {
    assertFiniteVector('Hedge.update', 'rewards', rewards, this.experts, { min: 0, max: 1 });
    for (let i = 0; i < this.experts; i++) this.#gains[i] = this.#gains[i]! + rewards[i]!;
    this.#t++;
  }

  toJSON(): LearnerState {
    return {
      type: 'Hedge',
      version: LEARNER_STATE_VERSION,
      params: { experts: this.experts, rounds: this.#rounds, learningRate: this.#eta },
      stats: { cumulativeRewards: Array.from(this.#gains), played: this.#t },
    };
  }

  /**
   * Restores a Hedge learner from {@link Hedge.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Hedge {
    const fn = 'Hedge.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'Hedge');
    const rounds = params.optionalNumber('rounds');
    const learningRate = params.optionalNumber('learningRate');
    const h = asCaller(
      fn,
      () =>
        new Hedge(params.number('experts'), {
          ...(rounds === undefined ? {} : { rounds }),
          ...(learningRate === undefined ? {} : { learningRate }),
        }),
    );
    const played = stats.number('played', { min: 0, integer: true });
    h.#gains.set(stats.numbers('cumulativeRewards', h.experts, { min: 0, max: played }));
    h.#t = played;
    return h;
  }
}
