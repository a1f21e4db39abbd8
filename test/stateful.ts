/**
 * The state promise of every stateful class of the `@x` packages, as a property: after any
 * sequence of calls, good and bad mixed,
 *
 * - every rejected call threw a `TypeError` or `RangeError` and left `toJSON()` as it was;
 * - the state written by `toJSON()` survives `JSON.stringify` / `JSON.parse` and the class's
 *   restorer, which gives back the same state;
 * - the restored object then makes the same decisions as the original from the same generator
 *   (and rejects the same calls).
 *
 * Each package's `stateful.property.test.ts` lists its classes with generators of calls.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';

/** The generator of the packages (`Rng` of `@x/linalg`), made by a case's `createRng`. */
type Rng = object;

/** An object with a serialisable state. */
export interface Stateful {
  toJSON(): unknown;
}

/** One call on an object, with a label for the counterexample. */
export interface Call<T> {
  readonly label: string;
  readonly run: (target: T, rng: never) => unknown;
}

/** A stateful class: how to make one, restore it, call it and read its decisions. */
export interface StatefulCase<T extends Stateful> {
  readonly name: string;
  /** `createRng` of `@x/linalg` (passed in: this helper sits outside the packages). */
  readonly createRng: (seed: number) => Rng;
  readonly make: () => T;
  readonly restore: (state: unknown) => T;
  /** Calls to apply in sequence: accepted ones and ones that must be rejected. */
  readonly call: fc.Arbitrary<Call<T>>;
  /** One decision (and its feedback, if any) to compare between the object and its copy. */
  readonly decide: (target: T, rng: never) => unknown;
}

/** Builds a call from a label and a function. */
export const call = <T, R = never>(
  label: string,
  run: (target: T, rng: R) => unknown,
): Call<T> => ({
  label,
  run: run as Call<T>['run'],
});

/**
 * Reward-like values: ordinary ones, the ends of [0, 1], tiny, huge and non-finite ones, and
 * strings and nulls as JSON and query strings deliver them.
 */
export const numberLike: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 6 },
  { arbitrary: fc.constantFrom(0, 1, 0.5), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      -1,
      2,
      1e-300,
      1e154,
      -1e154,
      1e300,
      Number.MAX_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '0.5',
      null,
      undefined,
    ),
    weight: 1,
  },
);

/** Checks the state promise on one sequence of calls (see the module comment). */
export function checkStatePromise<T extends Stateful>(
  c: StatefulCase<T>,
  calls: readonly Call<T>[],
  seed: number,
): void {
  const target = c.make();
  const rng = c.createRng(seed) as never;
  for (const { label, run } of calls) {
    const before = JSON.stringify(target.toJSON());
    try {
      run(target, rng);
    } catch (error) {
      if (!(error instanceof TypeError || error instanceof RangeError))
        throw new Error(`${c.name}: ${label} threw ${String(error)}`, { cause: error });
      expect(JSON.stringify(target.toJSON()), `${c.name}: ${label} was rejected`).toBe(before);
    }
  }
  const json = JSON.stringify(target.toJSON());
  const restored = c.restore(JSON.parse(json));
  expect(JSON.stringify(restored.toJSON())).toBe(json);
  const r1 = c.createRng(seed + 1) as never;
  const r2 = c.createRng(seed + 1) as never;
  for (let i = 0; i < 8; i++) expect(outcome(c, restored, r2)).toEqual(outcome(c, target, r1));
  expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(target.toJSON()));
}

/** The property over random call sequences, for a fast-check `test.prop`. */
export const callSequences = <T extends Stateful>(
  c: StatefulCase<T>,
): [fc.Arbitrary<Call<T>[]>, fc.Arbitrary<number>] => [
  fc.array(c.call, { maxLength: 40 }),
  fc.nat({ max: 2 ** 30 }),
];

/** A decision, or the error it threw (the copy must reject exactly what the original rejects). */
function outcome<T extends Stateful>(c: StatefulCase<T>, target: T, rng: never): unknown {
  try {
    return c.decide(target, rng);
  } catch (error) {
    return { threw: String(error) };
  }
}

/** A stored state `{ type, version, params, stats }` as `toJSON()` writes it. */
interface StoredState {
  readonly type: string;
  readonly version: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly stats: Readonly<Record<string, unknown>>;
}

/**
 * The checks every restorer makes of stored state (untrusted input): a foreign type or a later
 * version is rejected, and so is each parameter and statistic when missing or of the wrong type,
 * with the error prefixed `<type>.fromJSON: `.
 */
export function expectCorruptStatesRejected(
  type: string,
  restore: (state: unknown) => unknown,
  good: StoredState,
): void {
  const prefix = new RegExp(`^${type}\\.fromJSON: `);
  expect(() => restore({ ...good, type: 'Other' })).toThrow(TypeError);
  expect(() => restore({ ...good, version: 2 })).toThrow(/version must be 1/);
  expect(() => restore(null)).toThrow(prefix);
  for (const part of ['params', 'stats'] as const)
    for (const key of Object.keys(good[part])) {
      const { [key]: _dropped, ...rest } = good[part];
      expect(() => restore({ ...good, [part]: rest })).toThrow(
        new RegExp(`state.${part}.${key} is missing`),
      );
      expect(() => restore({ ...good, [part]: { ...good[part], [key]: 'x' } })).toThrow(prefix);
    }
}

/** Inherited keys that a restorer must not take for a learner type. */
export const INHERITED_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty'] as const;

/** A package's restore function rejects every inherited key as a learner type. */
export function expectInheritedTypesRejected(learnerFromJSON: (state: unknown) => unknown): void {
  for (const type of INHERITED_KEYS)
    expect(() => learnerFromJSON({ type, version: 1, params: {}, stats: {} })).toThrow(
      /learnerFromJSON: unknown learner type/,
    );
}

/** The state promise as one property per class of a package, with the package's seed and run count. */
export function describeStatePromise<T extends Stateful>(
  cases: readonly StatefulCase<T>[],
  { seed, numRuns }: { readonly seed: number; readonly numRuns: number },
): void {
  for (const c of cases)
    describe(`${c.name}: the state promise`, () => {
      test.prop(callSequences(c), { seed, numRuns })(
        'after any accepted and rejected calls the state round-trips through JSON and decides alike',
        (calls, s) => checkStatePromise(c, calls, s),
      );
    });
}
