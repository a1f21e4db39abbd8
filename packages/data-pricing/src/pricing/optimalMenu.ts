import type { LinearProgramOptions } from '@x/linalg';
import { readOptions, solveOptimalLinearProgramAs } from '@x/linalg/validate';
import type { Market } from './Market.ts';
import type { Menu } from './Menu.ts';
import { firstBestRevenue, implementingPrices, readMarket } from './readMarket.ts';

/** Options of {@link optimalMenu}: the HiGHS instance to use (pass one in a browser). */
export type OptimalMenuOptions = LinearProgramOptions;

/** The revenue-maximising menu of {@link optimalMenu}: one item per type, item t meant for type t. */
export interface OptimalMenu extends Menu {
  /**
   * $x_\theta(d)$, one row per type: the probability that the item meant for type $\theta$
   * delivers product d (the rest, $1 - \sum_d x_\theta(d)$, delivers nothing).
   */
  readonly allocation: Float64Array[];
  /** $p_\theta \ge 0$: the price of the item meant for type $\theta$. */
  readonly prices: Float64Array;
  /** Item t is meant for type t. */
  readonly assignment: Int32Array;
  /** Expected profit $\sum_\theta w_\theta (p_\theta - \sum_d c_d x_\theta(d))$. */
  readonly revenue: number;
  /** Expected buyer surplus $\sum_\theta w_\theta (\sum_d v_\theta(d) x_\theta(d) - p_\theta)$. */
  readonly buyerSurplus: number;
  /** The first-best profit $\sum_\theta w_\theta \max(0, \max_d (v_\theta(d) - c_d))$. */
  readonly firstBest: number;
  /**
   * The largest gain any type could get from another type's item or from buying nothing: zero
   * up to rounding, as the prices are the largest that implement the solver's allocation
   * exactly.
   */
  readonly maxViolation: number;
}

/**
 * The revenue-maximising way to sell data products to a population of buyer types whose
 * values the seller knows only in distribution: a menu with one item per type, each a lottery
 * over products at a price, chosen by the linear program
 *
 * $$\max_{x, p} \sum_\theta w_\theta \Big(p_\theta - \sum_d c_d x_\theta(d)\Big) \quad\text{s.t.}\quad
 * \sum_d v_\theta(d) x_\theta(d) - p_\theta \ge \max\Big(0, \max_{\theta'} \sum_d v_\theta(d) x_{\theta'}(d) - p_{\theta'}\Big),$$
 *
 * with $x_\theta(d) \ge 0$, $\sum_d x_\theta(d) \le 1$ and $p_\theta \ge 0$ (incentive
 * compatibility and individual rationality; by the revelation principle no menu earns more).
 * Buyers are risk-neutral with values linear in the lottery; a buyer indifferent between items
 * takes the one meant for it. The solver's prices satisfy the constraints only within its
 * tolerance; the menu returned has the largest prices that implement the solver's allocation
 * exactly (shortest paths in the constraint graph), so `evaluateMenu(market, menu)` finds it
 * incentive compatible and individually rational. It is the benchmark any pricing mechanism is judged by: its
 * revenue lies between the best deterministic menu ({@link optimalDeterministicMenu}) and the
 * first best, and with a single product it equals the best posted price (lotteries do not help
 * then), which the tests check.
 *
 * @param market - $v_\theta(d) \ge 0$, types x products (for example from `dataProductValues` or
 *   `randomDataMarket`), with the types' weights and the products' costs
 * @throws TypeError on mismatched sizes; RangeError on negative or non-finite values, weights or
 *   costs; Error if HiGHS does not report an optimum
 *
 * @example
 * // Both types prefer product 0; the first values everything more.
 * const market = { values: [[1, 0.6], [0.6, 0.5]], weights: [0.5, 0.5] };
 * const menu = await optimalMenu(market); // product 0 at 0.9 for the first, product 1 at 0.5
 * evaluateMenu(market, menu).incentiveCompatible; // true
 * menu.revenue / menu.firstBest; // 0.875: the first type keeps 0.1 of surplus
 *
 * References: Myerson, "Optimal Auction Design", Math. Oper. Res. 6, 1981 (the revelation
 * principle, IC and IR); Conitzer and Sandholm, "Complexity of Mechanism Design", UAI 2002
 * (mechanisms for finitely many types as linear programs); Bergemann, Bonatti and Smolin, "The
 * Design and Price of Information", American Economic Review 108, 2018 (menus of data products);
 * Riley and Zeckhauser, "Optimal Selling Strategies", QJE 98, 1983 (one good: a posted price is
 * optimal).
 */
export async function optimalMenu(
  market: Market,
  options: OptimalMenuOptions = {},
): Promise<OptimalMenu> {
  const fn = 'optimalMenu';
  const { highs } = readOptions(fn, options);
  const flat = readMarket(fn, market);
  const { T, D, values: v, weights: w, costs: c } = flat;
  // HiGHS's tolerances are absolute and it reads coefficients beyond 1e20 as infinite: solve in
  // units of the largest value or cost, and scale the prices back.
  const unit = flat.scale;
  // Columns: x (T * D, type-major), then p (T). Rows: supply (T), IR (T), IC (T * (T - 1)).
  const cols = T * D + T;
  const rows = 2 * T + T * (T - 1);
  const starts = new Int32Array(rows + 1);
  const indices = new Int32Array(T * D + T * (D + 1) + T * (T - 1) * (2 * D + 2));
  const coefficients = new Float64Array(indices.length);
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  let k = 0;
  let r = 0;
  const entry = (col: number, value: number) => {
    indices[k] = col;
    coefficients[k++] = value;
  };
  for (let t = 0; t < T; t++) {
    starts[r] = k;
    for (let d = 0; d < D; d++) entry(t * D + d, 1);
    rowLower[r] = Number.NEGATIVE_INFINITY;
    rowUpper[r++] = 1;
  }
  for (let t = 0; t < T; t++) {
    starts[r] = k;
    for (let d = 0; d < D; d++) entry(t * D + d, v[t * D + d]! / unit);
    entry(T * D + t, -1);
    rowUpper[r++] = Number.POSITIVE_INFINITY;
  }
  for (let t = 0; t < T; t++)
    for (let u = 0; u < T; u++) {
      if (u === t) continue;
      // Type t prefers its own item to type u's. HiGHS takes each row's columns in order.
      starts[r] = k;
      const [lo, hi] = t < u ? [t, u] : [u, t];
      for (const owner of [lo, hi]) {
        const sign = owner === t ? 1 : -1;
        for (let d = 0; d < D; d++) entry(owner * D + d, (sign * v[t * D + d]!) / unit);
      }
      entry(T * D + lo, lo === t ? -1 : 1);
      entry(T * D + hi, hi === t ? -1 : 1);
      rowUpper[r++] = Number.POSITIVE_INFINITY;
    }
  starts[rows] = k;
  const colCost = new Float64Array(cols);
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) colCost[t * D + d] = (-w[t]! * c[d]!) / unit;
    colCost[T * D + t] = w[t]!;
  }
  const colUpper = new Float64Array(cols).fill(1);
  colUpper.fill(Number.POSITIVE_INFINITY, T * D);
  // Feasible (the empty menu) and bounded (allocations in [0, 1], prices at most the values).
  const result = await solveOptimalLinearProgramAs(
    fn,
    {
      sense: 'maximize',
      cost: colCost,
      colLower: new Float64Array(cols),
      colUpper,
      rowLower,
      rowUpper,
      matrix: { starts, indices: indices.subarray(0, k), values: coefficients.subarray(0, k) },
    },
    highs === undefined ? {} : { highs },
  );
  const solution = result.x;
  // The solver's probabilities, clipped into [0, 1] (its answer may stray by its tolerance, and
  // -0 would print oddly) and each item's total kept at most 1.
  const x = Float64Array.from(solution.subarray(0, T * D), (p) => Math.min(1, Math.max(0, p)) + 0);
  for (let t = 0; t < T; t++) {
    let total = 0;
    for (let d = 0; d < D; d++) total += x[t * D + d]!;
    if (total > 1) for (let d = 0; d < D; d++) x[t * D + d]! /= total;
  }
  // The utilities U[t][s] of type t for type s's item, and the largest prices that implement the
  // solver's allocation exactly (the solver's own prices satisfy the constraints only within its
  // tolerance): the shortest-path prices, started from the solver's.
  const utility = new Float64Array(T * T);
  for (let t = 0; t < T; t++)
    for (let s = 0; s < T; s++) {
      let u = 0;
      for (let d = 0; d < D; d++) u += v[t * D + d]! * x[s * D + d]!;
      utility[t * T + s] = u;
    }
  const prices = Float64Array.from(solution.subarray(T * D), (p) => p * unit);
  implementingPrices(utility, T, prices, 0);
  for (let t = 0; t < T; t++) prices[t] = Math.max(0, prices[t]!);
  let revenue = 0;
  let buyerSurplus = 0;
  let maxViolation = 0;
  for (let t = 0; t < T; t++) {
    const own = utility[t * T + t]! - prices[t]!;
    let cost = 0;
    for (let d = 0; d < D; d++) cost += c[d]! * x[t * D + d]!;
    revenue += w[t]! * (prices[t]! - cost);
    buyerSurplus += w[t]! * own;
    maxViolation = Math.max(maxViolation, -own);
    for (let s = 0; s < T; s++)
      maxViolation = Math.max(maxViolation, utility[t * T + s]! - prices[s]! - own);
  }
  return {
    allocation: Array.from({ length: T }, (_, t) => x.slice(t * D, (t + 1) * D)),
    prices,
    assignment: Int32Array.from({ length: T }, (_, t) => t),
    revenue,
    buyerSurplus,
    firstBest: firstBestRevenue(flat),
    maxViolation,
  };
}
