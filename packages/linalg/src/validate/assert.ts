import type { Rng } from '../random/Rng.ts';

/**
 * Argument checks shared by every `@x` package. Each throws with a message that starts with the
 * calling function's name, names the argument and shows the offending value, e.g.
 * `valueIteration: gamma must be in [0, 1), got 1.2`.
 *
 * They return nothing on success so they cost one comparison on the hot path.
 */

/**
 * The largest array the packages allocate on a caller's behalf: $2^{27}$ elements (1 GiB of
 * Float64). A size argument above it is rejected before anything is allocated.
 */
export const MAX_ARRAY_LENGTH = 2 ** 27;

/** Formats a value for an error message (short, and exact for numbers). */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    return `array of length ${arr.length}`;
  }
  return typeof value;
}

/**
 * Asserts that `value` is a finite number.
 * @throws TypeError if `value` is not a number; RangeError if it is NaN or infinite.
 */
export function assertFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be a number, got ${formatValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be finite, got ${formatValue(value)}`);
  }
}

/**
 * Asserts that `value` is a finite number with `lo <= value <= hi` (or strict, per side).
 * @throws RangeError when outside the interval.
 */
export function assertInRange(
  fn: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
  { loOpen = false, hiOpen = false }: { loOpen?: boolean; hiOpen?: boolean } = {},
): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be a number, got ${formatValue(value)}`);
  }
  const okLo = loOpen ? value > lo : value >= lo;
  const okHi = hiOpen ? value < hi : value <= hi;
  if (!(okLo && okHi)) {
    const interval = `${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'}`;
    throw new RangeError(`${fn}: ${name} must be in ${interval}, got ${formatValue(value)}`);
  }
}

/**
 * Asserts that `value` is a finite number > 0.
 * @throws RangeError otherwise.
 */
export function assertPositive(fn: string, name: string, value: unknown): asserts value is number {
  assertFinite(fn, name, value);
  if (!(value > 0)) throw new RangeError(`${fn}: ${name} must be > 0, got ${formatValue(value)}`);
}

/**
 * Asserts that `value` is a boolean (not a truthy stand-in such as 1 or 'true').
 * @throws TypeError otherwise.
 */
export function assertBoolean(fn: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new TypeError(`${fn}: ${name} must be a boolean, got ${formatValue(value)}`);
}

/**
 * Asserts that `value` is a finite number >= 0.
 * @throws TypeError if not a number; RangeError otherwise.
 */
export function assertNonNegative(
  fn: string,
  name: string,
  value: unknown,
): asserts value is number {
  assertFinite(fn, name, value);
  if (value < 0) throw new RangeError(`${fn}: ${name} must be >= 0, got ${formatValue(value)}`);
}

/**
 * Asserts that `value` is an integer with `value >= min` (default 0).
 * @throws TypeError if not a number; RangeError if not an integer or below `min`.
 */
export function assertInteger(
  fn: string,
  name: string,
  value: unknown,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an integer, got ${formatValue(value)}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const bound = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${fn}: ${name} must be an integer ${bound}, got ${formatValue(value)}`);
  }
}

/** Bounds on the entries of a vector, for {@link assertFiniteVector}. */
export interface VectorRange {
  /** The least entry allowed. */
  readonly min?: number;
  /** The largest entry allowed. */
  readonly max?: number;
  /** Whether `min` itself is excluded (entries must be > min). @default false */
  readonly minOpen?: boolean;
}

/**
 * Asserts that `value` is array-like with every element finite, and (optionally) of a given
 * length and with every entry within `range`.
 * @throws TypeError if not array-like or of the wrong length; RangeError naming the first
 * non-finite or out-of-range element.
 */
export function assertFiniteVector(
  fn: string,
  name: string,
  value: unknown,
  length?: number,
  range?: VectorRange,
): asserts value is ArrayLike<number> {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as ArrayLike<number>).length !== 'number'
  ) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${formatValue(value)}`);
  }
  const v = value as ArrayLike<unknown>;
  if (length !== undefined && v.length !== length) {
    throw new TypeError(`${fn}: ${name} must have length ${length}, got length ${v.length}`);
  }
  const {
    min = Number.NEGATIVE_INFINITY,
    max = Number.POSITIVE_INFINITY,
    minOpen = false,
  } = range ?? {};
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number, got ${formatValue(x)}`);
    }
    if (x < min || x > max || (minOpen && x === min)) {
      const lower = `${minOpen ? '>' : '>='} ${min}`;
      const bound =
        max === Number.POSITIVE_INFINITY
          ? lower
          : min === Number.NEGATIVE_INFINITY
            ? `<= ${max}`
            : `in ${minOpen ? '(' : '['}${min}, ${max}]`;
      throw new RangeError(`${fn}: ${name}[${i}] must be ${bound}, got ${formatValue(x)}`);
    }
  }
}

/**
 * Asserts that `value` is a probability vector: entries in [0, 1] summing to 1 within
 * `tolerance` (default `1e-9 * max(1, n)`, a few ulps per term of the sum).
 * @throws TypeError if not an array; RangeError naming the bad entry or the sum.
 */
export function assertProbabilityVector(
  fn: string,
  name: string,
  value: unknown,
  length?: number,
  tolerance?: number,
): asserts value is ArrayLike<number> {
  assertFiniteVector(fn, name, value, length, { min: 0, max: 1 });
  const v = value;
  if (v.length === 0) throw new RangeError(`${fn}: ${name} must not be empty`);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]!;
  const tol = tolerance ?? 1e-9 * Math.max(1, v.length);
  if (Math.abs(sum - 1) > tol) {
    throw new RangeError(`${fn}: ${name} must sum to 1, got sum ${sum}`);
  }
}

/**
 * Asserts that `value` holds non-negative finite weights with a positive sum.
 * @throws TypeError if not an array; RangeError naming the bad entry or a zero sum.
 */
export function assertWeights(
  fn: string,
  name: string,
  value: unknown,
): asserts value is ArrayLike<number> {
  assertFiniteVector(fn, name, value, undefined, { min: 0 });
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += value[i]!;
  if (!(sum > 0)) throw new RangeError(`${fn}: ${name} must have a positive sum, got ${sum}`);
}

/**
 * Asserts that `value` is a number and not NaN; infinities pass (for functions with meaningful
 * limits there, such as the sigmoid).
 * @throws TypeError if not a number; RangeError if NaN
 */
export function assertNotNaN(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn}: ${name} must be a number, got ${formatValue(value)}`);
  }
  if (Number.isNaN(value)) throw new RangeError(`${fn}: ${name} must not be NaN`);
}

/**
 * Asserts that `value` is an `Rng` (an object with `nextFloat64` and `nextInt32`
 * methods): every stochastic function checks its generator first, so a missing or wrong `rng`
 * fails with the caller's name instead of deep inside a sampler.
 * @throws TypeError otherwise
 */
export function assertRng(fn: string, value: unknown): asserts value is Rng {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as Rng).nextFloat64 !== 'function' ||
    typeof (value as Rng).nextInt32 !== 'function'
  ) {
    throw new TypeError(`${fn}: rng must be an Rng (from createRng), got ${formatValue(value)}`);
  }
}

/**
 * Asserts that `value` is array-like (an array or a typed array, or an object with a numeric
 * length), in O(1): for kernels that check entries only when a result is not finite.
 * @throws TypeError otherwise
 */
export function assertArrayLike(
  fn: string,
  name: string,
  value: unknown,
): asserts value is ArrayLike<unknown> {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as ArrayLike<unknown>).length !== 'number'
  ) {
    throw new TypeError(`${fn}: ${name} must be an array, got ${formatValue(value)}`);
  }
}

/**
 * Asserts that `value` is a function (a callback argument).
 * @throws TypeError otherwise
 */
export function assertFunction(
  fn: string,
  name: string,
  value: unknown,
): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') {
    throw new TypeError(`${fn}: ${name} must be a function, got ${formatValue(value)}`);
  }
}

/**
 * Checks an options argument and returns it: `undefined` reads as `{}`; anything but a plain
 * object (null, a number, an array) is a TypeError naming the caller, instead of the bare error
 * a destructuring default would throw.
 * @throws TypeError if options is neither undefined nor an object
 */
export function readOptions<T extends object>(fn: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${formatValue(options)}`);
  }
  return options;
}

/**
 * Checks a required object argument (a problem, a data set, a feedback record) and returns it:
 * anything but a non-null, non-array object is a TypeError naming the caller and the argument,
 * instead of the bare error a destructuring would throw.
 * @throws TypeError if value is not an object
 */
export function readObject<T extends object>(fn: string, name: string, value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${fn}: ${name} must be an object, got ${formatValue(value)}`);
  }
  return value;
}

/**
 * Asserts that `value` was built by the class `type` (and so validated by its constructor).
 * @throws TypeError otherwise
 */
export function assertInstance<T>(
  fn: string,
  name: string,
  value: unknown,
  type: abstract new (...args: never[]) => T,
): asserts value is T {
  if (!(value instanceof type)) {
    const article = /^[AEIOU]/.test(type.name) ? 'an' : 'a';
    throw new TypeError(
      `${fn}: ${name} must be ${article} ${type.name}, got ${formatValue(value)}`,
    );
  }
}

/**
 * Runs `body`, re-throwing a TypeError or RangeError from a delegate with the caller's name in
 * front (`policyFromJSON: Ucb1.fromJSON: ...`), so every message starts with the function the
 * user called.
 */
export function asCaller<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof RangeError && !error.message.startsWith(fn))
      throw new RangeError(`${fn}: ${error.message}`, { cause: error });
    if (error instanceof TypeError && !error.message.startsWith(fn))
      throw new TypeError(`${fn}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** The most runs a simulator takes: one split of the generator per run, and a generator splits 2^16 times. */
export const MAX_RUNS = 2 ** 16;

/** The most rounds, steps or episodes a simulator plays per run: counts are Int32. */
export const MAX_ROUNDS = 2 ** 31 - 1;

/**
 * Checks what a factory argument made: an object with the named methods, so a wrong factory
 * fails with the simulator's name instead of deep inside its loop.
 * @throws TypeError otherwise
 */
export function assertMade<T>(
  fn: string,
  factory: string,
  value: T,
  methods: readonly string[],
): T {
  const ok =
    value !== null &&
    typeof value === 'object' &&
    methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
  if (!ok)
    throw new TypeError(
      `${fn}: ${factory} must return an object with ${methods.join(', ')}, got ${formatValue(value)}`,
    );
  return value;
}

/**
 * Asserts that `value` is one of the listed strings (an option such as `'bernoulli' | 'gaussian'`).
 * @throws RangeError otherwise, listing the allowed values
 */
export function assertOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  values: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw new RangeError(
      `${fn}: ${name} must be ${values.map((v) => `'${v}'`).join(' or ')}, got ${formatValue(value)}`,
    );
}
