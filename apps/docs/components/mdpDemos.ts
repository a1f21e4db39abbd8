import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { createRng } from '@x/linalg';
import {
  continuationValue,
  decodingGap,
  EpisodicProblem,
  gridworld,
  Psrl,
  RlhfIds,
  randomEnvironmentClass,
  randomTokenTree,
  riverSwim,
  simulateEpisodic,
  simulateRlhf,
  softBackwardInduction,
  TokenTree,
  transferQ,
  Ucbvi,
  valueIteration,
} from '@x/mdp';

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
  const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: H });
  const agents = {
    PSRL: (p: EpisodicProblem) => new Psrl(p),
    'UCBVI (c = 0.1)': (p: EpisodicProblem) => new Ucbvi(p, { rounds: 500, bonusScale: 0.1 }),
    'UCBVI (c = 1)': (p: EpisodicProblem) => new Ucbvi(p, { rounds: 500 }),
  };
  const rng = createRng(5);
  const rows: { agent: string; episode: number; regret: number }[] = [];
  for (const [agent, make] of Object.entries(agents)) {
    const r = simulateEpisodic(rng.split(), problem, make, { rounds: 500, runs: 4, checkpoints });
    r.checkpoints.forEach((episode, i) => {
      rows.push({ agent, episode, regret: r.series.regret.mean[i]! });
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

/**
 * Mean regularised suboptimality gap of value-guided decoding against the deviation parameter,
 * for controlled decoding and Transfer Q* (direct and indirect), over 20 random token trees
 * (V = 4, L = 3, beta = 0.05; the baseline is aligned to a reward within 0.3 of the target).
 */
export function transferQCurves(): { decoder: string; alpha: number; gap: number }[] {
  const beta = 0.05;
  const multiples = [0.125, 0.25, 0.5, 1, 2, 4, 8];
  const names = ['controlled decoding', 'TQ* direct', 'TQ* indirect'];
  const sums = names.map(() => multiples.map(() => 0));
  const rng = createRng(11);
  const trees = 20;
  for (let t = 0; t < trees; t++) {
    const tree = randomTokenTree(rng, 4, 3, { concentration: 0.5 });
    const baselineReward = tree.reward.map((r) => r + 0.3 * (2 * rng.nextFloat64() - 1));
    const baseline = softBackwardInduction(
      new TokenTree({ ...tree, reward: baselineReward }),
      beta,
    ).policy;
    const estimates = [
      continuationValue(tree, tree.reference),
      transferQ(tree, baseline),
      transferQ(tree, baseline, { baselineReward, beta }),
    ];
    estimates.forEach((q, d) => {
      multiples.forEach((m, k) => {
        sums[d]![k]! += decodingGap(tree, q, m / beta, beta).regularizedGap / trees;
      });
    });
  }
  return names.flatMap((decoder, d) =>
    multiples.map((m, k) => ({ decoder, alpha: m / beta, gap: sums[d]![k]! })),
  );
}

/** The Transfer Q* curves on log axes. */
export function transferQPlot(): PlotOptions {
  return {
    height: 300,
    x: { label: 'deviation parameter alpha', type: 'log' },
    y: { label: 'mean gap beta KL(pi_alpha || rho*)', type: 'log', grid: true },
    color: { legend: true },
    marks: [
      Plot.line(transferQCurves(), { x: 'alpha', y: 'gap', stroke: 'decoder', marker: true }),
    ],
  };
}

/**
 * Bayesian regret of IDS and Approximate-IDS from preference feedback on a class of 20
 * environments (S = 3, A = 2, H = 3, nearly shared dynamics), 4 runs of 400 episodes.
 */
export function rlhfRegretCurves(): { agent: string; episode: number; regret: number }[] {
  const envs = randomEnvironmentClass(createRng(1), {
    states: 3,
    actions: 2,
    horizon: 3,
    size: 20,
    spread: 0.3,
    transitionSpread: 0.05,
  });
  const checkpoints = Array.from({ length: 16 }, (_, i) => 25 * (i + 1));
  const rows: { agent: string; episode: number; regret: number }[] = [];
  for (const variant of ['exact', 'approximate'] as const) {
    const r = simulateRlhf(
      createRng(2),
      envs,
      () => new RlhfIds(envs, { variant, informationSamples: 16 }),
      { rounds: 400, runs: 4, checkpoints },
    );
    const agent = variant === 'exact' ? 'IDS' : 'Approximate-IDS';
    r.checkpoints.forEach((episode, i) => {
      rows.push({ agent, episode, regret: r.series.regret.mean[i]! });
    });
  }
  return rows;
}

/** The RLHF regret curves. */
export function rlhfRegretPlot(): PlotOptions {
  return {
    height: 300,
    x: { label: 'episodes' },
    y: { label: 'Bayesian regret', grid: true },
    color: { legend: true },
    marks: [Plot.line(rlhfRegretCurves(), { x: 'episode', y: 'regret', stroke: 'agent' })],
  };
}
