import { assertFiniteVector, formatValue } from './assert.ts';
import { LEARNER_STATE_VERSION, type LearnerState } from './LearnerState.ts';

/** Bounds of a number read from a stored state. */
export interface StateNumberOptions {
  /** Smallest allowed value. @default -Infinity */
  readonly min?: number;
  /** Largest allowed value. @default Infinity */
  readonly max?: number;
  /** Whether the value must be an integer. @default false */
  readonly integer?: boolean;
}

/**
 * Typed, validated reads of one section (`params` or `stats`) of a stored {@link LearnerState}.
 * Stored states are untrusted input: every read takes the section's own keys only, a missing
 * field is an error (never a default that would restore another algorithm), and every message
 * starts with the restoring function's name and names the field.
 */
export class StateFields {
  readonly #fn: string;
  readonly #section: string;
  readonly #record: Readonly<Record<string, unknown>>;

  constructor(fn: string, section: string, record: Readonly<Record<string, unknown>>) {
    this.#fn = fn;
    this.#section = section;
    this.#record = record;
  }

  /** Whether the section holds `key` (own keys only). */
  has(key: string): boolean {
    return Object.hasOwn(this.#record, key);
  }

  /** The raw value of a required field. */
  value(key: string): unknown {
    if (!this.has(key)) throw new TypeError(`${this.#fn}: ${this.#name(key)} is missing`);
    return this.#record[key];
  }

  /** A finite number within the bounds. */
  number(
    key: string,
    { min = -Infinity, max = Infinity, integer = false }: StateNumberOptions = {},
  ): number {
    const v = this.value(key);
    if (typeof v !== 'number')
      throw new TypeError(
        `${this.#fn}: ${this.#name(key)} must be a number, got ${formatValue(v)}`,
      );
    if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v)))
      throw new RangeError(
        `${this.#fn}: ${this.#name(key)} must be ${integer ? 'an integer' : 'a finite number'} in [${min}, ${max}], got ${formatValue(v)}`,
      );
    return v;
  }

  /** A number within the bounds, or `undefined` when the field holds null. */
  optionalNumber(key: string, options?: StateNumberOptions): number | undefined {
    return this.value(key) === null ? undefined : this.number(key, options);
  }

  /** A boolean. */
  boolean(key: string): boolean {
    const v = this.value(key);
    if (typeof v !== 'boolean')
      throw new TypeError(
        `${this.#fn}: ${this.#name(key)} must be a boolean, got ${formatValue(v)}`,
      );
    return v;
  }

  /** One of the given strings. */
  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.value(key);
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      throw new RangeError(
        `${this.#fn}: ${this.#name(key)} must be one of ${values.map((x) => `'${x}'`).join(', ')}, got ${formatValue(v)}`,
      );
    return v as T;
  }

  /** An array of `length` numbers within the bounds, as a fresh `Float64Array`. */
  numbers(
    key: string,
    length: number,
    { min = -Infinity, max = Infinity, integer = false }: StateNumberOptions = {},
  ): Float64Array {
    const v = this.value(key);
    if (!Array.isArray(v) || v.length !== length)
      throw new TypeError(
        `${this.#fn}: ${this.#name(key)} must be an array of ${length} numbers, got ${formatValue(v)}`,
      );
    assertFiniteVector(this.#fn, this.#name(key), v);
    const out = Float64Array.from(v as number[]);
    for (let i = 0; i < length; i++) {
      const x = out[i]!;
      if (x < min || x > max || (integer && !Number.isInteger(x)))
        throw new RangeError(
          `${this.#fn}: ${this.#name(key)}[${i}] must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${formatValue(x)}`,
        );
    }
    return out;
  }

  /** A RangeError for an inconsistency between fields (`state.<section>: <what>`), to throw. */
  error(what: string): RangeError {
    return new RangeError(`${this.#fn}: state.${this.#section}: ${what}`);
  }

  #name(key: string): string {
    return `state.${this.#section}.${key}`;
  }
}

/**
 * Checks the envelope of a stored {@link LearnerState} (an object of the expected type and a
 * version this release reads, with `params` and `stats` objects) and returns typed readers of
 * its two sections. Errors start with `fn` (the restoring function).
 * @throws TypeError on a malformed envelope
 *
 * @example
 * const state = { type: 'Counter', version: 1, params: { arms: 3 }, stats: { pulls: [4, 0, 1] } };
 * const { params, stats } = readLearnerState('Counter.fromJSON', state, 'Counter');
 * const arms = params.number('arms', { min: 1, integer: true }); // 3
 * stats.numbers('pulls', arms, { min: 0, integer: true }); // Float64Array [4, 0, 1]
 */
export function readLearnerState(
  fn: string,
  state: unknown,
  type: string,
): { readonly params: StateFields; readonly stats: StateFields } {
  if (state === null || typeof state !== 'object' || Array.isArray(state))
    throw new TypeError(`${fn}: state must be an object, got ${formatValue(state)}`);
  const s = state as Partial<Record<keyof LearnerState, unknown>>;
  const own = (key: keyof LearnerState) => (Object.hasOwn(s, key) ? s[key] : undefined);
  if (own('type') !== type)
    throw new TypeError(`${fn}: state.type must be '${type}', got ${formatValue(own('type'))}`);
  if (own('version') !== LEARNER_STATE_VERSION)
    throw new TypeError(
      `${fn}: state.version must be ${LEARNER_STATE_VERSION}, got ${formatValue(own('version'))}`,
    );
  const section = (key: 'params' | 'stats') => {
    const v = own(key);
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new TypeError(`${fn}: state.${key} must be an object, got ${formatValue(v)}`);
    return new StateFields(fn, key, v as Record<string, unknown>);
  };
  return { params: section('params'), stats: section('stats') };
}
