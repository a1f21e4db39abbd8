import { describe, expect, it } from 'vitest';
import { assertFiniteVector } from './assert.ts';

describe('assertFiniteVector', () => {
  it('accepts finite entries within the range, bounds included unless minOpen', () => {
    expect(() => assertFiniteVector('f', 'x', [0, 0.5, 1], 3, { min: 0, max: 1 })).not.toThrow();
    expect(() => assertFiniteVector('f', 'x', [0, 7], undefined, { min: 0 })).not.toThrow();
    expect(() => assertFiniteVector('f', 'x', [-3, 2], undefined, { max: 2 })).not.toThrow();
  });

  it('names the first entry out of range and the bound', () => {
    expect(() => assertFiniteVector('f', 'x', [0.5, 1.5], 2, { min: 0, max: 1 })).toThrow(
      new RangeError('f: x[1] must be in [0, 1], got 1.5'),
    );
    expect(() => assertFiniteVector('f', 'x', [1, -1], undefined, { min: 0 })).toThrow(
      new RangeError('f: x[1] must be >= 0, got -1'),
    );
    expect(() => assertFiniteVector('f', 'x', [0], undefined, { min: 0, minOpen: true })).toThrow(
      new RangeError('f: x[0] must be > 0, got 0'),
    );
    expect(() =>
      assertFiniteVector('f', 'x', [0.5, 0], undefined, { min: 0, max: 1, minOpen: true }),
    ).toThrow(new RangeError('f: x[1] must be in (0, 1], got 0'));
    expect(() => assertFiniteVector('f', 'x', [3], undefined, { max: 2 })).toThrow(
      new RangeError('f: x[0] must be <= 2, got 3'),
    );
  });

  it('reports a non-finite entry before any bound, and a bad length as a TypeError', () => {
    expect(() => assertFiniteVector('f', 'x', [Number.NaN], undefined, { min: 0 })).toThrow(
      new RangeError('f: x[0] must be a finite number, got NaN'),
    );
    expect(() => assertFiniteVector('f', 'x', [1, 2], 3)).toThrow(TypeError);
  });
});
