import { log } from '../math/index.ts';
import { type MatrixLike, toMatrix } from '../matrix/toMatrix.ts';

/**
 * Mutual information $I(X; Y) = \sum_{x,y} p(x,y) \log\frac{p(x,y)}{p(x)p(y)}$ in nats of a
 * joint distribution given as a table (rows: values of X, columns: values of Y).
 *
 * @param joint - non-negative entries summing to 1 (within $10^{-9}$ times the number of cells)
 * @returns $I(X;Y) \in [0, \min(H(X), H(Y))]$
 * @throws TypeError if not a rectangular table; RangeError on a negative entry or a bad sum
 *
 * @example
 * mutualInformation([[0.5, 0], [0, 0.5]]); // ln 2: each variable determines the other
 *
 * References: Cover and Thomas, Elements of Information Theory, 2nd ed., Section 2.4.
 */
export function mutualInformation(joint: MatrixLike): number {
  const m = toMatrix('mutualInformation', 'joint', joint);
  const rows = m.rows;
  const cols = m.columns;
  const px = new Float64Array(rows);
  const py = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = m.get(i, j);
      if (v < 0)
        throw new RangeError(`mutualInformation: joint[${i}][${j}] must be >= 0, got ${v}`);
      px[i] = px[i]! + v;
      py[j] = py[j]! + v;
      total += v;
    }
  }
  if (Math.abs(total - 1) > 1e-9 * rows * cols) {
    throw new RangeError(`mutualInformation: joint must sum to 1, got sum ${total}`);
  }
  let mi = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = m.get(i, j);
      if (v > 0) mi += v * log(v / (px[i]! * py[j]!));
    }
  }
  return Math.max(0, mi);
}
