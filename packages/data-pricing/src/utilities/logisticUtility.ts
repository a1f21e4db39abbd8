import { choleskySolve } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertFinite,
  assertInteger,
  assertOneOf,
  assertPositive,
  readOptions,
} from '@x/linalg/validate';
import { type Dataset, flattenDataset } from '../data/Dataset.ts';
import type { IncrementalUtility } from '../valuation/Utility.ts';
import { incrementalUtility } from './incrementalUtility.ts';
import type { ModelUtilityOptions } from './ModelUtilityOptions.ts';

/** Options of {@link logisticUtility}. */
export interface LogisticUtilityOptions extends ModelUtilityOptions {
  /** L2 penalty $\lambda > 0$ on the weights (and the intercept, so every fit is unique). @default 1e-2 */
  readonly lambda?: number;
  /** Newton iterations per fit. @default 25 */
  readonly iterations?: number;
}

/**
 * The validation accuracy of L2-regularised logistic regression trained on a subset: one-vs-rest
 * for more than two classes, each binary model fitted by Newton's method (iteratively reweighted
 * least squares) on $\sum_i \log(1 + e^{-\tilde y_i w^\top x_i}) + \frac\lambda2\|w\|^2$. Policy
 * for subsets that lack a class: a class absent from the subset is never predicted, a subset with
 * one class predicts it, and the empty set scores `emptyScore` (chance by default).
 * Incremental: `add(i)` refits from the previous weights (a warm start: Newton then needs one
 * or two steps), so permutation Shapley reuses the work of the prefix.
 *
 * @throws TypeError or RangeError on mismatched shapes, empty sets, non-finite features, non-integer labels or bad options
 *
 * @example
 * const train = { x: [[-2], [-1], [1], [2]], y: [0, 0, 1, 1] };
 * const validation = { x: [[-1.5], [1.5]], y: [0, 1] };
 * const utility = logisticUtility(train, validation);
 * utility.evaluate(Int32Array.of(0, 3)); // 1: two points already separate the classes
 * exactShapley(4, utility); // [0.125, 0.125, 0.125, 0.125]: equal shares of U(N) - U(empty) = 1 - 0.5
 *
 * References: Ghorbani and Zou, "Data Shapley", arXiv:1904.02868, Section 4 (logistic
 * regression utilities); Hastie, Tibshirani and Friedman, The Elements of Statistical Learning,
 * Section 4.4.1 (IRLS).
 */
export function logisticUtility(
  train: Dataset,
  validation: Dataset,
  options: LogisticUtilityOptions = {},
): IncrementalUtility {
  const {
    lambda = 1e-2,
    iterations = 25,
    aggregate = 'mean',
    emptyScore,
  } = readOptions('logisticUtility', options);
  const fn = 'logisticUtility';
  assertPositive(fn, 'lambda', lambda);
  assertInteger(fn, 'iterations', iterations, 1);
  assertOneOf(fn, 'aggregate', aggregate, ['mean', 'sum']);
  if (emptyScore !== undefined) assertFinite(fn, 'emptyScore', emptyScore);
  const tr = flattenDataset(fn, 'train', train, 'classification');
  const va = flattenDataset(fn, 'validation', validation, 'classification', tr.d);
  const { n: N, d } = tr;
  const p = d + 1;
  const classes = Math.max(tr.maxLabel, va.maxLabel) + 1;
  const scale = aggregate === 'mean' ? 1 / va.n : 1;
  const empty = emptyScore ?? (va.n / new Set(tr.y).size) * scale;
  const feature = (x: Float64Array, i: number, j: number) => (j === d ? 1 : x[i * d + j]!);
  const hessian: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const gradient = new Float64Array(p);
  const step = new Float64Array(p);

  /** Binary fit of class c against the rest on the subset; weights in w. */
  const fit = (subset: Int32Array, c: number, w: Float64Array, warm: boolean) => {
    if (!warm) w.fill(0);
    for (let it = 0; it < iterations; it++) {
      for (let a = 0; a < p; a++) {
        gradient[a] = lambda * w[a]!;
        for (let b = 0; b < p; b++) hessian[a]![b] = a === b ? lambda : 0;
      }
      for (let r = 0; r < subset.length; r++) {
        const i = subset[r]!;
        let z = 0;
        for (let j = 0; j < p; j++) z += w[j]! * feature(tr.x, i, j);
        const prob = 1 / (1 + exp(-z));
        const target = tr.y[i] === c ? 1 : 0;
        const weight = prob * (1 - prob);
        for (let a = 0; a < p; a++) {
          const fa = feature(tr.x, i, a);
          gradient[a]! += (prob - target) * fa;
          for (let b = 0; b <= a; b++) hessian[a]![b]! += weight * fa * feature(tr.x, i, b);
        }
      }
      // Only the lower triangle was accumulated: mirror it, so the Hessian is symmetric exactly.
      for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hessian[b]![a] = hessian[a]![b]!;
      choleskySolve(hessian, gradient, step);
      let change = 0;
      for (let j = 0; j < p; j++) {
        w[j]! -= step[j]!;
        change = Math.max(change, Math.abs(step[j]!));
      }
      if (change < 1e-10) break;
    }
  };

  const weights = Array.from({ length: classes }, () => new Float64Array(p));
  const score = (subset: Int32Array, warm: boolean): number => {
    if (subset.length === 0) return empty;
    const present = new Set<number>();
    for (const i of subset) present.add(tr.y[i]!);
    const labels = [...present].sort((a, b) => a - b);
    let correct = 0;
    if (labels.length === 1) {
      for (let v = 0; v < va.n; v++) if (va.y[v] === labels[0]) correct++;
      return correct * scale;
    }
    const fitted = labels.length === 2 ? [labels[1]!] : labels;
    for (const c of fitted) fit(subset, c, weights[c]!, warm && fittedBefore[c] === 1);
    fittedBefore.fill(0);
    for (const c of fitted) fittedBefore[c] = 1;
    for (let v = 0; v < va.n; v++) {
      let best = labels[0]!;
      let bestZ = Number.NEGATIVE_INFINITY;
      if (labels.length === 2) {
        let z = 0;
        for (let j = 0; j < p; j++) z += weights[labels[1]!]![j]! * feature(va.x, v, j);
        best = z > 0 ? labels[1]! : labels[0]!;
      } else {
        for (const c of labels) {
          let z = 0;
          for (let j = 0; j < p; j++) z += weights[c]![j]! * feature(va.x, v, j);
          if (z > bestZ) {
            bestZ = z;
            best = c;
          }
        }
      }
      if (best === va.y[v]) correct++;
    }
    return correct * scale;
  };
  const fittedBefore = new Uint8Array(classes);
  const members: number[] = [];
  return incrementalUtility(fn, N, {
    clear: () => {
      members.length = 0;
      fittedBefore.fill(0);
    },
    insert: (i) => {
      members.push(i);
    },
    // Fits from scratch when the subset arrived at once, from the last weights when it grew.
    score: (fresh) => score(Int32Array.from(members).sort(), !fresh),
  });
}
