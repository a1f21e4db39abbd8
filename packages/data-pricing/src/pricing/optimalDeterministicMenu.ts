import { pow } from '@x/linalg/math';
import { assertInteger, readOptions } from '@x/linalg/validate';
import type { Market } from './Market.ts';
import type { Menu } from './Menu.ts';
import { firstBestRevenue, implementingPrices, readMarket } from './readMarket.ts';

/** Options of {@link optimalDeterministicMenu}. */
export interface OptimalDeterministicMenuOptions {
  /** The most assignments $(D + 1)^T$ to enumerate before refusing. @default 2 ** 20 */
  readonly maxAssignments?: number;
}

/**
 * The best menu of plain products at prices, from {@link optimalDeterministicMenu}: one item per
 * product sold (in product order), each delivering its product at its price.
 */
export interface DeterministicMenu extends Menu {
  /** One row per product sold: its indicator. */
  readonly allocation: Float64Array[];
  /** The price of each product sold. */
  readonly prices: Float64Array;
  /** The item each type buys, or -1 for none. */
  readonly assignment: Int32Array;
  /** The product each type buys, or -1 for none. */
  readonly products: Int32Array;
  /** Expected profit $\sum_\theta w_\theta (p_\theta - c_{d(\theta)})$. */
  readonly revenue: number;
  /** Expected buyer surplus. */
  readonly buyerSurplus: number;
  /** The first-best profit $\sum_\theta w_\theta \max(0, \max_d (v_\theta(d) - c_d))$. */
  readonly firstBest: number;
}

/**
 * The most profitable menu of plain (not randomised) data products, by enumerating which
 * product each type buys. For an assignment $d(\theta)$ the best prices are the largest
 * solution of the difference constraints $p_\theta \le u_\theta(d(\theta))$ (individual
 * rationality) and $p_\theta - p_{\theta'} \le u_\theta(d(\theta)) - u_\theta(d(\theta'))$
 * (incentive compatibility), with $u_\theta$ the values and $u_\theta(\text{none}) = 0$: the
 * shortest-path distances from a source in their constraint graph (Bellman-Ford). The
 * assignment is implementable exactly when that graph has no negative cycle (cyclic
 * monotonicity) and the prices are non-negative. Exact, and exponential in the number of types:
 * for larger markets use {@link optimalMenu}, whose lotteries earn at least as much.
 *
 * @param market - $v_\theta(d) \ge 0$, types x products, with the types' weights and the
 *   products' costs
 * @throws TypeError on mismatched sizes; RangeError on bad values, weights or costs, or more
 *   than `maxAssignments` assignments
 *
 * @example
 * const market = { values: [[1, 0.2], [0.6, 0.9]], weights: [0.5, 0.5] };
 * const menu = optimalDeterministicMenu(market);
 * menu.products; // [0, 1]: each type buys its favourite product
 * menu.revenue; // 0.95, the first best: the types want different products, so each pays its value
 *
 * References: Rochet, "A necessary and sufficient condition for rationalizability in a
 * quasi-linear context", J. Math. Econ. 16, 1987 (cyclic monotonicity); Myerson, "Optimal
 * Auction Design", Math. Oper. Res. 6, 1981 (IC and IR).
 */
export function optimalDeterministicMenu(
  market: Market,
  options: OptimalDeterministicMenuOptions = {},
): DeterministicMenu {
  const fn = 'optimalDeterministicMenu';
  const { maxAssignments = 2 ** 20 } = readOptions(fn, options);
  // Enumeration is bounded: at most 2^31 assignments, whatever maxAssignments says.
  assertInteger(fn, 'maxAssignments', maxAssignments, 1, 2 ** 31);
  const flat = readMarket(fn, market);
  const { T, D, values: v, weights: w, costs: c, scale } = flat;
  const count = pow(D + 1, T);
  if (!(count <= maxAssignments))
    throw new RangeError(
      `${fn}: ${D + 1} choices for each of ${T} types make ${count} assignments, more than maxAssignments = ${maxAssignments}; use optimalMenu`,
    );
  const tolerance = 1e-12 * scale * T;
  const u = (t: number, d: number) => (d === -1 ? 0 : v[t * D + d]!);
  const products = new Int32Array(T).fill(-1);
  const utility = new Float64Array(T * T);
  const price = new Float64Array(T);
  const best = {
    revenue: Number.NEGATIVE_INFINITY,
    products: new Int32Array(T).fill(-1),
    prices: new Float64Array(T),
  };
  for (let code = 0; code < count; code++) {
    let rest = code;
    for (let t = 0; t < T; t++) {
      products[t] = (rest % (D + 1)) - 1;
      rest = Math.floor(rest / (D + 1));
    }
    for (let t = 0; t < T; t++) for (let s = 0; s < T; s++) utility[t * T + s] = u(t, products[s]!);
    price.fill(Number.POSITIVE_INFINITY);
    // No prices implement this assignment when its constraint graph has a negative cycle.
    if (!implementingPrices(utility, T, price, tolerance)) continue;
    let revenue = 0;
    let feasible = true;
    for (let t = 0; t < T && feasible; t++) {
      const d = products[t]!;
      if (price[t]! < -tolerance) feasible = false;
      else if (d !== -1) revenue += w[t]! * (price[t]! - c[d]!);
    }
    if (feasible && revenue > best.revenue + tolerance) {
      best.revenue = revenue;
      best.products = products.slice();
      best.prices = Float64Array.from(price, (p, t) =>
        best.products[t] === -1 ? 0 : Math.max(p, 0),
      );
    }
  }
  let buyerSurplus = 0;
  for (let t = 0; t < T; t++) buyerSurplus += w[t]! * (u(t, best.products[t]!) - best.prices[t]!);
  // One item per product sold, in product order; types buying the same product pay the same.
  const item = new Int32Array(D).fill(-1);
  const sold: number[] = [];
  for (let d = 0; d < D; d++)
    if (best.products.includes(d)) {
      item[d] = sold.length;
      sold.push(d);
    }
  const prices = new Float64Array(sold.length);
  for (let t = 0; t < T; t++) {
    const d = best.products[t]!;
    if (d !== -1) prices[item[d]!] = best.prices[t]!;
  }
  return {
    allocation: sold.map((d) => {
      const row = new Float64Array(D);
      row[d] = 1;
      return row;
    }),
    prices,
    assignment: Int32Array.from(best.products, (d) => (d === -1 ? -1 : item[d]!)),
    products: best.products,
    revenue: best.revenue,
    buyerSurplus,
    firstBest: firstBestRevenue(flat),
  };
}
