import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { createRng } from '@x/linalg';
import { gridworld, Psrl, riverSwim, simulateEpisodic, Ucbvi, valueIteration } from '@x/mdp';

const ROWS = 4;
const COLUMNS = 6;
const WALLS = [
  [1, 1],
  [1, 2],
  [2, 4],
] as const;
const ARROWS = ['↑', '→', '↓', '←'];

/** The worked gridworld: a goal worth +1, a pit worth -1, 10% slip, gamma = 0.95. */
export function gridworldSolution(): {
  row: number;
  column: number;
  value: number;
  arrow: string;
}[] {
  const mdp = gridworld(ROWS, COLUMNS, {
    walls: WALLS,
    goals: [
      [0, 5, 1],
      [1, 5, -1],
    ],
    slip: 0.1,
  });
  const { values, policy } = valueIteration(mdp, 0.95, { epsilon: 1e-8 });
  const cells: { row: number; column: number; value: number; arrow: string }[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (let column = 0; column < COLUMNS; column++) {
      const s = row * COLUMNS + column;
      const isWall = WALLS.some(([r, c]) => r === row && c === column);
      const isGoal = column === 5 && row <= 1;
      if (isWall) continue;
      cells.push({ row, column, value: values[s]!, arrow: isGoal ? '' : ARROWS[policy[s]!]! });
    }
  }
  return cells;
}

/** The gridworld's optimal values as a heat map, with the greedy action in each cell. */
export function gridworldPlot(): PlotOptions {
  const cells = gridworldSolution();
  return {
    height: 260,
    x: { label: null, axis: null },
    y: { label: null, axis: null },
    color: { type: 'diverging', scheme: 'RdBu', legend: true, label: 'V*(s)' },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'value', inset: 1 }),
      Plot.text(cells, { x: 'column', y: 'row', text: 'arrow', fontSize: 18 }),
    ],
  };
}

/** Regret of PSRL and UCBVI on RiverSwim (6 states, H = 20), 4 seeded runs. */
export function episodicRegretCurves(): { agent: string; episode: number; regret: number }[] {
  const H = 20;
  const checkpoints = Array.from({ length: 20 }, (_, i) => 25 * (i + 1));
  const agents = {
    PSRL: () => new Psrl(6, 2, H),
    'UCBVI (c = 0.1)': () => new Ucbvi(6, 2, H, { episodes: 500, bonusScale: 0.1 }),
    'UCBVI (c = 1)': () => new Ucbvi(6, 2, H, { episodes: 500 }),
  };
  const rng = createRng(5);
  const rows: { agent: string; episode: number; regret: number }[] = [];
  for (const [agent, make] of Object.entries(agents)) {
    const r = simulateEpisodic(rng.split(), riverSwim(6), H, 0, make, {
      episodes: 500,
      runs: 4,
      checkpoints,
    });
    r.episodes.forEach((episode, i) => {
      rows.push({ agent, episode, regret: r.meanRegret[i]! });
    });
  }
  return rows;
}

/** The episodic regret curves: flat means the agent has found the far reward. */
export function episodicRegretPlot(): PlotOptions {
  return {
    height: 320,
    x: { label: 'episodes' },
    y: { label: 'mean regret', grid: true },
    color: { legend: true },
    marks: [Plot.line(episodicRegretCurves(), { x: 'episode', y: 'regret', stroke: 'agent' })],
  };
}
