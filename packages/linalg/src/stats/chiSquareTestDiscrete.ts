import {
  assertFiniteVector,
  assertFunction,
  assertPositive,
  readOptions,
} from '../validate/assert.ts';
import { chiSquareTest, type GoodnessOfFit } from './chiSquareTest.ts';

/** Options of {@link chiSquareTestDiscrete}. */
export interface ChiSquareDiscreteOptions {
  /** Adjacent cells are merged until each expects at least this many draws. @default 5 */
  minExpected?: number;
}

/**
 * Chi-square goodness-of-fit of integer draws against a pmf on $\{0, 1, 2, \dots\}$: counts
 * the draws, merges adjacent cells until each expects at least `minExpected` draws (the usual
 * condition for the chi-square approximation), and folds the pmf's tail beyond the largest
 * draw into the last cell, so the cell probabilities sum to one.
 *
 * @param draws - non-negative integers
 * @param pmf - the hypothesised probability mass function
 * @throws RangeError if a draw is not a non-negative integer, the pmf returns a value outside
 * [0, 1], or fewer than two cells remain after merging
 *
 * @example
 * const rng = createRng(1);
 * const draws = Float64Array.from({ length: 1000 }, () => sampleBinomial(rng, 5, 0.5));
 * chiSquareTestDiscrete(draws, (k) => [1, 5, 10, 10, 5, 1][k]! / 32).pValue; // 0.07: no evidence against Binomial(5, 1/2)
 *
 * References: Agresti, Categorical Data Analysis, 3rd ed., Section 1.5.
 */
export function chiSquareTestDiscrete(
  draws: ArrayLike<number>,
  pmf: (k: number) => number,
  options: ChiSquareDiscreteOptions = {},
): GoodnessOfFit {
  const { minExpected = 5 } = readOptions('chiSquareTestDiscrete', options);
  const fn = 'chiSquareTestDiscrete';
  assertFiniteVector(fn, 'draws', draws);
  assertFunction(fn, 'pmf', pmf);
  assertPositive(fn, 'minExpected', minExpected);
  const n = draws.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const k = draws[i]!;
    if (!Number.isInteger(k) || k < 0)
      throw new RangeError(`${fn}: draws[${i}] must be a non-negative integer, got ${k}`);
    if (k > max) max = k;
  }
  const counts = new Float64Array(max + 1);
  for (let i = 0; i < n; i++) counts[draws[i]!] = counts[draws[i]!]! + 1;
  const observed: number[] = [];
  const expected: number[] = [];
  let accO = 0;
  let accE = 0;
  let total = 0;
  for (let k = 0; k <= max; k++) {
    const p = pmf(k);
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: pmf(${k}) must be in [0, 1], got ${p}`);
    accO += counts[k]!;
    accE += p;
    total += p;
    if (accE * n >= minExpected) {
      observed.push(accO);
      expected.push(accE);
      accO = 0;
      accE = 0;
    }
  }
  // The remainder and the tail beyond the largest draw join the last cell.
  const tail = Math.max(0, 1 - total);
  if (observed.length === 0)
    throw new RangeError(`${fn}: too few draws for a cell to expect ${minExpected}`);
  observed[observed.length - 1] = observed[observed.length - 1]! + accO;
  expected[expected.length - 1] = expected[expected.length - 1]! + accE + tail;
  if (observed.length < 2)
    throw new RangeError(`${fn}: need at least two cells after merging, got ${observed.length}`);
  const sum = expected.reduce((a, b) => a + b, 0);
  return chiSquareTest(
    observed,
    expected.map((e) => e / sum),
  );
}
