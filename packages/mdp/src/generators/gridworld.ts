import { assertInRange, assertInteger, formatValue } from '@x/linalg';
import { Mdp } from '../model/Mdp.ts';

/** Options of {@link gridworld}. */
export interface GridworldOptions {
  /** Probability that a move goes to a random perpendicular direction instead. @default 0.1 */
  readonly slip?: number;
  /** Cells (row, column) that cannot be entered. */
  readonly walls?: readonly (readonly [number, number])[];
  /** Terminal cells with their reward on arrival (the episode then stays there, reward 0). */
  readonly goals: readonly (readonly [number, number, number])[];
  /** Reward of every step. @default 0 */
  readonly stepReward?: number;
}

/**
 * A rows x columns gridworld with actions up, right, down, left (0-3); state = row * columns +
 * column. A move succeeds with probability 1 - slip, else goes to one of the two perpendicular
 * directions; bumping into a wall or the border stays put. Goals are absorbing.
 *
 * @throws RangeError on bad sizes, slip, or cells outside the grid
 *
 * References: Sutton and Barto, Reinforcement Learning: An Introduction, 2nd ed., 2018,
 * Example 3.5 and Section 4.1 (gridworlds); Russell and Norvig, AIMA, Section 17.1 (slip model).
 */
export function gridworld(
  rows: number,
  columns: number,
  { slip = 0.1, walls = [], goals, stepReward = 0 }: GridworldOptions,
): Mdp {
  const fn = 'gridworld';
  assertInteger(fn, 'rows', rows, 1, 4096);
  assertInteger(fn, 'columns', columns, 1, 4096);
  assertInRange(fn, 'slip', slip, 0, 1);
  const S = rows * columns;
  const inside = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < columns;
  const wall = new Uint8Array(S);
  for (const [r, c] of walls) {
    if (!inside(r, c)) throw new RangeError(`${fn}: wall (${r}, ${c}) is outside the grid`);
    wall[r * columns + c] = 1;
  }
  const goal = new Map<number, number>();
  for (const [r, c, reward] of goals) {
    if (!inside(r, c)) throw new RangeError(`${fn}: goal (${r}, ${c}) is outside the grid`);
    if (!Number.isFinite(reward))
      throw new RangeError(
        `${fn}: goal (${r}, ${c}) reward must be finite, got ${formatValue(reward)}`,
      );
    goal.set(r * columns + c, reward);
  }
  const moves = [
    [-1, 0],
    [0, 1],
    [1, 0],
    [0, -1],
  ] as const;
  const P: number[][][] = [];
  const R: number[][] = [];
  for (let s = 0; s < S; s++) {
    const r = Math.floor(s / columns);
    const c = s % columns;
    P.push([]);
    R.push([]);
    for (let a = 0; a < 4; a++) {
      const row = new Array<number>(S).fill(0);
      let reward = stepReward;
      if (goal.has(s) || wall[s]) {
        row[s] = 1;
        reward = 0;
      } else {
        for (const [dir, p] of [
          [a, 1 - slip],
          [(a + 1) % 4, slip / 2],
          [(a + 3) % 4, slip / 2],
        ] as const) {
          const nr = r + moves[dir]![0];
          const nc = c + moves[dir]![1];
          const t = inside(nr, nc) && !wall[nr * columns + nc] ? nr * columns + nc : s;
          row[t] = row[t]! + p;
          reward += p * (goal.get(t) ?? 0) * (t === s ? 0 : 1);
        }
      }
      P[s]!.push(row);
      R[s]!.push(reward);
    }
  }
  return Mdp.fromDense(P, R);
}
