import {
  assertFinite,
  assertInRange,
  assertInteger,
  formatValue,
  readObject,
} from '@x/linalg/validate';
import type { Mdp } from '../model/Mdp.ts';
import { SparseMdpBuilder } from './sparseMdpBuilder.ts';

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
 * @throws RangeError on bad sizes (rows and columns at most 4096, rows x columns at most 2^22),
 *   slip, or cells outside the grid; TypeError on malformed options
 *
 * @example
 * // 4 x 4 grid, a goal worth 1 in the far corner, a wall in the middle, 10% slips.
 * const mdp = gridworld(4, 4, { goals: [[3, 3, 1]], walls: [[1, 1]], slip: 0.1 });
 * valueIteration(mdp, 0.95).policy; // the action to take in each cell (row-major)
 *
 * References: Sutton and Barto, Reinforcement Learning: An Introduction, 2nd ed., 2018,
 * Example 3.5 and Section 4.1 (gridworlds); Russell and Norvig, AIMA, Section 17.1 (slip model).
 */
export function gridworld(rows: number, columns: number, options: GridworldOptions): Mdp {
  const fn = 'gridworld';
  const { slip = 0.1, walls = [], goals, stepReward = 0 } = readObject(fn, 'options', options);
  assertInteger(fn, 'rows', rows, 1, 4096);
  assertInteger(fn, 'columns', columns, 1, 4096);
  if (rows * columns > MAX_CELLS)
    throw new RangeError(
      `${fn}: rows x columns must be at most ${MAX_CELLS}, got ${rows * columns}`,
    );
  assertInRange(fn, 'slip', slip, 0, 1);
  assertFinite(fn, 'stepReward', stepReward);
  const S = rows * columns;
  /** The state of a cell given as [row, column, ...], checked. */
  const cell = (name: string, at: unknown, width: number): number => {
    if (!Array.isArray(at) || at.length !== width)
      throw new TypeError(
        `${fn}: ${name} must be an array of ${width} numbers, got ${formatValue(at)}`,
      );
    assertInteger(fn, `${name} row`, at[0], 0, rows - 1);
    assertInteger(fn, `${name} column`, at[1], 0, columns - 1);
    return at[0] * columns + at[1];
  };
  if (!Array.isArray(walls))
    throw new TypeError(`${fn}: walls must be an array, got ${formatValue(walls)}`);
  if (!Array.isArray(goals))
    throw new TypeError(`${fn}: goals must be an array, got ${formatValue(goals)}`);
  const wall = new Uint8Array(S);
  for (const [k, w] of walls.entries()) wall[cell(`walls[${k}]`, w, 2)] = 1;
  const goal = new Map<number, number>();
  for (const [k, g] of goals.entries()) {
    const s = cell(`goals[${k}]`, g, 3);
    assertFinite(fn, `goals[${k}] reward`, g[2]);
    goal.set(s, g[2]);
  }
  const inside = (r: number, c: number) => r >= 0 && r < rows && c >= 0 && c < columns;
  const model = new SparseMdpBuilder(S, 4, 3);
  for (let s = 0; s < S; s++) {
    const r = Math.floor(s / columns);
    const c = s % columns;
    for (let a = 0; a < 4; a++) {
      if (goal.has(s) || wall[s]) {
        model.add(s, 1);
        model.endRow(0);
        continue;
      }
      let reward = stepReward;
      for (let k = 0; k < 3; k++) {
        const dir = k === 0 ? a : k === 1 ? (a + 1) % 4 : (a + 3) % 4;
        const p = k === 0 ? 1 - slip : slip / 2;
        const nr = r + ROW_STEP[dir]!;
        const nc = c + COLUMN_STEP[dir]!;
        const t = inside(nr, nc) && !wall[nr * columns + nc] ? nr * columns + nc : s;
        model.add(t, p);
        reward += p * (goal.get(t) ?? 0) * (t === s ? 0 : 1);
      }
      model.endRow(reward);
    }
  }
  return model.build();
}

/** The most cells a gridworld has: $2^{22}$ (its sparse model then takes about 600 MB). */
const MAX_CELLS = 1 << 22;
/** Row and column steps of the actions up, right, down, left. */
const ROW_STEP = Int8Array.of(-1, 0, 1, 0);
const COLUMN_STEP = Int8Array.of(0, 1, 0, -1);
