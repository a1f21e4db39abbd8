import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import { assertBoolean, assertInteger, readOptions } from '@x/linalg/validate';
import type { UpdateOptions } from '../core/BanditPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';
import { cappedLossEstimate } from './cappedLossEstimate.ts';
import { ExponentialWeightsPolicy } from './ExponentialWeightsPolicy.ts';
import { exponentialWeights } from './exponentialWeights.ts';

/** Options of {@link Exp3}. */
export interface Exp3Options {
  /**
   * The number of rounds T, when known: the learning rate is then $\eta = \sqrt{2\log K/(TK)}$ and the
   * pseudo-regret is at most $\sqrt{2TK\log K}$. Without it the anytime rate $\eta_t =
   * \sqrt{\log K/(tK)}$ is used (regret at most $2\sqrt{TK\log K}$).
   */
  readonly rounds?: number;
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
 * @example
 * const policy = new Exp3(3, { rounds: 10_000 });
 * const rng = createRng(1);
 * const arm = policy.select(rng);
 * policy.update(arm, 0.7); // importance-weighted by the arm's probability
 * policy.actionProbabilities(rng); // the exact sampling distribution (for off-policy logs)
 *
 * References: Bubeck and Cesa-Bianchi, "Regret Analysis of Stochastic and Nonstochastic
 * Multi-armed Bandit Problems", arXiv:1204.5721, Section 3.1 and Theorem 3.1; Neu, "Explore no
 * More: Improved High-Probability Regret Bounds for Non-Stochastic Bandits", NeurIPS 2015,
 * arXiv:1506.03271, Section 3 (EXP3-IX); Auer,
 * Cesa-Bianchi, Freund and Schapire, "The Nonstochastic Multiarmed Bandit Problem", SIAM J.
 * Comput. 32(1), 2002; Slivkins, arXiv:1904.07272, Chapter 6.
 */
export class Exp3 extends ExponentialWeightsPolicy {
  readonly #ix: boolean;
  readonly #p: Float64Array;

  /**
   * @param arms - K >= 2
   * @throws RangeError on bad arguments
   */
  constructor(arms: number, options: Exp3Options = {}) {
    const { rounds, implicitExploration = false } = readOptions('Exp3', options);
    assertInteger('Exp3', 'arms', arms, 2, 1 << 24);
    assertBoolean('Exp3', 'implicitExploration', implicitExploration);
    super('Exp3', arms, arms, rounds);
    this.#ix = implicitExploration;
    this.#p = new Float64Array(arms);
  }

  protected params(): Record<string, JsonValue> {
    return { rounds: this.rounds, implicitExploration: this.#ix };
  }

  /** The learning rate $\eta$ after `t` rewards: $\sqrt{2\log K/(TK)}$, or $\sqrt{\log K/((t+1)K)}$ without T. */
  protected rate(t: number): number {
    const k = this.arms;
    if (this.rounds !== null) return Math.sqrt((2 * log(k)) / (this.rounds * k));
    return Math.sqrt(log(k) / ((t + 1) * k));
  }

  /** $p(i) \propto \exp(-\eta \tilde L_i)$ over the candidates, shifted by the smallest loss (a softmax). */
  protected distribution(_rng: Rng, candidates: ArrayLike<number>): Float64Array {
    return exponentialWeights(this.losses, candidates, this.rate(this.stats.total), this.#p);
  }

  /** Adds the importance-weighted loss estimate, at the propensity logged or the current one. */
  protected override afterUpdate(
    arm: number,
    reward: number,
    options: UpdateOptions | undefined,
  ): void {
    const eta = this.rate(this.stats.total - 1);
    const p = options?.propensity ?? exponentialWeights(this.losses, null, eta, this.#p)[arm]!;
    const gamma = this.#ix ? eta / 2 : 0;
    this.losses[arm] = this.losses[arm]! + cappedLossEstimate(1 - reward, p + gamma);
  }

  /**
   * Restores a policy saved by {@link BanditPolicy.toJSON}, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Exp3 {
    return PolicyBase.restore('Exp3', state, (p) => {
      const rounds = p.optionalNumber('rounds');
      return new Exp3(p.number('arms'), {
        ...(rounds === undefined ? {} : { rounds }),
        implicitExploration: p.boolean('implicitExploration'),
      });
    });
  }
}
