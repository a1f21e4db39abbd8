import { assertInteger, assertOneOf, MAX_ARRAY_LENGTH, readOptions } from '@x/linalg/validate';
import { type Dataset, flattenDataset, type Task } from '../data/Dataset.ts';
import { DistanceSorter } from '../data/sortByDistance.ts';

/** Options of {@link knnShapley}. */
export interface KnnShapleyOptions {
  /** `'classification'` (integer labels) or `'regression'`. @default 'classification' */
  readonly task?: Task;
  /**
   * The regression utility: `'prediction'`, minus the squared error of the K-NN prediction
   * $\frac1K\sum_{\text{top-}K} y_j$; or `'neighbours'`, minus the mean squared error of the K
   * neighbours' labels. @default 'prediction'
   */
  readonly regression?: 'prediction' | 'neighbours';
  /** Report the mean over validation points (the utility is a mean) or the sum. @default 'mean' */
  readonly aggregate?: 'mean' | 'sum';
}

/**
 * Exact Shapley values of the K-nearest-neighbour utility, $O(N\log N)$ per validation point (the sort)
 * plus $O(N)$ recursions. For a validation point t with the training points sorted by distance
 * $\alpha_1, \dots, \alpha_N$ (squared Euclidean, ties by index):
 *
 * - Utilities of the form $U_t(S) = \frac1K\sum_{j \in \text{top-}K(S)} h(j)$ have Jia et al.'s
 *   recursion $s_{\alpha_N} = h(\alpha_N)\min(K, N)/(NK)$, $s_{\alpha_i} = s_{\alpha_{i+1}} +
 *   \frac{h(\alpha_i) - h(\alpha_{i+1})}{K}\frac{\min(K, i)}{i}$. Classification uses $h(j) =
 *   1[y_j = y_t]$ (the share of the K neighbours with the right label); regression with
 *   `regression: 'neighbours'` uses $h(j) = -(y_j - y_t)^2$.
 * - The default regression utility is minus the squared error of the K-NN prediction, $U_t(S) =
 *   -(\frac1K\sum_{\text{top-}K(S)} y_j - y_t)^2$ (dividing by K also when $|S| < K$, as in Jia
 *   et al.). Expanding the square leaves a per-neighbour part, handled by the recursion with
 *   $h(j) = 2y_ty_j - y_j^2/K$, and the pair game $P(S) = \sum_{j < l \in \text{top-}K(S)} z_j
 *   z_l$ with $z = y/K$. In P the pair $(j, l)$ (ranks $j < l$) gives both its members
 *   $a_l = \frac{M(M+1)}{2l(l-1)}$, $M = \min(K - 1, l - 1)$, and every other point nearer than
 *   l the value $-b_l = -\frac{K(K-1)}{l(l-1)(l-2)}$ when $l > K$ (else 0); with prefix sums of z
 *   this is O(N) per validation point. The library derives these pair values itself (by the
 *   random-order form of the Shapley value) and the tests check the result against enumeration.
 *
 * @param train - N training points
 * @param validation - the points the utility scores on, with the same number of features
 * @param k - K >= 1
 * @returns one value per training point (mean over validation points unless `aggregate: 'sum'`)
 * @throws TypeError or RangeError on mismatched shapes, empty sets, non-finite features or non-integer class labels
 *
 * @example
 * const train = { x: [[0], [0.1], [1], [1.1]], y: [0, 1, 1, 1] }; // point 1 is mislabelled
 * const validation = { x: [[0.08], [1.05]], y: [0, 1] };
 * knnShapley(train, validation, 1); // [0.25, -0.083, 0.167, 0.167]: point 1 alone is negative
 *
 * References: Jia et al., "Efficient Task-Specific Data Valuation for Nearest Neighbor
 * Algorithms", VLDB 2019, arXiv:1908.08619, Theorem 1 (classification) and Section 4
 * (regression).
 */
export function knnShapley(
  train: Dataset,
  validation: Dataset,
  k: number,
  options: KnnShapleyOptions = {},
): Float64Array {
  const {
    task = 'classification',
    regression = 'prediction',
    aggregate = 'mean',
  } = readOptions('knnShapley', options);
  const fn = 'knnShapley';
  assertOneOf(fn, 'task', task, ['classification', 'regression']);
  assertOneOf(fn, 'regression', regression, ['prediction', 'neighbours']);
  assertOneOf(fn, 'aggregate', aggregate, ['mean', 'sum']);
  assertInteger(fn, 'k', k, 1, MAX_ARRAY_LENGTH);
  const tr = flattenDataset(fn, 'train', train, task);
  const te = flattenDataset(fn, 'validation', validation, task, tr.d);
  const { n: N, d } = tr;
  const values = new Float64Array(N);
  const sorter = new DistanceSorter(N);
  const score = new Float64Array(N);
  const pairs = task === 'regression' && regression === 'prediction';
  // Pair-game coefficients a_l and b_l by 1-based rank l, independent of the validation point.
  const a = new Float64Array(N + 1);
  const b = new Float64Array(N + 1);
  if (pairs)
    for (let l = 2; l <= N; l++) {
      const M = Math.min(k - 1, l - 1);
      a[l] = (M * (M + 1)) / (2 * l * (l - 1));
      if (l > k && k > 1) b[l] = (k * (k - 1)) / (l * (l - 1) * (l - 2));
    }
  const z = new Float64Array(N + 1);
  const prefix = new Float64Array(N + 2);
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
      score[i] =
        task === 'classification'
          ? yi === yt
            ? 1
            : 0
          : pairs
            ? 2 * yt * yi - (yi * yi) / k
            : -((yi - yt) * (yi - yt));
    }
    const order = sorter.sort();
    let s = (score[order[N - 1]!]! * Math.min(k, N)) / (N * k);
    values[order[N - 1]!]! += s;
    for (let rank = N - 1; rank >= 1; rank--) {
      const i = order[rank - 1]!;
      s += ((score[i]! - score[order[rank]!]!) / k) * (Math.min(k, rank) / rank);
      values[i]! += s;
    }
    if (!pairs) continue;
    // Minus twice the pair game: phi_i(P) = z_i (A_i + B_i) + z_i a_i Z_{<i} - C_i, with suffix
    // sums A_i = sum_{l > i} a_l z_l, B_i = sum_{l > i} b_l z_l, C_i = sum_{l > i} b_l z_l Z_{<l}.
    prefix[1] = 0;
    for (let l = 1; l <= N; l++) {
      z[l] = tr.y[order[l - 1]!]! / k;
      prefix[l + 1] = prefix[l]! + z[l]!;
    }
    let sufA = 0;
    let sufB = 0;
    let sufC = 0;
    for (let i = N; i >= 1; i--) {
      const zi = z[i]!;
      const pair = zi * (sufA + sufB) + zi * a[i]! * prefix[i]! - sufC;
      values[order[i - 1]!]! -= 2 * pair;
      sufA += a[i]! * zi;
      sufB += b[i]! * zi;
      sufC += b[i]! * zi * prefix[i]!;
    }
  }
  if (aggregate === 'mean') for (let i = 0; i < N; i++) values[i] = values[i]! / te.n;
  return values;
}
