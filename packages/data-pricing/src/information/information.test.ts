import { describe, expect, it } from 'vitest';
import { dataProductValues } from '../pricing/dataProductValues.ts';
import { informationGain } from './informationGain.ts';
import { valueOfInformation } from './valueOfInformation.ts';

describe('valueOfInformation', () => {
  it('values perfect information at the expected gain of knowing the state', () => {
    // Umbrella: states rain / dry, actions take / leave.
    const problem = {
      prior: [0.3, 0.7],
      utility: [
        [1, -2],
        [0.5, 1],
      ],
    };
    const r = valueOfInformation(problem, [
      [1, 0],
      [0, 1],
    ]);
    expect(r.uninformed).toBeCloseTo(Math.max(0.3 + 0.35, -0.6 + 0.7), 15);
    expect(r.informed).toBeCloseTo(0.3 * 1 + 0.7 * 1, 15);
    expect(Array.from(r.decisions)).toEqual([0, 1]);
    expect(() => valueOfInformation(problem, [[1, 0]])).toThrow(/one row per state/);
    expect(() => valueOfInformation({ ...problem, prior: [0.5, 0.6] }, [[1], [1]])).toThrow(
      /prior/,
    );
  });
});

describe('informationGain', () => {
  it('does not depend on the labels and is zero for a request that adds nothing', () => {
    expect(
      informationGain(
        [
          [1, 0],
          [0, 1],
        ],
        [[0, 0]],
        1,
      ),
    ).toBe(0);
    expect(
      informationGain(
        [
          [1, 0],
          [0, 1],
        ],
        [[1, 0]],
        1,
      ),
    ).toBeCloseTo(0.5 * Math.log(2), 15);
    expect(() =>
      informationGain(
        [
          [1, 0],
          [0, 1],
        ],
        [[1, 0, 0]],
        1,
      ),
    ).toThrow(/2 columns/);
    expect(() =>
      informationGain(
        [
          [1, 0],
          [0, 1],
        ],
        [[1, 0]],
        0,
      ),
    ).toThrow(/noiseStd/);
  });
});

describe('information gain needs a positive-definite prior', () => {
  it('rejects an indefinite or asymmetric prior covariance, naming the function and the argument', () => {
    const indefinite = [
      [1, 2],
      [2, 1],
    ];
    expect(() => informationGain(indefinite, [[1, 0]], 1)).toThrow(
      /informationGain: priorCovariance must be positive-definite/,
    );
    expect(() =>
      informationGain(
        [
          [1, 0.5],
          [0, 1],
        ],
        [[1, 0]],
        1,
      ),
    ).toThrow(/informationGain: priorCovariance must be symmetric/);
    expect(() => dataProductValues([indefinite], [[[1, 0]]], 1)).toThrow(
      /dataProductValues: priors\[0\] must be positive-definite/,
    );
    expect(() => dataProductValues([[[1]]], [[[1, 0]]], 1)).toThrow(
      /dataProductValues: products\[0\] must have 1 columns, got 2/,
    );
  });
});
