import type { LinearProgramOptions } from '@x/linalg';
import { solveMatrixGameAs } from '@x/linalg/validate';
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
  return solveMatrixGameAs(fn, game.matrix, game.rows, game.columns, options);
}
