import type { Rng } from '@x/linalg';
import { assertInteger, assertRng } from '@x/linalg/validate';
import { assertFiniteMeans, assertItemList } from '../core/validation.ts';

/**
 * The cascade click model: L items with attraction probabilities $w(e)$; shown an ordered list
 * of K items, the user examines them in order and clicks the first attractive one (each item
 * independently attractive with probability $w(e)$), or none. The expected reward of a list
 * (the click probability) is $f(A) = 1 - \prod_{k}(1 - w(a_k))$, maximised by the K most
 * attractive items.
 *
 * @example
 * const env = new CascadingBandit([0.5, 0.4, 0.2, 0.1, 0.05], 2); // attraction of each item
 * simulateCascadingBandit(createRng(1), env, (e) => new CascadeUcb(e.items, e.listLength), {
 *   rounds: 5000,
 * });
 *
 * References: Kveton, Szepesvari, Wen and Ashkan, "Cascading Bandits: Learning to Rank in the
 * Cascade Model", ICML 2015, arXiv:1502.02763, Section 2; Craswell et al., "An Experimental
 * Comparison of Click Position-Bias Models", WSDM 2008.
 */
export class CascadingBandit {
  /** Number of items L. */
  readonly items: number;
  /** Length K of a recommended list. */
  readonly listLength: number;
  readonly #w: Float64Array;

  /**
   * @param attractions - $w(e)$ per item, in [0, 1]
   * @param listLength - K, in [1, L]
   * @throws RangeError on an attraction outside [0, 1] or a bad K
   */
  constructor(attractions: ArrayLike<number>, listLength: number) {
    assertFiniteMeans('CascadingBandit', attractions, 0, 1);
    assertInteger('CascadingBandit', 'listLength', listLength, 1, attractions.length);
    this.items = attractions.length;
    this.listLength = listLength;
    this.#w = Float64Array.from(attractions);
  }

  /** The click probability $1 - \prod_k (1 - w(a_k))$ of a list (hidden from policies). */
  expectedReward(list: ArrayLike<number>): number {
    assertItemList('CascadingBandit.expectedReward', list, this.items, this.items);
    let none = 1;
    for (let k = 0; k < list.length; k++) none *= 1 - this.#w[list[k]!]!;
    return 1 - none;
  }

  /** The best click probability: that of the K most attractive items. */
  optimalReward(): number {
    const sorted = Array.from(this.#w).sort((a, b) => b - a);
    let none = 1;
    for (let k = 0; k < this.listLength; k++) none *= 1 - sorted[k]!;
    return 1 - none;
  }

  /** The user's response: the position of the click, or -1 if none. */
  click(rng: Rng, list: ArrayLike<number>): number {
    assertRng('CascadingBandit.click', rng);
    assertItemList('CascadingBandit.click', list, this.items, this.items);
    for (let k = 0; k < list.length; k++) if (rng.nextFloat64() < this.#w[list[k]!]!) return k;
    return -1;
  }
}
