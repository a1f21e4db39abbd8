import { formatValue } from '@x/linalg/validate';

/** The JSON form of a learner: its type, a format version, its constructor parameters and its statistics. */
export interface LearnerState {
  readonly type: string;
  readonly version: 1;
  readonly params: Readonly<Record<string, unknown>>;
  readonly stats: Readonly<Record<string, unknown>>;
}

/**
 * Checks the envelope of a serialised learner and returns it typed. @internal
 * @throws TypeError if it is not an object of the expected type and version with params and stats
 */
export function readLearnerState(type: string, state: unknown): LearnerState {
  const fn = `${type}.fromJSON`;
  if (state === null || typeof state !== 'object')
    throw new TypeError(`${fn}: state must be an object, got ${formatValue(state)}`);
  const s = state as Partial<LearnerState>;
  if (s.type !== type)
    throw new TypeError(`${fn}: state.type must be '${type}', got ${formatValue(s.type)}`);
  if (s.version !== 1)
    throw new TypeError(`${fn}: state.version must be 1, got ${formatValue(s.version)}`);
  if (s.params === null || typeof s.params !== 'object')
    throw new TypeError(`${fn}: state.params must be an object`);
  if (s.stats === null || typeof s.stats !== 'object')
    throw new TypeError(`${fn}: state.stats must be an object`);
  return s as LearnerState;
}

/**
 * Reads a numeric array of the given length from a state, each entry finite and within [lo, hi]
 * (integers when `integer`). @internal
 * @throws TypeError or RangeError naming the field
 */
export function readNumbers(
  fn: string,
  name: string,
  value: unknown,
  length: number,
  { lo = 0, hi = Number.POSITIVE_INFINITY, integer = false } = {},
): Float64Array {
  if (!Array.isArray(value) || value.length !== length)
    throw new TypeError(`${fn}: ${name} must be an array of ${length} numbers`);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = value[i] as unknown;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < lo ||
      v > hi ||
      (integer && !Number.isInteger(v))
    )
      throw new RangeError(`${fn}: ${name}[${i}] is invalid: ${formatValue(v)}`);
    out[i] = v;
  }
  return out;
}
