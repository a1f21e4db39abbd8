import { type Rng, sigmoid } from '@x/linalg';
import { assertRng } from '@x/linalg/validate';
import { LinearContextualBandit } from './LinearContextualBandit.ts';

/**
 * A logistic contextual bandit: contexts as in {@link LinearContextualBandit}, binary rewards
 * with $P(r = 1) = \sigma(\theta^\top x)$ (the generalised linear model of click-through rates).
 *
 * @example
 * // Binary rewards with P(1) = sigmoid(theta_a . x).
 * const env = new LogisticContextualBandit([[2, 0], [0, 2]], 2);
 * const oracle = { oracle: 'logistic', model: 'disjoint' } as const; // a model per arm, as env has
 * simulateBandit(createRng(1), env, (e) => new SquareCb(e.arms, 2, oracle), { rounds: 2000 });
 *
 * References: Li, Lu and Zhou, "Provably Optimal Algorithms for Generalized Linear Contextual
 * Bandits", ICML 2017, arXiv:1703.00048, Section 2.
 */
export class LogisticContextualBandit extends LinearContextualBandit {
  static override readonly typeName: string = 'LogisticContextualBandit';

  override expectedReward(_t: number, arm: number, context?: ArrayLike<number>): number {
    return sigmoid(this.linearReward(`${this.typeName}.expectedReward`, arm, context));
  }

  override pull(rng: Rng, _t: number, arm: number, context?: ArrayLike<number>): number {
    const fn = `${this.typeName}.pull`;
    assertRng(fn, rng);
    return rng.nextFloat64() < sigmoid(this.linearReward(fn, arm, context)) ? 1 : 0;
  }
}
