import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertFiniteVector, assertInteger, readOptions } from '@x/linalg/validate';
import type { UpdateOptions } from '../core/BanditPolicy.ts';
import type { ContextModel } from '../core/ContextModel.ts';
import { PolicyBase } from '../core/PolicyBase.ts';
import { cappedLossEstimate } from './cappedLossEstimate.ts';
import { ExponentialWeightsPolicy } from './ExponentialWeightsPolicy.ts';
import { exponentialWeights } from './exponentialWeights.ts';

/** Options of {@link Exp4}. */
export interface Exp4Options {
  /** The number of rounds T: $\eta = \sqrt{2 \ln N / (TK)}$, regret at most $\sqrt{2TK\ln N}$; without it $\eta_t = \sqrt{\ln N/(tK)}$. */
  readonly rounds?: number;
}

/**
 * EXP4: bandits with expert advice. Each round, N experts each recommend a distribution over
 * the K arms (the context: an N x K row-major matrix of probabilities); the policy mixes them
 * with weights $Q_j \propto \exp(-\eta \tilde L_j)$, plays $P(a) = \sum_j Q_j \xi_j(a)$, and charges
 * each expert the importance-weighted loss $\xi_j(A_t)\,\ell_t / P(A_t)$. Its regret against
 * the best expert is $O(\sqrt{TK\ln N})$, logarithmic in the number of experts.
 *
 * Choices made: the version without uniform exploration (as in Lattimore and Szepesvari); when
 * only some arms are available the mixture is renormalised over them (uniform over them if no
 * expert recommends any); the
 * update uses the advice given in `update`'s context (the advice of the round the arm was
 * chosen in) and, for a late reward, the propensity logged then when given; one round's
 * estimate per expert is capped at $10^{18}$ (binding only where the estimate's weight is 0 in
 * double precision anyway), so the state stays finite.
 *
 * @example
 * // Two experts over three arms; the advice is the context, row-major N x K.
 * const policy = new Exp4(3, 2, { rounds: 1000 });
 * const advice = [0.8, 0.1, 0.1, 0.1, 0.1, 0.8];
 * const arm = policy.select(createRng(1), { context: advice });
 * policy.update(arm, 1, { context: advice });
 *
 * References: Auer, Cesa-Bianchi, Freund and Schapire, "The Nonstochastic Multiarmed Bandit
 * Problem", SIAM J. Comput. 32(1), 2002, Section 7; Lattimore and Szepesvari, Bandit
 * Algorithms, 2020, Chapter 18 (Theorem 18.1); Slivkins, arXiv:1904.07272, Section 6.4.
 */
export class Exp4 extends ExponentialWeightsPolicy {
  readonly experts: number;
  readonly #q: Float64Array;
  readonly #mixture: Float64Array;
  readonly #p: Float64Array;

  /**
   * @param arms - K >= 2
   * @param experts - N >= 1
   * @throws RangeError on bad arguments
   */
  constructor(arms: number, experts: number, options: Exp4Options = {}) {
    const { rounds } = readOptions('Exp4', options);
    assertInteger('Exp4', 'arms', arms, 2, 1 << 24);
    assertInteger('Exp4', 'experts', experts, 1, 1 << 20);
    if (arms * experts > 1 << 27)
      throw new RangeError(`Exp4: arms x experts must be at most 2^27, got ${arms * experts}`);
    super('Exp4', arms, experts, rounds, expertAdvice(arms, experts));
    this.experts = experts;
    this.#q = new Float64Array(experts);
    this.#mixture = new Float64Array(arms);
    this.#p = new Float64Array(arms);
  }

  protected params(): Record<string, JsonValue> {
    return { experts: this.experts, rounds: this.rounds };
  }

  /** The learning rate after `t` rewards: $\sqrt{2\ln N/(TK)}$, or $\sqrt{\ln N/((t+1)K)}$ without T. */
  protected rate(t: number): number {
    const logN = log(Math.max(this.experts, 2));
    return Math.sqrt(
      (this.rounds === null ? logN : 2 * logN) / ((this.rounds ?? t + 1) * this.arms),
    );
  }

  /** $P(a) = \sum_j Q_j \xi_j(a)$ over all arms, for the advice and learning rate given. */
  #mix(advice: ArrayLike<number>, eta: number): Float64Array {
    const q = exponentialWeights(this.losses, null, eta, this.#q);
    const p = this.#mixture;
    p.fill(0);
    for (let j = 0; j < this.experts; j++) {
      const qj = q[j]!;
      for (let a = 0; a < this.arms; a++) p[a] = p[a]! + qj * advice[j * this.arms + a]!;
    }
    return p;
  }

  /** The mixture over the candidates, renormalised (uniform if it gives them no mass). */
  protected distribution(_rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const mix = this.#mix(this.context, this.rate(this.stats.total));
    const p = this.#p;
    p.fill(0);
    let z = 0;
    for (let i = 0; i < candidates.length; i++) z += mix[candidates[i]!]!;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      p[a] =
        z > 0 ? (candidates.length === this.arms ? mix[a]! : mix[a]! / z) : 1 / candidates.length;
    }
    return p;
  }

  /**
   * Charges each expert $\xi_j(A)\,\ell / P(A)$, with the propensity logged at selection time or
   * the current mixture's probability of the arm under the update's advice.
   */
  protected override afterUpdate(
    arm: number,
    reward: number,
    options: UpdateOptions | undefined,
  ): void {
    const advice = options!.context!;
    const pa = options?.propensity ?? this.#mix(advice, this.rate(this.stats.total - 1))[arm]!;
    const loss = 1 - reward;
    // No expert recommended the arm (pa = 0): every weighted loss is 0, nothing to charge.
    for (let j = 0; j < this.experts; j++)
      this.losses[j] =
        this.losses[j]! + cappedLossEstimate(advice[j * this.arms + arm]! * loss, pa);
  }

  /**
   * Restores a policy saved by {@link BanditPolicy.toJSON}, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Exp4 {
    return PolicyBase.restore('Exp4', state, (p) => {
      const rounds = p.optionalNumber('rounds');
      return new Exp4(
        p.number('arms'),
        p.number('experts'),
        rounds === undefined ? {} : { rounds },
      );
    });
  }
}

/** The context of EXP4: the experts' advice, N rows of K probabilities. Nothing to learn. */
function expertAdvice(arms: number, experts: number): ContextModel {
  const n = experts * arms;
  return {
    contextLength: n,
    check(fn, advice) {
      if (advice === undefined)
        throw new TypeError(
          `${fn}: context (the experts' advice, ${experts} x ${arms}) is required`,
        );
      assertFiniteVector(fn, 'context', advice, n);
      for (let j = 0; j < experts; j++) {
        let s = 0;
        for (let a = 0; a < arms; a++) {
          const v = advice[j * arms + a]!;
          if (v < 0)
            throw new RangeError(
              `${fn}: advice of expert ${j} for arm ${a} must be >= 0, got ${v}`,
            );
          s += v;
        }
        if (Math.abs(s - 1) > 1e-9 * arms)
          throw new RangeError(`${fn}: advice of expert ${j} must sum to 1, got ${s}`);
      }
      return advice;
    },
    checkUpdate() {},
    add() {},
    toJSON: () => ({}),
    load() {},
    reset() {},
  };
}
