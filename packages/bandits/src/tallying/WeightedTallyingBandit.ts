import type { Rng } from '@x/linalg';
import { assertFiniteVector, assertInteger, assertRng, formatValue } from '@x/linalg/validate';

/**
 * A weighted tallying bandit: the loss of playing arm a depends on how often a was played in
 * the last m rounds, weighted by recency: with tally $\tau_t(a) = \sum_{s=1}^{m} w_s
 * \mathbb 1\{a_{t-s} = a\}$, the loss is Bernoulli with mean $f_a(\tau_t(a)) \in [0, 1]$ (a human
 * whose skill or boredom with an item depends on recent exposure, with fading memory). The
 * environment is stateful: it keeps the last m plays. Rewards are $1 - \text{loss}$.
 *
 * Repeated exposure optimality (REO) holds when some arm played repeatedly reaches a loss
 * $f_{a^*}(W)$, $W = \sum_s w_s$, below anything else; the complete policy regret is then
 * measured against $T \min_a f_a(W)$.
 *
 * @example
 * // Arm 0 is good when played rarely, arm 1 steady; the tally weighs the last 3 rounds.
 * const env = new WeightedTallyingBandit([(x) => 0.9 - 0.3 * x, () => 0.5], [1, 0.5, 0.25]);
 * simulateTallying(createRng(1), () => env, (e) => new TallyingSuccessiveElimination(e.arms, {
 *   memoryBound: 3,
 *   rounds: 5000,
 * }), { rounds: 5000 });
 *
 * References: Malik, Igoe, Li and Singh, "Weighted Tallying Bandits: Overcoming Intractability
 * via Repeated Exposure Optimality", ICML 2023, arXiv:2305.02955 (the model, as stated in the
 * abstract).
 */
export class WeightedTallyingBandit {
  readonly arms: number;
  /** Memory length m. */
  readonly memory: number;
  readonly #weights: Float64Array;
  readonly #loss: readonly ((tally: number) => number)[];
  readonly #history: Int32Array;
  #t = 0;

  /**
   * @param loss - per arm, the mean loss $f_a$ as a function of the tally, with values in [0, 1]
   * @param weights - $w_1, \dots, w_m$ (most recent first), non-negative, at least one
   * @throws TypeError or RangeError on bad arguments
   */
  constructor(loss: readonly ((tally: number) => number)[], weights: ArrayLike<number>) {
    const fn = 'WeightedTallyingBandit';
    if (!Array.isArray(loss) || loss.length === 0 || !loss.every((f) => typeof f === 'function')) {
      throw new TypeError(`${fn}: loss must be a non-empty array of functions`);
    }
    assertFiniteVector(fn, 'weights', weights, undefined, { min: 0 });
    if (weights.length === 0) throw new RangeError(`${fn}: weights must not be empty`);
    this.arms = loss.length;
    this.memory = weights.length;
    this.#weights = Float64Array.from(weights);
    this.#loss = [...loss];
    this.#history = new Int32Array(weights.length).fill(-1);
  }

  /** $W = \sum_s w_s$: the tally of an arm played in each of the last m rounds. */
  get saturatedTally(): number {
    return this.#weights.reduce((a, b) => a + b, 0);
  }

  /** The current tally of an arm. */
  tally(arm: number): number {
    assertInteger('WeightedTallyingBandit.tally', 'arm', arm, 0, this.arms - 1);
    let s = 0;
    for (let k = 0; k < this.memory; k++) {
      // history[(t - 1 - k) mod m] is the play k + 1 rounds ago
      const idx = (((this.#t - 1 - k) % this.memory) + this.memory) % this.memory;
      if (k < this.#t && this.#history[idx] === arm) s += this.#weights[k]!;
    }
    return s;
  }

  /** The mean loss of playing an arm now (hidden from policies). */
  expectedLoss(arm: number): number {
    assertInteger('WeightedTallyingBandit.expectedLoss', 'arm', arm, 0, this.arms - 1);
    const f = this.#loss[arm]!(this.tally(arm));
    if (!(f >= 0 && f <= 1))
      throw new RangeError(
        `WeightedTallyingBandit: loss of arm ${arm} must be in [0, 1], got ${formatValue(f)}`,
      );
    return f;
  }

  /** The best loss under repeated exposure, $\min_a f_a(W)$. */
  repeatedExposureLoss(): number {
    const w = this.saturatedTally;
    return Math.min(...this.#loss.map((f) => f(w)));
  }

  /**
   * Plays an arm: returns the reward $1 - \ell$ with $\ell \sim \mathrm{Bernoulli}(f_a(\tau))$, and
   * records the play.
   * @throws RangeError on a bad arm
   */
  play(rng: Rng, arm: number): number {
    assertRng('WeightedTallyingBandit.play', rng);
    assertInteger('WeightedTallyingBandit.play', 'arm', arm, 0, this.arms - 1);
    const loss = rng.nextFloat64() < this.expectedLoss(arm) ? 1 : 0;
    this.#history[this.#t % this.memory] = arm;
    this.#t++;
    return 1 - loss;
  }

  /** Forgets the history (a new user). */
  reset(): void {
    this.#history.fill(-1);
    this.#t = 0;
  }
}
