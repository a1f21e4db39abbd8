import { assertInteger } from '@x/linalg';
import { type Dataset, flattenDataset, type Task } from '../data/Dataset.ts';
import { DistanceSorter } from '../data/sortByDistance.ts';

/** Options of {@link knnShapley}. */
export interface KnnShapleyOptions {
  /** `'classification'` (integer labels) or `'regression'`. @default 'classification' */
  readonly task?: Task;
  /** Report the mean over test points (the utility is a mean) or the sum. @default 'mean' */
  readonly aggregate?: 'mean' | 'sum';
}

/**
 * Exact Shapley values of the K-nearest-neighbour utility in $O(N\log N)$ per test point, the
 * recursion of Jia et al. For a test point t with training points sorted by distance
 * $\alpha_1, \dots, \alpha_N$ (ties by index) and a score $h(j)$ of each neighbour, the utility
 * is $U_t(S) = \frac1K\sum_{j \in \text{top-}K_t(S)} h(j)$ ($U_t(\emptyset) = 0$) and
 * $$s_{\alpha_N} = \frac{h(\alpha_N)\min(K, N)}{NK}, \qquad s_{\alpha_i} = s_{\alpha_{i+1}} +
 * \frac{h(\alpha_i) - h(\alpha_{i+1})}{K}\,\frac{\min(K, i)}{i}.$$
 * Classification scores $h(j) = 1[y_j = y_t]$ (the probability the K neighbours give the true
 * label). Regression scores $h(j) = -(y_j - y_t)^2$, the mean squared error of the neighbours'
 * labels. Choice made: that is not the squared error of the K-NN mean prediction, whose exact
 * values need the pairwise recursion of Jia et al.'s Theorem 2; the per-neighbour form keeps the
 * same exact recursion. Squared Euclidean distance.
 *
 * @param train - N training points
 * @param test - test points with the same number of features
 * @param k - K >= 1
 * @returns one value per training point (mean over test points unless `aggregate: 'sum'`)
 * @throws TypeError or RangeError on mismatched shapes, empty sets, non-finite features or non-integer class labels
 *
 * References: Jia et al., "Efficient Task-Specific Data Valuation for Nearest Neighbor
 * Algorithms", VLDB 2019, arXiv:1908.08619, Theorem 1.
 */
export function knnShapley(
  train: Dataset,
  test: Dataset,
  k: number,
  { task = 'classification', aggregate = 'mean' }: KnnShapleyOptions = {},
): Float64Array {
  const fn = 'knnShapley';
  if (task !== 'classification' && task !== 'regression')
    throw new RangeError(
      `${fn}: task must be 'classification' or 'regression', got ${String(task)}`,
    );
  if (aggregate !== 'mean' && aggregate !== 'sum')
    throw new RangeError(`${fn}: aggregate must be 'mean' or 'sum', got ${String(aggregate)}`);
  assertInteger(fn, 'k', k, 1);
  const tr = flattenDataset(fn, 'train', train, task);
  const te = flattenDataset(fn, 'test', test, task, tr.d);
  const { n: N, d } = tr;
  const values = new Float64Array(N);
  const sorter = new DistanceSorter(N);
  const score = new Float64Array(N);
  const classification = task === 'classification';
  for (let t = 0; t < te.n; t++) {
    const yt = te.y[t]!;
    const distance = sorter.distances;
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = tr.x[i * d + j]! - te.x[t * d + j]!;
        s += diff * diff;
      }
      distance[i] = s;
      const yi = tr.y[i]!;
      score[i] = classification ? (yi === yt ? 1 : 0) : -((yi - yt) * (yi - yt));
    }
    const order = sorter.sort();
    let s = (score[order[N - 1]!]! * Math.min(k, N)) / (N * k);
    values[order[N - 1]!]! += s;
    for (let rank = N - 1; rank >= 1; rank--) {
      const a = order[rank - 1]!;
      s += ((score[a]! - score[order[rank]!]!) / k) * (Math.min(k, rank) / rank);
      values[a]! += s;
    }
  }
  if (aggregate === 'mean') for (let i = 0; i < N; i++) values[i] = values[i]! / te.n;
  return values;
}
