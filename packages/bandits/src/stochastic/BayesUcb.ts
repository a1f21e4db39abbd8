import { betaQuantile, type JsonValue, type Rng } from '@x/linalg';
import { log, pow } from '@x/linalg/math';
import {
  assertInteger,
  assertNonNegative,
  assertPositive,
  MAX_ROUNDS,
  readOptions,
} from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link BayesUcb}. */
export interface BayesUcbOptions {
  /** The constant c in the quantile level $1 - 1/(t (\log T)^c)$. @default 0 (the paper's experiments; c >= 5 in its proof) */
  readonly c?: number;
  /** The rounds T in that level; without them, t is used. */
  readonly rounds?: number;
  /** Prior Beta(alpha, beta). @default 1 */
  readonly alpha?: number;
  /** @default 1 */
  readonly beta?: number;
}

/**
 * Bayes-UCB for rewards in [0, 1]: the index of an arm is the quantile of level $1 - 1/(t
 * (\log T)^c)$ of its Beta posterior $\mathrm{Beta}(\alpha + S_a, \beta + n_a - S_a)$. A Bayesian
 * index with frequentist optimality: asymptotically it matches the Lai-Robbins bound.
 *
 * Choice made: the level is $1 - 1/(t (\log T)^c + 1)$, which equals the paper's up to the
 * +1 that keeps it in (0, 1) at t = 1 (the paper's level is 0 there).
 *
 * @example
 * const policy = new BayesUcb(3, { rounds: 10_000 }); // upper quantiles of Beta posteriors
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 1);
 *
 * References: Kaufmann, Cappe and Garivier, "On Bayesian Upper Confidence Bounds for Bandit
 * Problems", AISTATS 2012, Algorithm 1 and Theorem 1.
 */
export class BayesUcb extends IndexPolicy {
  readonly #c: number;
  readonly #rounds: number | null;
  readonly #alpha: number;
  readonly #beta: number;
  #level = 0.5;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError on a negative c, a bad `rounds` or non-positive prior parameters
   */
  constructor(arms: number, options: BayesUcbOptions = {}) {
    const { c = 0, rounds, alpha = 1, beta = 1 } = readOptions('BayesUcb', options);
    assertNonNegative('BayesUcb', 'c', c);
    if (rounds !== undefined) assertInteger('BayesUcb', 'rounds', rounds, 1, MAX_ROUNDS);
    assertPositive('BayesUcb', 'alpha', alpha);
    assertPositive('BayesUcb', 'beta', beta);
    super('BayesUcb', arms, 0, 1, false);
    this.#c = c;
    this.#rounds = rounds ?? null;
    this.#alpha = alpha;
    this.#beta = beta;
  }

  protected params(): Record<string, JsonValue> {
    return { c: this.#c, rounds: this.#rounds, alpha: this.#alpha, beta: this.#beta };
  }

  protected override prepareRound(): void {
    const t = Math.max(1, this.stats.total);
    const logT = log(Math.max(Math.E, this.#rounds ?? t));
    this.#level = 1 - 1 / (t * pow(logT, this.#c) + 1);
  }

  protected score(arm: number, _rng: Rng): number {
    const s = this.stats.sums[arm]!;
    return betaQuantile(this.#level, this.#alpha + s, this.#beta + this.stats.counts[arm]! - s);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): BayesUcb {
    return PolicyBase.restore('BayesUcb', state, (p) => {
      const rounds = p.optionalNumber('rounds');
      return new BayesUcb(p.number('arms'), {
        c: p.number('c'),
        ...(rounds === undefined ? {} : { rounds }),
        alpha: p.number('alpha'),
        beta: p.number('beta'),
      });
    });
  }
}
