import { assertArrayLike, assertInteger } from '@x/linalg/validate';
import { assertCascadeInputs } from './bestPerm.ts';

/**
 * The expected value of showing an ordered item list under the cascade model (the objective of
 * {@link bestPerm}): $\sum_i [\prod_{j<i}(1 - q_{a_j})] q_{a_i} w_{a_i} + [\prod_j (1 - q_{a_j})]
 * w_\perp$.
 *
 * @throws RangeError on bad arguments or a repeated or out-of-range item
 *
 * @example
 * cascadeListValue([1, 0], [0.5, 0.3, 0.9], [1, 2, 0.1], 0.2); // 0.3 * 2 + 0.7 * (0.5 * 1 + 0.5 * 0.2)
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", arXiv:2401.08961,
 * Section 3.
 */
export function cascadeListValue(
  list: ArrayLike<number>,
  attraction: ArrayLike<number>,
  itemValues: ArrayLike<number>,
  noClickValue: number,
): number {
  const fn = 'cascadeListValue';
  assertCascadeInputs(fn, attraction, itemValues, noClickValue);
  assertArrayLike(fn, 'list', list);
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    assertInteger(fn, `list[${i}]`, a, 0, attraction.length - 1);
    if (seen.has(a)) throw new RangeError(`${fn}: item ${a} appears twice in list`);
    seen.add(a);
  }
  return cascadeListValueUnchecked(list, attraction, itemValues, noClickValue);
}

/** {@link cascadeListValue} without checks. @internal */
export function cascadeListValueUnchecked(
  list: ArrayLike<number>,
  attraction: ArrayLike<number>,
  itemValues: ArrayLike<number>,
  noClickValue: number,
): number {
  let survive = 1;
  let value = 0;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    value += survive * attraction[a]! * itemValues[a]!;
    survive *= 1 - attraction[a]!;
  }
  return value + survive * noClickValue;
}
