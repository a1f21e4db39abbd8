import { assertInteger, formatValue, MAX_ARRAY_LENGTH, readOptions } from '@x/linalg/validate';
import type { Utility, UtilityLike, UtilityObject } from './Utility.ts';

/** The most characters of index-list keys a cache holds (about 128 MB of strings). */
const KEY_CHAR_BUDGET = 2 ** 26;

/**
 * Wraps a utility with a cache keyed by subset, counts calls, and checks every result: a
 * utility that throws or returns a non-finite number raises an error naming the subset (the
 * original error is its `cause`), so no valuation is ever computed from a bad value. Keys are
 * bit masks for n <= 30 and index lists beyond; the cache stops growing at `maxEntries` subsets
 * or $2^{26}$ characters of index-list keys, whichever comes first (later subsets are still
 * evaluated, just not stored), so long Monte Carlo runs on large data sets do not exhaust memory.
 *
 * @example
 * let calls = 0;
 * const cached = new CachedUtility(3, (s) => {
 *   calls++;
 *   return s.length;
 * });
 * cached.evaluate(Int32Array.of(0, 2));
 * cached.evaluate(Int32Array.of(0, 2)); // answered from the cache: calls === 1
 */
export class CachedUtility {
  readonly size: number;
  readonly #utility: Utility;
  readonly #cache = new Map<string | number, number>();
  readonly #maxEntries: number;
  #keyChars = 0;
  #calls = 0;
  #hits = 0;

  /**
   * @param maxEntries - the most subsets kept (default 1,000,000)
   * @throws RangeError if n or maxEntries is not a positive integer; TypeError if utility is not a function
   */
  constructor(n: number, utility: UtilityLike, options: { maxEntries?: number } = {}) {
    const { maxEntries = 1_000_000 } = readOptions('CachedUtility', options);
    assertInteger('CachedUtility', 'n', n, 1, MAX_ARRAY_LENGTH);
    assertInteger('CachedUtility', 'maxEntries', maxEntries, 0);
    this.size = n;
    this.#utility = toUtility('CachedUtility', utility, 'CachedUtility.evaluate');
    this.#maxEntries = maxEntries;
  }

  /** Calls to the wrapped utility (cache misses). */
  get calls(): number {
    return this.#calls;
  }

  /** Evaluations answered from the cache. */
  get hits(): number {
    return this.#hits;
  }

  /**
   * $U(S)$ for the indices in `subset`, which must be increasing (not copied; not modified).
   * @throws TypeError if subset is not an Int32Array; RangeError on an index outside [0, n - 1],
   * a duplicate or a decrease; Error naming the subset if the utility throws or returns a
   * non-finite value
   */
  evaluate(subset: Int32Array): number {
    const n = this.size;
    if (!(subset instanceof Int32Array))
      throw new TypeError(
        `CachedUtility.evaluate: subset must be an Int32Array, got ${formatValue(subset)}`,
      );
    // Each key must name exactly one subset: indices in range (a mask of n <= 30 bits would wrap
    // index 32 onto index 0) and strictly increasing (no duplicates, one order).
    for (let r = 0; r < subset.length; r++) {
      const i = subset[r]!;
      if (i < 0 || i >= n || (r > 0 && i <= subset[r - 1]!))
        throw new RangeError(
          `CachedUtility.evaluate: subset must list distinct indices in [0, ${n - 1}] in increasing order, got ${i} at position ${r}`,
        );
    }
    let key: string | number;
    if (this.size <= 30) {
      key = 0;
      for (let r = 0; r < subset.length; r++) key |= 1 << subset[r]!;
    } else key = subset.join(',');
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#hits++;
      return cached;
    }
    this.#calls++;
    const value = this.#utility(subset);
    const chars = typeof key === 'string' ? key.length : 0;
    if (this.#cache.size < this.#maxEntries && this.#keyChars + chars <= KEY_CHAR_BUDGET) {
      this.#cache.set(key, value);
      this.#keyChars += chars;
    }
    return value;
  }
}

/** The indices of a subset for an error message (the first 20). */
function showSubset(subset: Int32Array): string {
  const head = Array.from(subset.subarray(0, 20)).join(', ');
  return subset.length > 20 ? `[${head}, ... (${subset.length} points)]` : `[${head}]`;
}

/**
 * A utility (function or object with `evaluate`) as a checked function: its result must be a
 * finite number, and a failure names the function the user called (`caller`, by default `fn`)
 * and the subset. @internal
 */
export function toUtility(fn: string, utility: UtilityLike, caller = fn): Utility {
  if (typeof utility === 'function' && CHECKED.has(utility)) return utility;
  let call: Utility;
  if (typeof utility === 'function') call = utility;
  else if (
    utility !== null &&
    typeof utility === 'object' &&
    typeof (utility as UtilityObject).evaluate === 'function'
  )
    call = (subset) => utility.evaluate(subset);
  else
    throw new TypeError(
      `${fn}: utility must be a function or have an evaluate method, got ${formatValue(utility)}`,
    );
  const checked: Utility = (subset) => {
    let value: unknown;
    try {
      value = call(subset);
    } catch (error) {
      throw new Error(`${caller}: utility failed on subset ${showSubset(subset)}`, {
        cause: error,
      });
    }
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new TypeError(
        `${caller}: utility must return a finite number, got ${formatValue(value)} on subset ${showSubset(subset)}`,
      );
    return value;
  };
  CHECKED.add(checked);
  return checked;
}

/** The utilities {@link toUtility} made: wrapped once, so errors keep the first caller's name. */
const CHECKED = new WeakSet<Utility>();
