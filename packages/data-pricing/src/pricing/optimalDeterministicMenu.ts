import type { MatrixLike } from '@x/linalg';
import { pow } from '@x/linalg/math';
import { assertInteger, readOptions } from '@x/linalg/validate';
import type { MarketOptions } from './MarketOptions.ts';
import { firstBestRevenue, readMarket } from './readMarket.ts';

/** Options of {@link optimalDeterministicMenu}. */
export interface OptimalDeterministicMenuOptions extends MarketOptions {
  /** The most assignments $(D + 1)^T$ to enumerate before refusing. @default 2 ** 20 */
  readonly maxAssignments?: number;
}

/** The best menu of plain products at prices, from {@link optimalDeterministicMenu}. */
export interface DeterministicMenu {
  /** The product each type buys, or -1 for none. */
  readonly assignment: Int32Array;
  /** The price each type pays (0 for none; types buying the same product pay the same). */
  readonly payments: Float64Array;
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
 * @param values - $v_\theta(d) \ge 0$, types x products
 * @throws TypeError on mismatched sizes; RangeError on bad values, weights or costs, or more
 *   than `maxAssignments` assignments
 *
 * References: Rochet, "A necessary and sufficient condition for rationalizability in a
 * quasi-linear context", J. Math. Econ. 16, 1987 (cyclic monotonicity); Myerson, "Optimal
 * Auction Design", Math. Oper. Res. 6, 1981 (IC and IR).
 */
export function optimalDeterministicMenu(
  values: MatrixLike,
  options: OptimalDeterministicMenuOptions = {},
): DeterministicMenu {
  const {
    weights,
    costs,
    maxAssignments = 2 ** 20,
  } = readOptions('optimalDeterministicMenu', options);
  const fn = 'optimalDeterministicMenu';
  // Enumeration is bounded: at most 2^31 assignments, whatever maxAssignments says.
  assertInteger(fn, 'maxAssignments', maxAssignments, 1, 2 ** 31);
  const market = readMarket(fn, values, weights, costs);
  const { T, D, values: v, weights: w, costs: c, scale } = market;
  const count = pow(D + 1, T);
  if (!(count <= maxAssignments))
    throw new RangeError(
      `${fn}: ${D + 1} choices for each of ${T} types make ${count} assignments, more than maxAssignments = ${maxAssignments}; use optimalMenu`,
    );
  const tolerance = 1e-12 * scale * T;
  const u = (t: number, d: number) => (d === -1 ? 0 : v[t * D + d]!);
  const assignment = new Int32Array(T).fill(-1);
  const price = new Float64Array(T);
  const best = {
    revenue: Number.NEGATIVE_INFINITY,
    assignment: new Int32Array(T).fill(-1),
    payments: new Float64Array(T),
  };
  for (let code = 0; code < count; code++) {
    let rest = code;
    for (let t = 0; t < T; t++) {
      assignment[t] = (rest % (D + 1)) - 1;
      rest = Math.floor(rest / (D + 1));
    }
    // Bellman-Ford from the source, whose edge to t has weight u_t(d(t)).
    for (let t = 0; t < T; t++) price[t] = u(t, assignment[t]!);
    let changed = true;
    for (let pass = 0; pass <= T && changed; pass++) {
      changed = false;
      for (let t = 0; t < T; t++)
        for (let s = 0; s < T; s++) {
          const bound = price[s]! + u(t, assignment[t]!) - u(t, assignment[s]!);
          if (bound < price[t]! - tolerance) {
            price[t] = bound;
            changed = true;
          }
        }
    }
    if (changed) continue; // a negative cycle: no prices implement this assignment
    let revenue = 0;
    let feasible = true;
    for (let t = 0; t < T && feasible; t++) {
      const d = assignment[t]!;
      if (price[t]! < -tolerance) feasible = false;
      else if (d !== -1) revenue += w[t]! * (price[t]! - c[d]!);
    }
    if (feasible && revenue > best.revenue + tolerance) {
      best.revenue = revenue;
      best.assignment = assignment.slice();
      best.payments = Float64Array.from(price, (p, t) =>
        best.assignment[t] === -1 ? 0 : Math.max(p, 0),
      );
    }
  }
  let buyerSurplus = 0;
  for (let t = 0; t < T; t++)
    buyerSurplus += w[t]! * (u(t, best.assignment[t]!) - best.payments[t]!);
  return {
    assignment: best.assignment,
    payments: best.payments,
    revenue: best.revenue,
    buyerSurplus,
    firstBest: firstBestRevenue(market),
  };
}
