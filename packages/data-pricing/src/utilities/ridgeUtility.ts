import { choleskySolve } from '@x/linalg';
import { assertFinite, assertOneOf, assertPositive, readOptions } from '@x/linalg/validate';
import { type Dataset, flattenDataset } from '../data/Dataset.ts';
import type { IncrementalUtility } from '../valuation/Utility.ts';
import { incrementalUtility } from './incrementalUtility.ts';
import type { ModelUtilityOptions } from './ModelUtilityOptions.ts';

/** Options of {@link ridgeUtility}. */
export interface RidgeUtilityOptions extends ModelUtilityOptions {
  /** Ridge penalty $\lambda > 0$ (on all weights, the intercept included, so every subset has a unique fit). @default 1e-3 */
  readonly lambda?: number;
}

/**
 * Minus the validation squared error of ridge regression (with an intercept) trained on a subset:
 * $w = (X_S^\top X_S + \lambda I)^{-1} X_S^\top y_S$. Incremental: `add(i)` adds one point's
 * rank-one term to the normal equations and re-solves, $O(d^3)$ per point instead of refitting
 * on the whole prefix. The empty set fits w = 0 (predicts 0) unless `emptyScore` is given.
 *
 * @throws TypeError or RangeError on mismatched shapes, empty sets, non-finite values or a bad lambda
 *
 * @example
 * const train = { x: [[0], [1], [2], [3]], y: [0, 1, 2, 30] }; // the last label is an outlier
 * const validation = { x: [[0.5], [2.5]], y: [0.5, 2.5] };
 * exactShapley(4, ridgeUtility(train, validation, { lambda: 0.1 })); // the outlier's value is negative
 *
 * References: Hoerl and Kennard, "Ridge Regression", Technometrics 1970; Ghorbani and Zou,
 * arXiv:1904.02868 (model-performance utilities).
 */
export function ridgeUtility(
  train: Dataset,
  validation: Dataset,
  options: RidgeUtilityOptions = {},
): IncrementalUtility {
  const { lambda = 1e-3, aggregate = 'mean', emptyScore } = readOptions('ridgeUtility', options);
  const fn = 'ridgeUtility';
  assertPositive(fn, 'lambda', lambda);
  assertOneOf(fn, 'aggregate', aggregate, ['mean', 'sum']);
  if (emptyScore !== undefined) assertFinite(fn, 'emptyScore', emptyScore);
  const tr = flattenDataset(fn, 'train', train, 'regression');
  const va = flattenDataset(fn, 'validation', validation, 'regression', tr.d);
  const { n: N, d } = tr;
  const p = d + 1;
  const scale = aggregate === 'mean' ? 1 / va.n : 1;
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const w = new Float64Array(p);
  const system: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let count = 0;
  const feature = (i: number, j: number) => (j === d ? 1 : tr.x[i * d + j]!);
  const clear = () => {
    gram.fill(0);
    rhs.fill(0);
    for (let j = 0; j < p; j++) gram[j * p + j] = lambda;
    count = 0;
  };
  const insert = (i: number) => {
    for (let a = 0; a < p; a++) {
      const fa = feature(i, a);
      rhs[a]! += fa * tr.y[i]!;
      for (let b = 0; b < p; b++) gram[a * p + b]! += fa * feature(i, b);
    }
    count++;
  };
  const score = (): number => {
    if (count === 0 && emptyScore !== undefined) return emptyScore;
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) system[a]![b] = gram[a * p + b]!;
    choleskySolve(system, rhs, w);
    let total = 0;
    for (let v = 0; v < va.n; v++) {
      let pred = w[d]!;
      for (let j = 0; j < d; j++) pred += w[j]! * va.x[v * d + j]!;
      total -= (pred - va.y[v]!) * (pred - va.y[v]!);
    }
    return total * scale;
  };
  clear();
  return incrementalUtility(fn, N, { clear, insert, score });
}
