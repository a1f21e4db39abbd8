import { assertFiniteVector, normalizedWeights, readObject, toMatrix } from '@x/linalg/validate';
import type { Market } from './Market.ts';
import type { Menu } from './Menu.ts';

/** A market checked and flattened. @internal */
export interface FlatMarket {
  /** Number of buyer types. */
  readonly T: number;
  /** Number of products. */
  readonly D: number;
  /** $v_\theta(d)$, row-major T x D. */
  readonly values: Float64Array;
  /** Type probabilities, normalised to sum 1. */
  readonly weights: Float64Array;
  /** Production cost of each product per sale. */
  readonly costs: Float64Array;
  /** The largest value or cost, at least 1: the scale of the market's tolerances. */
  readonly scale: number;
}

/** Checks a market (values >= 0, weights, costs >= 0) and flattens it. @internal */
export function readMarket(fn: string, market: Market): FlatMarket {
  const { values, weights, costs } = readObject(fn, 'market', market);
  const m = toMatrix(fn, 'market.values', values);
  const T = m.rows;
  const D = m.columns;
  const flat = new Float64Array(T * D);
  let scale = 1;
  for (let t = 0; t < T; t++)
    for (let d = 0; d < D; d++) {
      const x = m.get(t, d);
      if (!(x >= 0))
        throw new RangeError(`${fn}: market.values[${t}][${d}] must be >= 0, got ${x}`);
      flat[t * D + d] = x;
      scale = Math.max(scale, x);
    }
  const w = normalizedWeights(fn, 'market.weights', weights, T);
  const c = new Float64Array(D);
  if (costs !== undefined) {
    assertFiniteVector(fn, 'market.costs', costs, D, { min: 0 });
    c.set(costs);
    for (let d = 0; d < D; d++) scale = Math.max(scale, c[d]!);
  }
  return { T, D, values: flat, weights: w, costs: c, scale };
}

/** A menu checked against a market with D products and T types, and flattened. @internal */
export interface FlatMenu {
  /** Number of items. */
  readonly I: number;
  /** $x_i(d)$, row-major I x D. */
  readonly allocation: Float64Array;
  readonly prices: Float64Array;
  /** The item meant for each type (-1 for none), when the menu gives one. */
  readonly assignment: Int32Array | undefined;
}

/** Checks a menu (lotteries over the D products, prices >= 0, an assignment of T types) and flattens it. @internal */
export function readMenu(fn: string, menu: Menu, T: number, D: number): FlatMenu {
  const { allocation, prices, assignment } = readObject(fn, 'menu', menu);
  // A menu may offer nothing (every type then buys nothing); otherwise its rows are items.
  const empty =
    allocation !== null &&
    typeof allocation === 'object' &&
    (allocation as { length?: unknown }).length === 0;
  const x = empty
    ? { rows: 0, columns: D, get: () => 0 }
    : toMatrix(fn, 'menu.allocation', allocation);
  if (x.columns !== D)
    throw new TypeError(
      `${fn}: menu.allocation must have ${D} columns (products), got ${x.columns}`,
    );
  const I = x.rows;
  const flat = new Float64Array(I * D);
  for (let i = 0; i < I; i++) {
    let total = 0;
    for (let d = 0; d < D; d++) {
      const p = x.get(i, d);
      if (!(p >= 0 && p <= 1))
        throw new RangeError(`${fn}: menu.allocation[${i}][${d}] must be in [0, 1], got ${p}`);
      flat[i * D + d] = p;
      total += p;
    }
    if (total > 1 + 1e-9 * D)
      throw new RangeError(`${fn}: menu.allocation[${i}] must sum to at most 1, got ${total}`);
  }
  assertFiniteVector(fn, 'menu.prices', prices, I, { min: 0 });
  let items: Int32Array | undefined;
  if (assignment !== undefined) {
    assertFiniteVector(fn, 'menu.assignment', assignment, T);
    items = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      const i = assignment[t]!;
      if (!(Number.isInteger(i) && i >= -1 && i < I))
        throw new RangeError(
          `${fn}: menu.assignment[${t}] must be an item in [-1, ${I - 1}], got ${i}`,
        );
      items[t] = i;
    }
  }
  return { I, allocation: flat, prices: Float64Array.from(prices), assignment: items };
}

/** The first-best profit $\sum_\theta w_\theta \max(0, \max_d (v_\theta(d) - c_d))$. @internal */
export function firstBestRevenue({ T, D, values, weights, costs }: FlatMarket): number {
  let total = 0;
  for (let t = 0; t < T; t++) {
    let most = 0;
    for (let d = 0; d < D; d++) most = Math.max(most, values[t * D + d]! - costs[d]!);
    total += weights[t]! * most;
  }
  return total;
}

/**
 * The largest prices that implement items meant one per type, in place: `price[t]` starts at an
 * upper bound and is lowered to satisfy individual rationality $p_t \le U_{tt}$ and incentive
 * compatibility $p_t \le p_s + U_{tt} - U_{ts}$, with $U_{ts}$ = `utility[t * T + s]` the value
 * to type t of type s's item: the shortest-path distances of the constraint graph
 * (Bellman-Ford, T + 1 passes, `tolerance` ignored). Returns false when the allocation is not
 * implementable (a negative cycle: cyclic monotonicity fails). @internal
 */
export function implementingPrices(
  utility: Float64Array,
  T: number,
  price: Float64Array,
  tolerance: number,
): boolean {
  for (let t = 0; t < T; t++) price[t] = Math.min(price[t]!, utility[t * T + t]!);
  let changed = true;
  for (let pass = 0; pass <= T && changed; pass++) {
    changed = false;
    for (let t = 0; t < T; t++)
      for (let s = 0; s < T; s++) {
        const bound = price[s]! + utility[t * T + t]! - utility[t * T + s]!;
        if (bound < price[t]! - tolerance) {
          price[t] = bound;
          changed = true;
        }
      }
  }
  return !changed;
}
