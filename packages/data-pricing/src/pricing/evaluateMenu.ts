import type { MatrixLike } from '@x/linalg';
import { assertArrayLike, assertFiniteVector, formatValue, readObject } from '@x/linalg/validate';
import { firstBestRevenue, readMarket } from './readMarket.ts';

/** A seller's menu facing a population of buyer types. */
export interface Menu {
  /** $v_\theta(d)$: what type $\theta$ would pay at most for product d, types x products, each >= 0. */
  readonly values: MatrixLike;
  /** The price of each product, >= 0. */
  readonly prices: ArrayLike<number>;
  /** The probability (or mass) of each type; uniform when omitted. */
  readonly weights?: ArrayLike<number>;
}

/** What a menu achieves, from {@link evaluateMenu}. */
export interface MenuOutcome {
  /** The product each type buys, or -1 when it buys nothing. */
  readonly choices: Int32Array;
  /** Expected revenue $\sum_\theta w_\theta p_{d(\theta)}$ (weights normalised). */
  readonly revenue: number;
  /** Expected buyer surplus $\sum_\theta w_\theta (v_\theta(d(\theta)) - p_{d(\theta)})$. */
  readonly buyerSurplus: number;
  /** First-best revenue: the full surplus $\sum_\theta w_\theta \max_d v_\theta(d)$, what a seller who knew each type could extract. */
  readonly firstBest: number;
  /** For an intended assignment: whether every type weakly prefers its own product to every other (and to nothing, if `individuallyRational`). */
  readonly incentiveCompatible: boolean;
  /** For an intended assignment: whether every type gets non-negative surplus from its product. */
  readonly individuallyRational: boolean;
  /** Types that would deviate from the intended assignment: the product they prefer and by how much. */
  readonly violations: readonly { type: number; prefers: number; gain: number }[];
}

/**
 * Evaluates a menu of data products: each buyer type buys the product that maximises its surplus
 * $v_\theta(d) - p_d$, or nothing when every surplus is negative; ties go to the higher price
 * (the usual convention that the seller can break ties with an arbitrarily small discount), then
 * to the lower index. Reports revenue, buyer surplus and the first-best benchmark. Given an
 * intended assignment of products to types, it checks incentive compatibility (no type gains by
 * taking another type's product, beyond a tolerance of $10^{-12}$ times the largest value) and
 * individual rationality.
 *
 * @param assignment - optional intended product of each type (-1 for none)
 * @throws TypeError on mismatched sizes; RangeError on negative or non-finite values, prices or weights
 *
 * References: Ai, Lyu, Wang, Yang and Xu, "An Instrumental Value for Data Production and its
 * Application to Data Pricing", arXiv:2412.18140, Section 5 (the monopoly pricing setting);
 * Myerson, "Optimal Auction Design", Math. Oper. Res. 1981 (IC and IR).
 */
export function evaluateMenu(menu: Menu, assignment?: ArrayLike<number>): MenuOutcome {
  const fn = 'evaluateMenu';
  readObject(fn, 'menu', menu);
  const market = readMarket(fn, menu.values, menu.weights);
  const { T, D, values, weights: w, scale } = market;
  assertFiniteVector(fn, 'prices', menu.prices, D);
  for (let d = 0; d < D; d++)
    if (menu.prices[d]! < 0)
      throw new RangeError(`${fn}: prices[${d}] must be >= 0, got ${formatValue(menu.prices[d])}`);
  const tolerance = 1e-12 * scale;
  const surplus = (t: number, d: number) => (d === -1 ? 0 : values[t * D + d]! - menu.prices[d]!);
  const choices = new Int32Array(T);
  let revenue = 0;
  let buyerSurplus = 0;
  for (let t = 0; t < T; t++) {
    // The best surplus (buying nothing gives 0), then, among the products within the tolerance
    // of it, the highest price (buying nothing ranks below every product).
    let top = 0;
    for (let d = 0; d < D; d++) top = Math.max(top, surplus(t, d));
    let best = -1;
    for (let d = 0; d < D; d++)
      if (surplus(t, d) >= top - tolerance && (best === -1 || menu.prices[d]! > menu.prices[best]!))
        best = d;
    choices[t] = best;
    if (best !== -1) {
      revenue += w[t]! * menu.prices[best]!;
      buyerSurplus += w[t]! * surplus(t, best);
    }
  }
  const violations: { type: number; prefers: number; gain: number }[] = [];
  let individuallyRational = true;
  if (assignment !== undefined) {
    assertArrayLike(fn, 'assignment', assignment);
    if (assignment.length !== T)
      throw new TypeError(`${fn}: assignment must have ${T} entries, got ${assignment.length}`);
    for (let t = 0; t < T; t++) {
      const own = assignment[t]!;
      if (!(Number.isInteger(own) && own >= -1 && own < D))
        throw new RangeError(
          `${fn}: assignment[${t}] must be a product index or -1, got ${formatValue(own)}`,
        );
      if (surplus(t, own) < -tolerance) individuallyRational = false;
      for (let d = 0; d < D; d++) {
        const gain = surplus(t, d) - surplus(t, own);
        if (d !== own && gain > tolerance) violations.push({ type: t, prefers: d, gain });
      }
    }
  }
  return {
    choices,
    revenue,
    buyerSurplus,
    firstBest: firstBestRevenue(market),
    incentiveCompatible: assignment === undefined ? true : violations.length === 0,
    individuallyRational,
    violations,
  };
}
