import type { MatrixLike } from '@x/linalg';
import { assertFiniteVector, formatValue, normalizedWeights, toMatrix } from '@x/linalg/validate';

/** A population of buyer types facing data products, checked and flattened. @internal */
export interface Market {
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
  /** The largest value, at least 1: the scale of the market's tolerances. */
  readonly scale: number;
}

/**
 * Reads a market: values must be finite and >= 0 (types x products), weights non-negative with
 * a positive sum (uniform when omitted), costs finite and >= 0 (zero when omitted). @internal
 */
export function readMarket(
  fn: string,
  values: MatrixLike,
  weights?: ArrayLike<number>,
  costs?: ArrayLike<number>,
): Market {
  const m = toMatrix(fn, 'values', values);
  const T = m.rows;
  const D = m.columns;
  const flat = new Float64Array(T * D);
  let scale = 1;
  for (let t = 0; t < T; t++)
    for (let d = 0; d < D; d++) {
      const x = m.get(t, d);
      if (!(x >= 0)) throw new RangeError(`${fn}: values[${t}][${d}] must be >= 0, got ${x}`);
      flat[t * D + d] = x;
      scale = Math.max(scale, x);
    }
  const w = normalizedWeights(fn, 'weights', weights, T);
  const c = new Float64Array(D);
  if (costs !== undefined) {
    assertFiniteVector(fn, 'costs', costs, D);
    for (let d = 0; d < D; d++) {
      if (costs[d]! < 0)
        throw new RangeError(`${fn}: costs[${d}] must be >= 0, got ${formatValue(costs[d])}`);
      c[d] = costs[d]!;
    }
  }
  return { T, D, values: flat, weights: w, costs: c, scale };
}

/**
 * The first-best benchmark $\sum_\theta w_\theta \max(0, \max_d (v_\theta(d) - c_d))$: what a
 * seller who saw each buyer's type would earn, selling it its most profitable product at its
 * full value. @internal
 */
export function firstBestRevenue({ T, D, values, weights, costs }: Market): number {
  let total = 0;
  for (let t = 0; t < T; t++) {
    let most = 0;
    for (let d = 0; d < D; d++) most = Math.max(most, values[t * D + d]! - costs[d]!);
    total += weights[t]! * most;
  }
  return total;
}
