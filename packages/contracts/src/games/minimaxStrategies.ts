import type { LinearProgramOptions } from '@x/linalg';
import { readOptions, solveOptimalLinearProgramAs } from '@x/linalg/validate';
import { ZeroSumGame } from './ZeroSumGame.ts';

/** A minimax equilibrium of a zero-sum game. */
export interface MinimaxSolution {
  /** The game's value $\max_x \min_y x^\top A y$. */
  readonly value: number;
  /** An optimal (maximin) strategy of the row player. */
  readonly row: Float64Array;
  /** An optimal (minimax) strategy of the column player, from the program's duals. */
  readonly column: Float64Array;
}

/**
 * The value and optimal strategies of a zero-sum game by linear programming (HiGHS):
 * $\max_{x \in \Delta, v} v$ s.t. $(x^\top A)_j \ge v$ for every column j; the column player's
 * strategy is the constraints' dual. The strategies are HiGHS's, feasible to about 1e-7.
 *
 * @throws TypeError if `game` is not a ZeroSumGame
 *
 * @example
 * const rps = new ZeroSumGame([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]]); // rock-paper-scissors
 * const { value, row } = await minimaxStrategies(rps); // 0.5, [1/3, 1/3, 1/3]
 *
 * References: von Neumann, Math. Ann. 100, 1928; Dantzig, "A Proof of the Equivalence of the
 * Programming Problem and the Game Problem", 1951.
 */
export async function minimaxStrategies(
  game: ZeroSumGame,
  options: LinearProgramOptions = {},
): Promise<MinimaxSolution> {
  const fn = 'minimaxStrategies';
  if (!(game instanceof ZeroSumGame)) throw new TypeError(`${fn}: game must be a ZeroSumGame`);
  const { highs } = readOptions(fn, options);
  const n = game.rows;
  const m = game.columns;
  // Columns: x_0..x_{n-1}, v. Rows: for each j, sum_i A_ij x_i - v >= 0; then sum_i x_i = 1.
  const starts = new Int32Array(m + 2);
  const indices = new Int32Array(m * (n + 1) + n);
  const values = new Float64Array(m * (n + 1) + n);
  let k = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      indices[k] = i;
      values[k++] = game.matrix[i * m + j]!;
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
  // Always feasible (any x, v = 0) and bounded (v <= 1).
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
function normalise(v: Float64Array): Float64Array {
  const out = v.map((x) => Math.max(0, x));
  let s = 0;
  for (const x of out) s += x;
  return out.map((x) => x / s);
}
