import { EpisodicProblem, Psrl, riverSwim, simulateEpisodic, Ucbvi } from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, lateSlopes, logGrid, meanCurves } from '../../src/regret.ts';

const STATES = 6;
const H = 20;
const EPISODES = { quick: 2_000, full: 20_000 } as const;
const TRIALS = { quick: 8, full: 32 } as const;
const CLAIMED_SLOPE = 0.5;

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'mdp/episodic-regret',
  package: '@x/mdp',
  title: 'PSRL and UCBVI: regret grows at most like the square root of the episodes',
  source: {
    title:
      'Azar, Osband and Munos, Minimax Regret Bounds for Reinforcement Learning; Osband, Russo and Van Roy, (More) Efficient Reinforcement Learning via Posterior Sampling',
    arxiv: '1703.05449',
    where: 'Theorem 1 (UCBVI); arXiv:1306.0940 Theorem 1 (PSRL)',
  },
  claim: `On RiverSwim with ${STATES} states and horizon H = ${H}, the exact cumulative regret of PSRL and of UCBVI (Hoeffding bonus scaled by c = 0.1) has a log-log slope of at most ${CLAIMED_SLOPE} in the number of episodes over the last decade (the bounds are O~(sqrt(K))). UCBVI with c = 1 is shown for reference.`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const K = EPISODES[scale];
    const grid = logGrid(10, K, 16);
    const problem = new EpisodicProblem({ mdp: riverSwim(STATES), horizon: H });
    const agents = {
      PSRL: (p: EpisodicProblem) => new Psrl(p),
      'UCBVI (c = 0.1)': (p: EpisodicProblem) => new Ucbvi(p, { rounds: K, bonusScale: 0.1 }),
      'UCBVI (c = 1)': (p: EpisodicProblem) => new Ucbvi(p, { rounds: K }),
    };
    const out: Record<string, number[]> = {};
    for (const [name, make] of Object.entries(agents)) {
      out[name] = Array.from(
        simulateEpisodic(rng.split(), problem, make, {
          rounds: K,
          checkpoints: grid,
        }).series.regret.mean,
      );
    }
    return out;
  },
  summarize(trials, scale) {
    const grid = logGrid(10, EPISODES[scale], 16);
    const curves = meanCurves(trials);
    const slopes = lateSlopes(curves, grid, EPISODES[scale] / 10);
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    let holds = true;
    for (const [name, c] of Object.entries(curves)) {
      const slope = slopes[name]!;
      metrics[`${name}: late log-log slope`] = slope;
      metrics[`${name}: regret`] = c.mean.at(-1)!;
      if (name !== 'UCBVI (c = 1)') holds &&= slope <= CLAIMED_SLOPE;
      parts.push(`${name} slope ${slope.toFixed(2)}`);
    }
    return {
      metrics,
      plots: [
        {
          title: 'Mean cumulative regret (95% band) against episodes',
          xLabel: 'episodes',
          yLabel: 'regret',
          xScale: 'log',
          series: curveSeries(curves, grid),
        },
      ],
      verdict: {
        holds,
        summary: `${parts.join('; ')} (claim <= ${CLAIMED_SLOPE} for PSRL and UCBVI c = 0.1)`,
      },
    };
  },
});
