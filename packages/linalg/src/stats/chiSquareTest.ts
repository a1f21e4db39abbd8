import gammainc from '@stdlib/math-base-special-gammainc';
import {
  assertFiniteVector,
  assertInteger,
  assertProbabilityVector,
  readOptions,
} from '../validate/assert.ts';

/** Result of a goodness-of-fit test. */
export interface GoodnessOfFit {
  /** The test statistic. */
  readonly statistic: number;
  /** Degrees of freedom (chi-square) or sample size (Kolmogorov-Smirnov). */
  readonly dof: number;
  /** Probability under the null of a statistic at least this large. */
  readonly pValue: number;
}

/** Options of {@link chiSquareTest}. */
export interface ChiSquareOptions {
  /** Parameters estimated from the data, subtracted from the degrees of freedom. @default 0 */
  estimatedParameters?: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against expected probabilities:
 * $X^2 = \sum_i (O_i - n p_i)^2 / (n p_i)$ with $k - 1 - m$ degrees of freedom and
 * p-value $Q(\mathrm{dof}/2, X^2/2)$. Use cells with $n p_i \ge 5$ for the asymptotics to hold.
 *
 * @param observed - non-negative counts
 * @param expected - cell probabilities (summing to 1), each > 0
 * @throws TypeError on a length mismatch; RangeError on bad counts or probabilities, or no
 * degrees of freedom left
 *
 * @example
 * chiSquareTest([18, 22, 20], [1 / 3, 1 / 3, 1 / 3]).pValue; // 0.82: the counts fit
 *
 * References: Agresti, Categorical Data Analysis, 3rd ed., Section 1.5.
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  expected: ArrayLike<number>,
  options: ChiSquareOptions = {},
): GoodnessOfFit {
  const { estimatedParameters = 0 } = readOptions('chiSquareTest', options);
  const fn = 'chiSquareTest';
  assertFiniteVector(fn, 'observed', observed, undefined, { min: 0 });
  assertProbabilityVector(fn, 'expected', expected, observed.length);
  assertInteger(fn, 'estimatedParameters', estimatedParameters, 0);
  const k = observed.length;
  const dof = k - 1 - estimatedParameters;
  if (dof < 1) throw new RangeError(`${fn}: need at least one degree of freedom, got ${dof}`);
  let n = 0;
  assertFiniteVector(fn, 'expected', expected, k, { min: 0, minOpen: true });
  for (let i = 0; i < k; i++) n += observed[i]!;
  if (!(n > 0)) throw new RangeError(`${fn}: observed counts must have a positive total`);
  let stat = 0;
  for (let i = 0; i < k; i++) {
    const e = n * expected[i]!;
    const d = observed[i]! - e;
    stat += (d * d) / e;
  }
  return { statistic: stat, dof, pValue: gammainc(stat / 2, dof / 2, true, true) };
}
