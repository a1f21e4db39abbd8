/**
 * The export contract every public function and class of the `@x` packages keeps, checked by
 * throwing bad values at each argument of a known-good call:
 *
 * - a rejected call throws a `TypeError` or `RangeError` whose message starts with the called
 *   function's or class's name (never a bare error from deep inside, never another name);
 * - an accepted call returns no NaN anywhere in its result;
 * - on a stateful object (one with `toJSON`), a rejected call leaves `toJSON()` as it was, and
 *   after an accepted call the state round-trips through JSON and the restorer.
 *
 * Each package's `exports.contract.test.ts` lists a good call for every function export and a
 * good construction (and good method calls) for every class export; a new export without an
 * entry fails that suite, so coverage follows the index by construction.
 */

/** A known-good call of a function export. */
export interface FunctionCase {
  /** Fresh valid arguments (a new array each call: arguments may be mutated). */
  readonly args: () => unknown[];
  /** Argument positions not to fuzz (e.g. a value of type unknown by design). */
  readonly keep?: readonly number[];
  /**
   * A kernel documented to trust its input (`*Unchecked`, the `assert*` helpers themselves):
   * only the good call is checked.
   */
  readonly trusted?: true;
}

/** A known-good construction of a class export, with good calls of its methods. */
export interface ClassCase<T = object> {
  readonly args: () => unknown[];
  /** A class of another library re-exported as it is: only the good construction is checked. */
  readonly trusted?: true;
  readonly keep?: readonly number[];
  /** Good arguments per method name, given a freshly constructed instance. */
  readonly methods?: Readonly<Record<string, (instance: T) => unknown[]>>;
  /** Restores a state written by `toJSON()`; required for classes with `toJSON`. */
  readonly restore?: (state: unknown) => { toJSON(): unknown };
  /** Prepares a fresh instance before a method is fuzzed (e.g. some updates). */
  readonly prepare?: (instance: T) => void;
}

export type ExportCases = Readonly<Record<string, FunctionCase | ClassCase>>;

/** The bad values thrown at every argument. */
export const BAD_VALUES: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0.5,
  2 ** 31,
  1e308,
  '0.5',
  true,
  {},
  [],
  () => Number.NaN,
];

/** Bad entries put in the first slot of numeric arrays and matrices. */
const BAD_ENTRIES: readonly unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, '0.5', null];

const describeValue = (v: unknown): string => {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.length === 0 ? '' : '...'}]`;
  if (v !== null && typeof v === 'object') return '{}';
  return String(v);
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

const isNumericArray = (v: unknown): v is { length: number; [i: number]: unknown } =>
  (Array.isArray(v) || v instanceof Float64Array) &&
  v.length > 0 &&
  (typeof v[0] === 'number' || (Array.isArray(v[0]) && typeof v[0][0] === 'number'));

/** Whether a result holds a NaN (numbers, arrays, typed arrays, plain objects, to depth 4). */
export function hasNaN(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (depth > 4 || value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) return true;
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => hasNaN(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).some((v) => hasNaN(v, depth + 1));
  return false;
}

/** Every variant of a good argument list with one bad value in it, with a label. */
function* variants(
  good: () => unknown[],
  keep: readonly number[] = [],
): Generator<[string, unknown[]]> {
  const n = good().length;
  for (let i = 0; i < n; i++) {
    if (keep.includes(i)) continue;
    for (const bad of BAD_VALUES) {
      const args = good();
      args[i] = bad;
      yield [`argument ${i} = ${describeValue(bad)}`, args];
    }
    const sample = good()[i];
    if (isPlainObject(sample)) {
      for (const key of Object.keys(sample)) {
        for (const bad of BAD_VALUES) {
          const args = good();
          args[i] = { ...(args[i] as object), [key]: bad };
          yield [`argument ${i}.${key} = ${describeValue(bad)}`, args];
        }
      }
    }
    if (isNumericArray(sample)) {
      for (const bad of BAD_ENTRIES) {
        const args = good();
        const arr = args[i] as unknown[];
        if (Array.isArray(arr[0])) {
          const copy = arr.map((row) => (Array.isArray(row) ? [...row] : row)) as unknown[][];
          copy[0]![0] = bad;
          args[i] = copy;
          yield [`argument ${i}[0][0] = ${describeValue(bad)}`, args];
        } else if (Array.isArray(arr)) {
          const copy = [...arr];
          copy[0] = bad;
          args[i] = copy;
          yield [`argument ${i}[0] = ${describeValue(bad)}`, args];
        }
      }
    }
  }
}

/**
 * Keeps the first violation per argument position (and field or entry), so one missing check
 * reads as one line, not one per bad value.
 */
function firstPerArgument(violations: string[]): string[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = v.replace(/ = .*$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks one outcome; returns a violation message or undefined. */
async function judge(
  prefix: string,
  label: string,
  run: () => unknown,
): Promise<string | undefined> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    const ok =
      (error instanceof TypeError || error instanceof RangeError) &&
      error.message.startsWith(prefix);
    if (ok) return undefined;
    const kind = error instanceof Error ? error.constructor.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    return `${label}: threw ${kind} "${message.slice(0, 140)}"`;
  }
  if (hasNaN(result)) return `${label}: returned NaN`;
  return undefined;
}

const stateOf = (o: unknown): string | undefined =>
  o !== null && typeof o === 'object' && typeof (o as { toJSON?: unknown }).toJSON === 'function'
    ? JSON.stringify((o as { toJSON(): unknown }).toJSON())
    : undefined;

/** The violations of the export contract by one function export. */
export async function functionViolations(
  name: string,
  fn: (...args: unknown[]) => unknown,
  c: FunctionCase,
): Promise<string[]> {
  const out: string[] = [];
  const sane = await judge(name, 'the good call', () => fn(...c.args()));
  if (sane !== undefined) return [`${name}: ${sane}`];
  if (c.trusted) return out;
  for (const [label, args] of variants(c.args, c.keep)) {
    const v = await judge(name, label, () => fn(...args));
    if (v !== undefined) out.push(`${name}: ${v}`);
  }
  return firstPerArgument(out);
}

/** The violations of the export contract by one class export and its listed methods. */
export async function classViolations(
  name: string,
  cls: new (...args: unknown[]) => object,
  c: ClassCase,
): Promise<string[]> {
  const out: string[] = [];
  const fresh = () => {
    const o = new cls(...c.args());
    c.prepare?.(o);
    return o;
  };
  const sane = await judge(name, 'the good construction', fresh);
  if (sane !== undefined) return [`${name}: ${sane}`];
  if (c.trusted) return out;
  for (const [label, args] of variants(c.args, c.keep)) {
    const v = await judge(name, `new ${name}(${label})`, () => new cls(...args));
    if (v !== undefined) out.push(`${name}: ${v}`);
  }
  for (const [method, good] of Object.entries(c.methods ?? {})) {
    const called = `${name}.${method}`;
    const goodArgs = () => good(fresh() as never);
    const obj = fresh();
    const m = (obj as Record<string, unknown>)[method];
    if (typeof m !== 'function') {
      out.push(`${called}: not a method`);
      continue;
    }
    const saneCall = await judge(name, 'the good call', () => m.apply(obj, good(obj as never)));
    if (saneCall !== undefined) {
      out.push(`${called}: ${saneCall}`);
      continue;
    }
    for (const [label, args] of variants(goodArgs, [])) {
      const target = fresh();
      const before = stateOf(target);
      const fnRef = (target as Record<string, (...a: unknown[]) => unknown>)[method]!;
      let threw = false;
      const v = await judge(name, `${method}(${label})`, () => {
        try {
          return fnRef.apply(target, args);
        } catch (e) {
          threw = true;
          throw e;
        }
      });
      if (v !== undefined) {
        out.push(`${called}: ${v}`);
        continue;
      }
      if (before === undefined) continue;
      const after = stateOf(target);
      if (threw) {
        if (after !== before) out.push(`${called}: ${label}: rejected, but the state changed`);
        continue;
      }
      if (c.restore === undefined) {
        out.push(`${name}: has toJSON but the case gives no restore`);
        break;
      }
      try {
        const back = c.restore(JSON.parse(after!));
        if (JSON.stringify(back.toJSON()) !== after)
          out.push(`${called}: ${label}: accepted, but the restored state differs`);
      } catch (e) {
        out.push(
          `${called}: ${label}: accepted, but the state no longer restores: ${(e as Error).message.slice(0, 140)}`,
        );
      }
    }
  }
  return firstPerArgument(out);
}

/** Export names with no case, and cases with no export. */
export function coverageGaps(module: Record<string, unknown>, cases: ExportCases): string[] {
  const exported = Object.entries(module)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);
  const missing = exported.filter((k) => !Object.hasOwn(cases, k)).map((k) => `no case for ${k}`);
  const stale = Object.keys(cases)
    .filter((k) => !exported.includes(k))
    .map((k) => `case for ${k}, which is not exported`);
  return [...missing, ...stale];
}

/** Set `CONTRACT_ONLY=name` to check one export (for debugging a violation). */
const only = typeof process === 'undefined' ? undefined : process.env['CONTRACT_ONLY'];

/** All violations of a module's exports. */
export async function moduleViolations(
  module: Record<string, unknown>,
  cases: ExportCases,
): Promise<string[]> {
  const out = coverageGaps(module, cases);
  for (const [name, c] of Object.entries(cases)) {
    if (only !== undefined && name !== only) continue;
    const value = module[name];
    if (typeof value !== 'function') continue;
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    if (isClass)
      out.push(
        ...(await classViolations(name, value as new (...a: unknown[]) => object, c as ClassCase)),
      );
    else out.push(...(await functionViolations(name, value as (...a: unknown[]) => unknown, c)));
  }
  return out;
}
