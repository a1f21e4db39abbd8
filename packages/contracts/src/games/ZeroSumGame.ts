import type { MatrixLike } from '@x/linalg';
import { assertFiniteVector, assertProbabilityVector, toMatrix } from '@x/linalg/validate';

/**
 * A two-player zero-sum game: the row player picks i, the column player j, and the row player
 * wins $A_{ij} \in [0, 1]$ (the column player loses it). Mixed strategies x and y give the row
 * player $x^\top A y$.
 *
 * @example
 * const pennies = new ZeroSumGame([[1, 0], [0, 1]]); // matching pennies, value 1/2
 * pennies.payoff([0.5, 0.5], [0.5, 0.5]); // 0.5
 *
 * References: von Neumann, "Zur Theorie der Gesellschaftsspiele", Math. Ann. 100, 1928 (the
 * minimax theorem); Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Chapter 9.
 */
export class ZeroSumGame {
  /** The number of row strategies. */
  readonly rows: number;
  /** The number of column strategies. */
  readonly columns: number;
  /** $A_{ij}$, row-major. @internal */
  readonly matrix: Float64Array;

  /** @throws TypeError on a malformed matrix; RangeError on an entry outside [0, 1] */
  constructor(payoff: MatrixLike) {
    const m = toMatrix('ZeroSumGame', 'payoff', payoff);
    this.rows = m.rows;
    this.columns = m.columns;
    this.matrix = Float64Array.from(m.to1DArray());
    assertFiniteVector('ZeroSumGame', 'payoff', this.matrix, undefined, { min: 0, max: 1 });
  }

  /**
   * The row player's expected payoff $x^\top A y$ under mixed strategies.
   * @throws RangeError if a strategy is not a probability vector of the right length
   */
  payoff(row: ArrayLike<number>, column: ArrayLike<number>): number {
    assertProbabilityVector('ZeroSumGame.payoff', 'row', row, this.rows);
    assertProbabilityVector('ZeroSumGame.payoff', 'column', column, this.columns);
    let v = 0;
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.columns; j++)
        v += row[i]! * this.matrix[i * this.columns + j]! * column[j]!;
    return v;
  }

  /**
   * How much the strategies leave on the table: $\max_i (Ay)_i - \min_j (x^\top A)_j \ge 0$, the
   * sum of what each player gains by a best response; 0 exactly at a minimax equilibrium.
   */
  exploitability(row: ArrayLike<number>, column: ArrayLike<number>): number {
    assertFiniteVector('ZeroSumGame.exploitability', 'row', row, this.rows, { min: 0, max: 1 });
    assertFiniteVector('ZeroSumGame.exploitability', 'column', column, this.columns, {
      min: 0,
      max: 1,
    });
    return this.exploitabilityUnchecked(row, column);
  }

  /** {@link ZeroSumGame.exploitability} without checks. @internal */
  exploitabilityUnchecked(row: ArrayLike<number>, column: ArrayLike<number>): number {
    const n = this.rows;
    const m = this.columns;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < m; j++) v += this.matrix[i * m + j]! * column[j]!;
      best = Math.max(best, v);
    }
    let worst = Number.POSITIVE_INFINITY;
    for (let j = 0; j < m; j++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += row[i]! * this.matrix[i * m + j]!;
      worst = Math.min(worst, v);
    }
    return Math.max(0, best - worst);
  }
}
