import type { MatrixLike } from '@x/linalg';
import { assertProbabilityVector, toMatrix } from '@x/linalg/validate';

/**
 * The garbling $EG$ of an experiment: the signal m is passed through a further noisy channel
 * $G(m' \mid m)$. Every garbling is (weakly) less informative for every decision problem.
 *
 * @param experiment - S x M row-stochastic
 * @param garbling - M x M' row-stochastic
 * @returns the S x M' experiment, as rows
 * @throws TypeError on mismatched sizes; RangeError on a row that is not a distribution
 *
 * @example
 * const test = [[0.9, 0.1], [0.2, 0.8]]; // P(signal | state)
 * const noisyChannel = [[0.9, 0.1], [0.1, 0.9]]; // each signal is flipped with probability 0.1
 * garble(test, noisyChannel); // [[0.82, 0.18], [0.26, 0.74]]: less informative, never more
 *
 * References: Blackwell, "Equivalent Comparisons of Experiments", Ann. Math. Statist. 1953.
 */
export function garble(experiment: MatrixLike, garbling: MatrixLike): Float64Array[] {
  const fn = 'garble';
  const e = toMatrix(fn, 'experiment', experiment);
  const g = toMatrix(fn, 'garbling', garbling);
  if (g.rows !== e.columns)
    throw new TypeError(`${fn}: garbling must have ${e.columns} rows, got ${g.rows}`);
  for (let s = 0; s < e.rows; s++) assertProbabilityVector(fn, `experiment row ${s}`, e.getRow(s));
  for (let m = 0; m < g.rows; m++) assertProbabilityVector(fn, `garbling row ${m}`, g.getRow(m));
  // Rows of a product of stochastic matrices sum to one up to rounding; clean the last ulps so
  // the result passes the same checks as any experiment.
  return e
    .mmul(g)
    .to2DArray()
    .map((row) => {
      const clean = Float64Array.from(row, (v) => Math.min(1, Math.max(0, v)));
      const total = clean.reduce((a, b) => a + b, 0);
      return clean.map((v) => Math.min(1, v / total));
    });
}
