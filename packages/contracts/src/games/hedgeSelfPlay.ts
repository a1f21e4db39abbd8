import { Hedge } from '@x/bandits';
import { log } from '@x/linalg/math';
import { assertInteger, MAX_ROUNDS } from '@x/linalg/validate';
import { ZeroSumGame } from './ZeroSumGame.ts';

/** What Hedge against Hedge reaches. */
export interface SelfPlayResult {
  /** The row player's average strategy $\bar x_T$. */
  readonly row: Float64Array;
  /** The column player's average strategy $\bar y_T$. */
  readonly column: Float64Array;
  /** $\bar x_T^\top A \bar y_T$, which tends to the value. */
  readonly value: number;
  /** The exploitability of the average strategies ({@link ZeroSumGame.exploitability}). */
  readonly exploitability: number;
  /** The bound on it from Hedge's regret: $\sqrt{\ln n/(2T)} + \sqrt{\ln m/(2T)}$. */
  readonly bound: number;
}

/**
 * Hedge against Hedge in a zero-sum game, in expectation: each round both play their mixed
 * strategies, the row player gets the reward vector $Ay_t$ and the column player $1 - A^\top
 * x_t$ (full information), both with the rate $\sqrt{8 \ln N / T}$. The average strategies then
 * form an $\epsilon$-equilibrium with $\epsilon \le (R_1 + R_2)/T \le \sqrt{\ln n/(2T)} +
 * \sqrt{\ln m/(2T)}$, so the exploitability decays like $T^{-1/2}$. Deterministic (no draws).
 *
 * @throws TypeError if `game` is not a ZeroSumGame; RangeError on bad rounds
 *
 * @example
 * const rps = new ZeroSumGame([[0.5, 0, 1], [1, 0.5, 0], [0, 1, 0.5]]);
 * const play = hedgeSelfPlay(rps, 10_000);
 * play.value; // about 0.5; play.exploitability <= play.bound
 *
 * References: Freund and Schapire, "Adaptive Game Playing Using Multiplicative Weights", Games
 * and Economic Behavior 29, 1999; Slivkins, arXiv:1904.07272, Chapter 9 (Hedge in repeated
 * zero-sum games).
 */
export function hedgeSelfPlay(game: ZeroSumGame, rounds: number): SelfPlayResult {
  const fn = 'hedgeSelfPlay';
  if (!(game instanceof ZeroSumGame)) throw new TypeError(`${fn}: game must be a ZeroSumGame`);
  assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
  const n = game.rows;
  const m = game.columns;
  const A = game.matrix;
  const rowLearner = new Hedge(n, { rounds });
  const columnLearner = new Hedge(m, { rounds });
  const rowSum = new Float64Array(n);
  const columnSum = new Float64Array(m);
  const rowReward = new Float64Array(n);
  const columnReward = new Float64Array(m);
  const x = new Float64Array(n);
  const y = new Float64Array(m);
  for (let t = 0; t < rounds; t++) {
    rowLearner.probabilities(x);
    columnLearner.probabilities(y);
    for (let i = 0; i < n; i++) {
      rowSum[i] = rowSum[i]! + x[i]!;
      let v = 0;
      for (let j = 0; j < m; j++) v += A[i * m + j]! * y[j]!;
      rowReward[i] = Math.min(1, v); // a convex combination of [0, 1] entries, up to rounding
    }
    for (let j = 0; j < m; j++) {
      columnSum[j] = columnSum[j]! + y[j]!;
      let v = 0;
      for (let i = 0; i < n; i++) v += x[i]! * A[i * m + j]!;
      columnReward[j] = Math.max(0, 1 - v);
    }
    rowLearner.update(rowReward);
    columnLearner.update(columnReward);
  }
  const row = rowSum.map((s) => s / rounds);
  const column = columnSum.map((s) => s / rounds);
  return {
    row,
    column,
    value: game.payoff(row, column),
    exploitability: game.exploitabilityUnchecked(row, column),
    bound: Math.sqrt(log(n) / (2 * rounds)) + Math.sqrt(log(m) / (2 * rounds)),
  };
}
