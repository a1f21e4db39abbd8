import { type Rng, sigmoid } from '@x/linalg';
import { assertFiniteVector, assertInteger, assertRng } from '@x/linalg/validate';

/**
 * A preference environment under the Bradley-Terry model: arm i is preferred to arm j with
 * probability $P(i \succ j) = \sigma(u_i - u_j)$. The Condorcet winner is the arm of largest
 * utility; the Borda score of i is $b(i) = \frac{1}{K-1}\sum_{j \ne i} P(i \succ j)$.
 *
 * @example
 * const env = new BradleyTerryPreference([0, 0.5, 1, 1.5]); // P(i beats j) = sigmoid(u_i - u_j)
 * env.preference(3, 0); // 0.818: arm 3 is the Condorcet winner
 * simulateDuel(createRng(1), env, (e) => new DoubleThompsonSampling(e.arms), { rounds: 2000 });
 *
 * References: Bradley and Terry, "Rank Analysis of Incomplete Block Designs", Biometrika 39,
 * 1952; Yue, Broder, Kleinberg and Joachims, "The K-armed Dueling Bandits Problem", JCSS 78,
 * 2012 (Condorcet regret).
 */
export class BradleyTerryPreference {
  readonly arms: number;
  readonly #u: Float64Array;
  readonly #borda: Float64Array;
  readonly #best: number;

  /**
   * @param utilities - $u_i$ per arm, finite, at least two
   * @throws RangeError on fewer than two arms or a non-finite utility
   */
  #pair(fn: string, i: unknown, j: unknown): void {
    assertInteger(fn, 'i', i, 0, this.arms - 1);
    assertInteger(fn, 'j', j, 0, this.arms - 1);
  }

  constructor(utilities: ArrayLike<number>) {
    assertFiniteVector('BradleyTerryPreference', 'utilities', utilities);
    if (utilities.length < 2)
      throw new RangeError(`BradleyTerryPreference: need at least 2 arms, got ${utilities.length}`);
    this.arms = utilities.length;
    this.#u = Float64Array.from(utilities);
    this.#borda = new Float64Array(this.arms);
    let best = 0;
    for (let i = 0; i < this.arms; i++) {
      let s = 0;
      for (let j = 0; j < this.arms; j++) if (j !== i) s += sigmoid(this.#u[i]! - this.#u[j]!);
      this.#borda[i] = s / (this.arms - 1);
      if (this.#u[i]! > this.#u[best]!) best = i;
    }
    this.#best = best;
  }

  /** $P(i \succ j)$ (hidden from policies). */
  preference(i: number, j: number): number {
    this.#pair('BradleyTerryPreference.preference', i, j);
    return sigmoid(this.#u[i]! - this.#u[j]!);
  }

  /** A comparison: true when i is preferred to j. */
  compare(rng: Rng, i: number, j: number): boolean {
    assertRng('BradleyTerryPreference.compare', rng);
    this.#pair('BradleyTerryPreference.compare', i, j);
    return rng.nextFloat64() < this.preference(i, j);
  }

  /** Condorcet regret of a pair: $(\epsilon(a^*, i) + \epsilon(a^*, j))/2$ with $\epsilon(a, b) = P(a \succ b) - 1/2$. */
  condorcetRegret(i: number, j: number): number {
    this.#pair('BradleyTerryPreference.condorcetRegret', i, j);
    return 0.5 * (this.preference(this.#best, i) - 0.5 + this.preference(this.#best, j) - 0.5);
  }

  /** Borda regret of a pair: $\max_a b(a) - (b(i) + b(j))/2$. */
  bordaRegret(i: number, j: number): number {
    this.#pair('BradleyTerryPreference.bordaRegret', i, j);
    let best = 0;
    for (let a = 0; a < this.arms; a++) best = Math.max(best, this.#borda[a]!);
    return best - 0.5 * (this.#borda[i]! + this.#borda[j]!);
  }
}
