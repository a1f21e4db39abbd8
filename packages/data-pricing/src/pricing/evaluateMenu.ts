import { assertInRange, readOptions } from '@x/linalg/validate';
import type { Market } from './Market.ts';
import type { Menu } from './Menu.ts';
import { firstBestRevenue, readMarket, readMenu } from './readMarket.ts';

/** What a menu achieves on a market, from {@link evaluateMenu}. */
export interface MenuOutcome {
  /** The item each type takes, or -1 when it takes nothing. */
  readonly choices: Int32Array;
  /** Expected profit $\sum_\theta w_\theta (p_{i(\theta)} - \sum_d c_d x_{i(\theta)}(d))$ (the expected payment when costs are zero). */
  readonly revenue: number;
  /** Expected buyer surplus $\sum_\theta w_\theta (\sum_d v_\theta(d) x_{i(\theta)}(d) - p_{i(\theta)})$. */
  readonly buyerSurplus: number;
  /** The first-best profit $\sum_\theta w_\theta \max(0, \max_d (v_\theta(d) - c_d))$, what a seller who knew each type could extract. */
  readonly firstBest: number;
  /** For a menu with an assignment: whether every type weakly prefers its own item to every other (within the tolerance). */
  readonly incentiveCompatible: boolean;
  /** For a menu with an assignment: whether every type gets non-negative surplus from its own item (within the tolerance). */
  readonly individuallyRational: boolean;
  /** Types that would leave their own item: the item they prefer (-1 for nothing) and by how much. */
  readonly violations: readonly { type: number; prefers: number; gain: number }[];
}

/** Options of {@link evaluateMenu}. */
export interface EvaluateMenuOptions {
  /**
   * How much a type may gain by deviating before the menu counts as not incentive compatible,
   * relative to the market's largest value or cost. @default 1e-9
   */
  readonly tolerance?: number;
}

/**
 * Evaluates a menu on a market: each buyer type takes the item that maximises its surplus
 * $\sum_d v_\theta(d) x_i(d) - p_i$, or nothing when every surplus is negative; ties go to the
 * higher price (the usual convention that the seller can break ties with an arbitrarily small
 * discount), then to the lower index. Reports the seller's profit, the buyers' surplus and the
 * first-best benchmark. When the menu says which item is meant for each type (the optimal menus
 * do), it checks incentive compatibility (no type gains by taking another item) and individual
 * rationality, within the tolerance: `evaluateMenu(market, optimalMenu(market))` checks a solver's
 * answer.
 *
 * @param market - the buyer types' values, their weights and the costs
 * @param menu - the items (lotteries over products) and their prices; {@link productMenu} makes
 *   posted prices a menu
 * @throws TypeError on mismatched sizes; RangeError on negative or non-finite values, prices,
 *   weights or costs, or an allocation outside [0, 1]
 *
 * @example
 * const market = { values: [[1, 0.4], [0.6, 0.9]] };
 * evaluateMenu(market, productMenu([0.6, 0.9])).revenue; // 0.75: each type buys its favourite
 *
 * References: Ai, Lyu, Wang, Yang and Xu, "An Instrumental Value for Data Production and its
 * Application to Data Pricing", arXiv:2412.18140 (the monopoly pricing setting);
 * Myerson, "Optimal Auction Design", Math. Oper. Res. 1981 (IC and IR).
 */
export function evaluateMenu(
  market: Market,
  menu: Menu,
  options: EvaluateMenuOptions = {},
): MenuOutcome {
  const fn = 'evaluateMenu';
  const m = readMarket(fn, market);
  const { T, D, values, weights: w, costs, scale } = m;
  const { I, allocation: x, prices, assignment } = readMenu(fn, menu, T, D);
  const { tolerance: relative = 1e-9 } = readOptions(fn, options);
  assertInRange(fn, 'tolerance', relative, 0, 1);
  const tolerance = relative * scale;
  // surplus(t, i): type t's value for item i minus its price; 0 for nothing (i = -1).
  const surplus = (t: number, i: number) => {
    if (i === -1) return 0;
    let v = -prices[i]!;
    for (let d = 0; d < D; d++) v += values[t * D + d]! * x[i * D + d]!;
    return v;
  };
  const cost = (i: number) => {
    let c = 0;
    for (let d = 0; d < D; d++) c += costs[d]! * x[i * D + d]!;
    return c;
  };
  const choices = new Int32Array(T);
  let revenue = 0;
  let buyerSurplus = 0;
  for (let t = 0; t < T; t++) {
    // The best surplus (nothing gives 0), then, among the items within the tolerance of it, the
    // highest price (the seller breaks ties; nothing ranks below every item), then the lower index.
    let top = 0;
    for (let i = 0; i < I; i++) top = Math.max(top, surplus(t, i));
    let best = -1;
    for (let i = 0; i < I; i++)
      if (surplus(t, i) >= top - tolerance && (best === -1 || prices[i]! > prices[best]!)) best = i;
    choices[t] = best;
    if (best !== -1) {
      revenue += w[t]! * (prices[best]! - cost(best));
      buyerSurplus += w[t]! * surplus(t, best);
    }
  }
  const violations: { type: number; prefers: number; gain: number }[] = [];
  let individuallyRational = true;
  if (assignment !== undefined) {
    for (let t = 0; t < T; t++) {
      const own = assignment[t]!;
      const mine = surplus(t, own);
      if (mine < -tolerance) {
        individuallyRational = false;
        violations.push({ type: t, prefers: -1, gain: -mine });
      }
      for (let i = 0; i < I; i++) {
        const gain = surplus(t, i) - mine;
        if (i !== own && gain > tolerance) violations.push({ type: t, prefers: i, gain });
      }
    }
  }
  return {
    choices,
    revenue,
    buyerSurplus,
    firstBest: firstBestRevenue(m),
    incentiveCompatible: violations.every((v) => v.prefers === -1),
    individuallyRational,
    violations,
  };
}
