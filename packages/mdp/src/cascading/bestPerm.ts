import { assertFinite, assertFiniteVector, assertInteger } from '@x/linalg/validate';

/** An item list and its expected value under the cascade model. */
export interface CascadeList {
  /** Item indices, in the order shown. */
  readonly list: Int32Array;
  /** $E[\text{value}]$ of showing the list (see {@link bestPerm}). */
  readonly value: number;
}

/**
 * The BestPerm oracle of cascading RL: the ordered list of at most m items maximising
 *
 * $$f(A) = \sum_{i} \Big[\prod_{j<i}(1 - q_{a_j})\Big] q_{a_i} w_{a_i} + \Big[\prod_{j}(1 - q_{a_j})\Big] w_\perp,$$
 *
 * over non-empty lists, where the user clicks the first attractive item (item a attracts with probability $q_a$),
 * $w_a$ is the value of a click on a (reward plus expected next value) and $w_\perp$ that of no
 * click. For a fixed set of items, the order of decreasing w is optimal (swapping two adjacent
 * items out of that order lowers f), so a dynamic programme over the items in that order,
 * $F(i, k) = \max\{F(i+1, k),\; q_i(w_i - w_\perp) + (1 - q_i)F(i+1, k-1)\}$ (with a twin
 * table for "at least one item"), finds the best list in $O(N\log N + Nm)$ time instead of enumerating $N!/(N-m)!$ lists.
 *
 * @param attraction - $q_a \in [0, 1]$ for each of the N items
 * @param itemValues - $w_a$, finite
 * @param noClickValue - $w_\perp$, finite
 * @param maxLength - m >= 1
 * @returns the best non-empty list (ties to the shorter list) and its value. Choice made: a
 * list shows at least one item, as a recommender must; items worth less than no click are
 * otherwise left out.
 * @throws RangeError or TypeError on bad arguments
 *
 * @example
 * // Three items: attraction (click probability), value after a click; no click is worth 0.2.
 * const best = bestPerm([0.5, 0.3, 0.9], [1, 2, 0.1], 0.2, 2);
 * best.list; // [1, 0]: the order that maximises the list's value
 * best.value; // its expected value
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", ICLR 2024,
 * arXiv:2401.08961, Section 4 (BestPerm).
 */
export function bestPerm(
  attraction: ArrayLike<number>,
  itemValues: ArrayLike<number>,
  noClickValue: number,
  maxLength: number,
): CascadeList {
  const fn = 'bestPerm';
  assertCascadeInputs(fn, attraction, itemValues, noClickValue);
  assertInteger(fn, 'maxLength', maxLength, 1);
  return bestPermUnchecked(attraction, itemValues, noClickValue, maxLength);
}

/** {@link bestPerm} without checks, for planners that validated their inputs once. @internal */
export function bestPermUnchecked(
  attraction: ArrayLike<number>,
  itemValues: ArrayLike<number>,
  noClickValue: number,
  maxLength: number,
): CascadeList {
  const n = attraction.length;
  const m = Math.min(maxLength, n);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => itemValues[b]! - itemValues[a]! || a - b,
  );
  // F[i * (m + 1) + k]: best gain over w_perp from items order[i..] with at most k of them;
  // G: the same with at least one item (lists are never empty).
  const width = m + 1;
  const F = new Float64Array((n + 1) * width);
  const G = new Float64Array((n + 1) * width).fill(Number.NEGATIVE_INFINITY);
  const takeF = new Uint8Array((n + 1) * width);
  const takeG = new Uint8Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const a = order[i]!;
    const q = attraction[a]!;
    const gain = itemValues[a]! - noClickValue;
    for (let k = 1; k <= m; k++) {
      const use = q * gain + (1 - q) * F[(i + 1) * width + k - 1]!;
      const skipF = F[(i + 1) * width + k]!;
      const skipG = G[(i + 1) * width + k]!;
      takeF[i * width + k] = use > skipF ? 1 : 0;
      F[i * width + k] = Math.max(use, skipF);
      takeG[i * width + k] = use > skipG ? 1 : 0;
      G[i * width + k] = Math.max(use, skipG);
    }
  }
  const list: number[] = [];
  let take = takeG;
  for (let i = 0, k = m; i < n && k > 0; i++) {
    if (take[i * width + k]) {
      list.push(order[i]!);
      k--;
      take = takeF;
    }
  }
  return { list: Int32Array.from(list), value: noClickValue + G[m]! };
}

/** Validates the shared inputs of the cascade-model functions. @internal */
export function assertCascadeInputs(
  fn: string,
  attraction: ArrayLike<number>,
  itemValues: ArrayLike<number>,
  noClickValue: number,
): void {
  assertAttraction(fn, attraction);
  if (attraction.length === 0) throw new RangeError(`${fn}: attraction must not be empty`);
  assertFiniteVector(fn, 'itemValues', itemValues, attraction.length);
  assertFinite(fn, 'noClickValue', noClickValue);
}

/** Checks attraction probabilities: finite, each in [0, 1], of the given length if any. @internal */
export function assertAttraction(fn: string, attraction: ArrayLike<number>, length?: number): void {
  assertFiniteVector(fn, 'attraction', attraction, length, { min: 0, max: 1 });
}
