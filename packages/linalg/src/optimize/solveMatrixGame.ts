import { readOptions } from '../validate/assert.ts';
import { type LinearProgramOptions, solveOptimalLinearProgramAs } from './solveLinearProgram.ts';

/** A minimax equilibrium of a zero-sum matrix game. @internal */
export interface MatrixGameSolution {
  /** The game's value $\max_x \min_y x^\top A y$. */
  readonly value: number;
  /** An optimal (maximin) strategy of the row player. */
  readonly row: Float64Array;
  /** An optimal (minimax) strategy of the column player, from the program's duals. */
  readonly column: Float64Array;
}

/**
 * The value and optimal strategies of the zero-sum game with payoffs $A \in [0, 1]^{n \times m}$
 * (row-major, to the row player) by one linear program through HiGHS: $\max_{x \in \Delta, v} v$
 * s.t. $(x^\top A)_j \ge v$ for every column j; the column strategy is the constraints' dual.
 * Always feasible and bounded. For the packages' checked games; errors name `fn`. @internal
 *
 * References: von Neumann, Math. Ann. 100, 1928; Dantzig, "A Proof of the Equivalence of the
 * Programming Problem and the Game Problem", 1951.
 */
export async function solveMatrixGameAs(
  fn: string,
  matrix: ArrayLike<number>,
  n: number,
  m: number,
  options: LinearProgramOptions = {},
): Promise<MatrixGameSolution> {
  const { highs } = readOptions(fn, options);
  // Columns: x_0..x_{n-1}, v. Rows: for each j, sum_i A_ij x_i - v >= 0; then sum_i x_i = 1.
  const starts = new Int32Array(m + 2);
  const indices = new Int32Array(m * (n + 1) + n);
  const values = new Float64Array(m * (n + 1) + n);
  let k = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      indices[k] = i;
      values[k++] = matrix[i * m + j]!;
    }
    indices[k] = n;
    values[k++] = -1;
    starts[j + 1] = k;
  }
  for (let i = 0; i < n; i++) {
    indices[k] = i;
    values[k++] = 1;
  }
  starts[m + 1] = k;
  const cost = new Float64Array(n + 1);
  cost[n] = 1;
  const result = await solveOptimalLinearProgramAs(
    fn,
    {
      sense: 'maximize',
      cost,
      colLower: new Float64Array(n + 1),
      colUpper: new Float64Array(n + 1).fill(1),
      rowLower: Float64Array.from({ length: m + 1 }, (_, j) => (j < m ? 0 : 1)),
      rowUpper: Float64Array.from({ length: m + 1 }, (_, j) =>
        j < m ? Number.POSITIVE_INFINITY : 1,
      ),
      matrix: { starts, indices, values },
    },
    { presolve: false, ...(highs === undefined ? {} : { highs }) },
  );
  const row = normalise(result.x.subarray(0, n));
  const column = normalise(result.rowDuals.subarray(0, m).map(Math.abs));
  return { value: result.objective, row, column };
}

/** Clips at 0 and rescales to sum 1 (the solver's answer may stray by its tolerance). */
function normalise(x: Float64Array): Float64Array {
  const out = x.map((v) => Math.max(0, v));
  let total = 0;
  for (const v of out) total += v;
  return out.map((v) => v / total);
}
