import { assertFinite, assertInteger, formatValue, MAX_ROUNDS, MAX_RUNS } from '@x/linalg/validate';

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
 * Checks the envelope of a serialised state (an object of the expected type and version 1).
 * @throws TypeError naming the function and what was found
 */
export function assertStateEnvelope(fn: string, state: unknown, type: string): void {
  const s = state as { type?: unknown; version?: unknown } | null;
  if (s === null || typeof s !== 'object' || s.type !== type || s.version !== 1) {
    throw new TypeError(
      `${fn}: state must be a ${type} state of version 1, got ${formatValue(state)}`,
    );
  }
}

/**
 * The checkpoint rounds of a simulation: the given ones (validated: increasing, within [1, T])
 * or about 60 log-spaced rounds from 1 to T.
 * @throws RangeError on an invalid list
 */
export function resolveCheckpoints(
  fn: string,
  horizon: number,
  checkpoints: ArrayLike<number> | undefined,
  defaults: () => Int32Array,
): Int32Array {
  if (checkpoints !== undefined) {
    if (
      checkpoints === null ||
      typeof checkpoints !== 'object' ||
      typeof checkpoints.length !== 'number'
    )
      throw new TypeError(
        `${fn}: checkpoints must be an array of rounds, got ${formatValue(checkpoints)}`,
      );
    if (checkpoints.length === 0) throw new RangeError(`${fn}: checkpoints must not be empty`);
    for (let i = 0; i < checkpoints.length; i++)
      assertInteger(fn, `checkpoints[${i}]`, checkpoints[i], 1, horizon);
  }
  const rounds = checkpoints === undefined ? defaults() : Int32Array.from(checkpoints);
  for (let i = 0; i < rounds.length; i++) {
    const r = rounds[i]!;
    if (!(r >= 1 && r <= horizon) || (i > 0 && r <= rounds[i - 1]!)) {
      throw new RangeError(
        `${fn}: checkpoints must increase within [1, ${horizon}], got ${r} at index ${i}`,
      );
    }
  }
  return rounds;
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
 * Reads a simulator's options: an object with an integer `horizon` in [1, 2^31 - 1] (rounds are
 * Int32) and `runs` in [1, 2^16] (default 1).
 * @throws TypeError if options is not an object; RangeError on a bad horizon or run count
 */
export function readRunOptions<T extends { readonly horizon: number; readonly runs?: number }>(
  fn: string,
  options: T,
): T & { readonly runs: number } {
  if (options === null || typeof options !== 'object')
    throw new TypeError(
      `${fn}: options { horizon, runs } are required, got ${formatValue(options)}`,
    );
  assertInteger(fn, 'horizon', options.horizon, 1, MAX_ROUNDS);
  const runs = options.runs ?? 1;
  assertInteger(fn, 'runs', runs, 1, MAX_RUNS);
  return { ...options, runs };
}
