import { describe, expect, it } from 'vitest';
import { readLearnerState } from './readLearnerState.ts';
import { restoreByType } from './restoreByType.ts';

const state = () => ({
  type: 'Ucb1',
  version: 1,
  params: { arms: 3, c: 2, family: 'gaussian', exact: true, sigma: null },
  stats: { counts: [1, 2, 0] },
});

describe('readLearnerState', () => {
  it('reads typed, bounded fields of a stored state', () => {
    const { params, stats } = readLearnerState('Ucb1.fromJSON', state(), 'Ucb1');
    expect(params.number('arms', { min: 1, integer: true })).toBe(3);
    expect(params.oneOf('family', ['bernoulli', 'gaussian'])).toBe('gaussian');
    expect(params.boolean('exact')).toBe(true);
    expect(params.optionalNumber('sigma')).toBeUndefined();
    expect(Array.from(stats.numbers('counts', 3, { min: 0, integer: true }))).toEqual([1, 2, 0]);
  });

  it('treats the state as untrusted: own keys only, missing fields and bad values are errors', () => {
    const read = (s: unknown) => readLearnerState('Ucb1.fromJSON', s, 'Ucb1');
    expect(() => read(null)).toThrow(/^Ucb1.fromJSON: state must be an object, got null/);
    expect(() => read({ ...state(), type: 'KlUcb' })).toThrow(
      /state.type must be 'Ucb1', got "KlUcb"/,
    );
    expect(() => read({ ...state(), version: 2 })).toThrow(/state.version must be 1, got 2/);
    expect(() => read({ ...state(), stats: [] })).toThrow(/state.stats must be an object/);
    const inherited = Object.create({ type: 'Ucb1', version: 1, params: {}, stats: {} });
    expect(() => read(inherited)).toThrow(/state.type must be 'Ucb1', got undefined/);
    const { params, stats } = read(state());
    expect(() => params.number('missing')).toThrow(
      /^Ucb1.fromJSON: state.params.missing is missing/,
    );
    expect(() => params.number('toString')).toThrow(/state.params.toString is missing/);
    expect(() => params.number('family')).toThrow(
      /state.params.family must be a number, got "gaussian"/,
    );
    expect(() => params.number('c', { max: 1 })).toThrow(RangeError);
    expect(() => params.oneOf('family', ['bernoulli'])).toThrow(/must be one of 'bernoulli'/);
    expect(() => stats.numbers('counts', 4)).toThrow(/must be an array of 4 numbers/);
    expect(() => stats.numbers('counts', 3, { min: 1 })).toThrow(
      /state.stats.counts\[2\] must be a number in \[1, Infinity\], got 0/,
    );
  });
});

describe('restoreByType', () => {
  const readers: Record<string, { fromJSON(s: unknown): unknown }> = {
    A: { fromJSON: (s: unknown) => ({ read: s }) },
    B: { fromJSON: () => 'b' },
  };
  it("hands the state to its type's reader", () => {
    const state = { type: 'A', version: 1 };
    expect(restoreByType('load', state, readers)).toEqual({ read: state });
  });
  it('rejects a missing, inherited or unknown type, naming the known ones', () => {
    for (const state of [null, 3, {}, Object.create({ type: 'A' }), { type: 'C' }, { type: 7 }])
      expect(() => restoreByType('load', state, readers)).toThrow(
        /^load: unknown learner type .*; known: A, B$/,
      );
  });
  it("prefixes the reader's errors with the caller", () => {
    const failing = {
      A: {
        fromJSON: () => {
          throw new RangeError('A.fromJSON: stats.x is missing');
        },
      },
    };
    expect(() => restoreByType('load', { type: 'A' }, failing)).toThrow(/^load: /);
  });
});
