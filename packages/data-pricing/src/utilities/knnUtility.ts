import {
  assertFinite,
  assertInteger,
  assertOneOf,
  MAX_ARRAY_LENGTH,
  readOptions,
} from '@x/linalg/validate';
import { type Dataset, flattenDataset, type Task } from '../data/Dataset.ts';
import type { IncrementalUtility } from '../valuation/Utility.ts';
import { incrementalUtility } from './incrementalUtility.ts';
import type { ModelUtilityOptions } from './ModelUtilityOptions.ts';

/** The most classes a KNN utility counts votes for. */
const MAX_CLASSES = 2 ** 20;

/** Options of {@link knnUtility}. */
export interface KnnUtilityOptions extends ModelUtilityOptions {
  /** `'classification'`: accuracy of the majority vote (ties to the smallest label); `'regression'`: minus the squared error of the neighbours' mean. @default 'classification' */
  readonly task?: Task;
}

/**
 * The validation score of a K-nearest-neighbour model trained on a subset of the training points
 * (with fewer than K points, all of them vote). Incremental: `add(i)` inserts one point into each
 * validation point's neighbour list in $O(V(K + 1))$ with distances computed once, so permutation
 * Shapley walks a permutation at the cost of one insertion per point; the V x N distances are
 * kept (8VN bytes). A subset with a single
 * class predicts that class; the empty set scores `emptyScore`.
 *
 * @param k - K >= 1
 * @throws TypeError or RangeError on mismatched shapes, empty sets, non-finite features or non-integer class labels
 *
 * @example
 * const train = { x: [[0], [0.1], [1], [1.1]], y: [0, 1, 1, 1] };
 * const validation = { x: [[0.05], [1.05]], y: [0, 1] };
 * const utility = knnUtility(train, validation, 1);
 * utility.evaluate(Int32Array.of(0, 2)); // 1: both validation points are classified right
 * permutationShapley(createRng(1), 4, utility).values; // walks each permutation incrementally
 *
 * References: Ghorbani and Zou, "Data Shapley", arXiv:1904.02868, Section 4 (model-performance
 * utilities); Jia et al., arXiv:1908.08619 (the K-NN utility).
 */
export function knnUtility(
  train: Dataset,
  validation: Dataset,
  k: number,
  options: KnnUtilityOptions = {},
): IncrementalUtility {
  const {
    task = 'classification',
    aggregate = 'mean',
    emptyScore,
  } = readOptions('knnUtility', options);
  const fn = 'knnUtility';
  assertOneOf(fn, 'task', task, ['classification', 'regression']);
  assertOneOf(fn, 'aggregate', aggregate, ['mean', 'sum']);
  assertInteger(fn, 'k', k, 1, MAX_ARRAY_LENGTH);
  const tr = flattenDataset(fn, 'train', train, task);
  const va = flattenDataset(fn, 'validation', validation, task, tr.d);
  const { n: N, d } = tr;
  const V = va.n;
  const classification = task === 'classification';
  const classes = classification ? Math.max(tr.maxLabel, va.maxLabel) + 1 : 0;
  // One vote counter per class label: labels are class indices 0..C-1, not arbitrary codes.
  if (classes > MAX_CLASSES)
    throw new RangeError(
      `${fn}: class labels must be below ${MAX_CLASSES} (indices 0..C-1), got ${classes - 1}`,
    );
  const scale = aggregate === 'mean' ? 1 / V : 1;
  const empty =
    emptyScore ??
    (classification
      ? (V / new Set(tr.y).size) * scale
      : -va.y.reduce((acc, y) => acc + y * y, 0) * scale);
  if (emptyScore !== undefined) assertFinite(fn, 'emptyScore', emptyScore);
  if (V * N > MAX_ARRAY_LENGTH)
    throw new RangeError(
      `${fn}: validation x train points must be at most ${MAX_ARRAY_LENGTH}, got ${V} x ${N}`,
    );
  // More neighbours than points means every point: K = min(k, N) gives the same utility.
  const K = Math.min(k, N);
  const distance = new Float64Array(V * N);
  for (let v = 0; v < V; v++)
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = tr.x[i * d + j]! - va.x[v * d + j]!;
        s += diff * diff;
      }
      distance[v * N + i] = s;
    }
  // Per validation point, the current K nearest (indices, by distance then index).
  const nearest = new Int32Array(V * K);
  let count = 0;
  const votes = new Float64Array(Math.max(1, classes));
  const closer = (v: number, a: number, b: number) => {
    const da = distance[v * N + a]!;
    const db = distance[v * N + b]!;
    return da < db || (da === db && a < b);
  };
  const score = (): number => {
    if (count === 0) return empty;
    const m = Math.min(K, count);
    let total = 0;
    for (let v = 0; v < V; v++) {
      const base = v * K;
      if (classification) {
        votes.fill(0);
        let best = 0;
        for (let r = 0; r < m; r++) votes[tr.y[nearest[base + r]!]!]! += 1;
        for (let c = 1; c < classes; c++) if (votes[c]! > votes[best]!) best = c;
        if (best === va.y[v]) total += 1;
      } else {
        let mean = 0;
        for (let r = 0; r < m; r++) mean += tr.y[nearest[base + r]!]!;
        mean /= m;
        total -= (mean - va.y[v]!) * (mean - va.y[v]!);
      }
    }
    return total * scale;
  };
  const insert = (i: number) => {
    const m = Math.min(K, count);
    for (let v = 0; v < V; v++) {
      const base = v * K;
      let r = m;
      if (m === K) {
        if (!closer(v, i, nearest[base + K - 1]!)) continue;
        r = K - 1;
      }
      while (r > 0 && closer(v, i, nearest[base + r - 1]!)) {
        nearest[base + r] = nearest[base + r - 1]!;
        r--;
      }
      nearest[base + r] = i;
    }
    count++;
  };
  return incrementalUtility(fn, N, {
    clear: () => {
      count = 0;
    },
    insert,
    score,
  });
}
