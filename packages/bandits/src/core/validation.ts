import { assertFinite, assertFunction, assertInteger, formatValue } from '@x/linalg/validate';

/** Checks an arm index. @throws RangeError naming the value */
export function assertArm(fn: string, arm: unknown, arms: number): asserts arm is number {
  if (typeof arm !== 'number' || !Number.isInteger(arm) || arm < 0 || arm >= arms) {
    throw new RangeError(
      `${fn}: arm must be an integer in [0, ${arms - 1}], got ${formatValue(arm)}`,
    );
  }
}

/** Checks a reward against the policy's reward range. @throws RangeError naming the value */
export function assertReward(
  fn: string,
  reward: unknown,
  lo: number,
  hi: number,
): asserts reward is number {
  assertFinite(fn, 'reward', reward);
  if (reward < lo || reward > hi) {
    throw new RangeError(`${fn}: reward must be in [${lo}, ${hi}], got ${reward}`);
  }
}

/** Checks the number of arms. */
export function assertArms(fn: string, arms: unknown): asserts arms is number {
  assertInteger(fn, 'arms', arms, 1, 1 << 24);
}

/**
 * Validates `available` against the number of arms and returns it as the list of candidate
 * arms (`all` when omitted). `mark` is a zeroed scratch array of length K, zeroed again on exit.
 * @throws RangeError on an empty list, an index out of range or a duplicate
 */
export function candidateArms(
  fn: string,
  available: ArrayLike<number> | undefined,
  all: Int32Array,
  mark: Uint8Array,
): ArrayLike<number> {
  if (available === undefined) return all;
  if (available === null || typeof available !== 'object' || typeof available.length !== 'number')
    throw new TypeError(`${fn}: available must be an array of arms, got ${formatValue(available)}`);
  const n = available.length;
  if (n === 0) throw new RangeError(`${fn}: available must not be empty`);
  const arms = all.length;
  let seen = 0;
  try {
    for (; seen < n; seen++) {
      const a = available[seen];
      if (typeof a !== 'number' || !Number.isInteger(a) || a < 0 || a >= arms) {
        throw new RangeError(
          `${fn}: available[${seen}] must be an arm index in [0, ${arms - 1}], got ${formatValue(a)}`,
        );
      }
      if (mark[a] === 1) throw new RangeError(`${fn}: available lists arm ${a} twice`);
      mark[a] = 1;
    }
  } finally {
    for (let i = 0; i < seen; i++) mark[available[i]!] = 0;
  }
  return available;
}

/** Checks a list of arm means: non-empty, finite, within [lo, hi]. */
export function assertFiniteMeans(
  fn: string,
  means: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
  if (
    means === null ||
    typeof means !== 'object' ||
    typeof means.length !== 'number' ||
    means.length === 0
  ) {
    throw new RangeError(`${fn}: means must be a non-empty array of numbers`);
  }
  for (let i = 0; i < means.length; i++) {
    const m = means[i];
    if (typeof m !== 'number' || !Number.isFinite(m) || m < lo || m > hi) {
      throw new RangeError(`${fn}: means[${i}] must be in [${lo}, ${hi}], got ${m}`);
    }
  }
}

/**
 * Validates a ranked list of items: 1 to `maxLength` distinct integers in [0, items - 1].
 * @throws TypeError if not an array of that length; RangeError on a bad or repeated item
 */
export function assertItemList(
  fn: string,
  list: unknown,
  items: number,
  maxLength: number,
): asserts list is ArrayLike<number> {
  const l = list as ArrayLike<unknown>;
  if (
    l === null ||
    typeof l !== 'object' ||
    typeof l.length !== 'number' ||
    l.length < 1 ||
    l.length > maxLength
  )
    throw new TypeError(
      `${fn}: list must be an array of 1 to ${maxLength} items, got ${formatValue(list)}`,
    );
  for (let k = 0; k < l.length; k++) {
    const e = l[k];
    if (typeof e !== 'number' || !Number.isInteger(e) || e < 0 || e >= items)
      throw new RangeError(
        `${fn}: list[${k}] must be an item in [0, ${items - 1}], got ${formatValue(e)}`,
      );
    for (let j = 0; j < k; j++)
      if (l[j] === e) throw new RangeError(`${fn}: list holds item ${e} twice`);
  }
}

/**
 * Checks what a simulator is given: the environment (an object with a numeric `size`, e.g.
 * `arms`) and the factory that makes a learner for it. @internal
 */
export function assertSimulation(
  fn: string,
  env: unknown,
  size: string,
  factoryName: string,
  factory: unknown,
): void {
  if (
    env === null ||
    typeof env !== 'object' ||
    typeof (env as Record<string, unknown>)[size] !== 'number'
  )
    throw new TypeError(`${fn}: env must be an environment with ${size}, got ${formatValue(env)}`);
  assertFunction(fn, factoryName, factory);
}
