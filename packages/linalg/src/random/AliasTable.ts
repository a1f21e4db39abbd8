import {
  assertInteger,
  assertRng,
  assertWeights,
  formatValue,
  MAX_ARRAY_LENGTH,
} from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

/**
 * Walker's alias method in Vose's numerically stable form: $O(K)$ set-up, then $O(1)$ per
 * categorical draw (one uniform: its integer part picks a column, its fraction the coin).
 *
 * References: Vose, "A Linear Algorithm for Generating Random Numbers with a Given
 * Distribution", IEEE TSE 17(9), 1991.
 *
 * @example
 * const table = new AliasTable([0.5, 0.3, 0.2]);
 * table.sample(createRng(7)); // 0, 1 or 2
 */
export class AliasTable {
  readonly #prob: Float64Array;
  readonly #alias: Int32Array;

  /**
   * @param weights - non-negative finite weights with a positive sum (need not be normalised)
   * @throws RangeError on a negative or non-finite weight or a zero sum
   */
  constructor(weights: ArrayLike<number>) {
    assertWeights('AliasTable', 'weights', weights);
    const k = weights.length;
    let total = 0;
    for (let i = 0; i < k; i++) total += weights[i]!;
    const prob = new Float64Array(k);
    const alias = new Int32Array(k);
    const scaled = new Float64Array(k);
    const small = new Int32Array(k);
    const large = new Int32Array(k);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < k; i++) {
      scaled[i] = (weights[i]! * k) / total;
      if (scaled[i]! < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns]!;
      const l = large[--nl]!;
      prob[s] = scaled[s]!;
      alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    // Leftovers are 1 up to rounding.
    while (nl > 0) {
      const l = large[--nl]!;
      prob[l] = 1;
      alias[l] = l;
    }
    while (ns > 0) {
      const s = small[--ns]!;
      prob[s] = 1;
      alias[s] = s;
    }
    this.#prob = prob;
    this.#alias = alias;
  }

  /** Number of categories. */
  get size(): number {
    return this.#prob.length;
  }

  /** One draw: index i with probability proportional to its weight. */
  sample(rng: Rng): number {
    assertRng('AliasTable.sample', rng);
    const x = rng.nextFloat64() * this.#prob.length;
    const i = Math.floor(x);
    return x - i < this.#prob[i]! ? i : this.#alias[i]!;
  }

  /**
   * `n` draws into an Int32Array (`out` when given).
   * @throws TypeError on a bad rng or an out that is not an Int32Array of length >= n; RangeError
   * if n is not an integer in [0, 2^27]
   */
  sampleMany(rng: Rng, n: number, out?: Int32Array): Int32Array {
    const fn = 'AliasTable.sampleMany';
    assertRng(fn, rng);
    assertInteger(fn, 'n', n, 0, MAX_ARRAY_LENGTH);
    if (out !== undefined && !(out instanceof Int32Array && out.length >= n)) {
      throw new TypeError(
        `${fn}: out must be an Int32Array of length >= ${n}, got ${formatValue(out)}`,
      );
    }
    const res = out ?? new Int32Array(n);
    const prob = this.#prob;
    const alias = this.#alias;
    for (let j = 0; j < n; j++) {
      const x = rng.nextFloat64() * prob.length;
      const i = Math.floor(x);
      res[j] = x - i < prob[i]! ? i : alias[i]!;
    }
    return res;
  }
}
