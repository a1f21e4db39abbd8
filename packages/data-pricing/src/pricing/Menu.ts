import type { MatrixLike } from '@x/linalg';
import { assertFiniteVector } from '@x/linalg/validate';

/**
 * A seller's menu: items, each a lottery over the data products at a price. A buyer picks the
 * item that serves it best, or nothing. Plain products at posted prices are the menu whose
 * allocation is the identity ({@link productMenu}); the optimal menus of the package carry the
 * item meant for each type (`assignment`), against which {@link evaluateMenu} checks incentive
 * compatibility and individual rationality.
 */
export interface Menu {
  /**
   * $x_i(d)$, items x products: the probability that item i delivers product d (the rest, $1 -
   * \sum_d x_i(d)$, delivers nothing).
   */
  readonly allocation: MatrixLike;
  /** $p_i \ge 0$: the price of each item. */
  readonly prices: ArrayLike<number>;
  /** The item meant for each type, or -1 for none (optional). */
  readonly assignment?: ArrayLike<number>;
}

/**
 * The menu of plain products at posted prices: item d delivers product d at price $p_d$.
 *
 * @param prices - $p_d \ge 0$, one per product
 * @throws TypeError if prices is not an array; RangeError on a negative or non-finite price
 *
 * @example
 * const market = { values: [[1, 0.4], [0.6, 0.9]] };
 * evaluateMenu(market, productMenu([0.8, 0.5])).choices; // [0, 1]: each type buys its favourite
 */
export function productMenu(prices: ArrayLike<number>): Menu {
  const fn = 'productMenu';
  assertFiniteVector(fn, 'prices', prices, undefined, { min: 0 });
  const D = prices.length;
  if (D === 0) throw new RangeError(`${fn}: prices must not be empty`);
  const allocation = Array.from({ length: D }, (_, d) => {
    const row = new Float64Array(D);
    row[d] = 1;
    return row;
  });
  return { allocation, prices: Float64Array.from(prices) };
}
