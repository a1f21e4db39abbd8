import {
  simulateTallying,
  TallyingSuccessiveElimination,
  Ucb1,
  WeightedTallyingBandit,
} from '@x/bandits';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, logGrid, meanCurves } from '../../src/regret.ts';

const M = 5;
const HORIZON = { quick: 20_000, full: 200_000 } as const;
const TRIALS = { quick: 8, full: 50 } as const;
/** Arm 0 improves with practice, arm 1 wears off, arm 2 is constant; repeated exposure to arm 0 is optimal. */
const makeEnv = () =>
  new WeightedTallyingBandit(
    [(x) => 0.95 - 0.25 * x, (x) => 0.4 + 0.05 * x, () => 0.5],
    [1, 0.8, 0.6, 0.4, 0.2],
  );

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/weighted-tallying',
  package: '@x/bandits',
  title:
    'Weighted tallying bandits: elimination with exposure blocks has sublinear complete policy regret',
  source: {
    title:
      'Malik, Igoe, Li and Singh, Weighted Tallying Bandits: Overcoming Intractability via Repeated Exposure Optimality',
    arxiv: '2305.02955',
  },
  claim:
    "Where an arm only pays off after repeated exposure, successive elimination with M-round exposure blocks stops accumulating complete policy regret (its late increase is under a tenth of an interleaving policy's, here UCB1, whose regret keeps growing linearly).",
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const T = HORIZON[scale];
    const grid = logGrid(100, T, 16);
    return {
      'tallying elimination': Array.from(
        simulateTallying(
          rng.split(),
          makeEnv,
          () => new TallyingSuccessiveElimination(3, { memoryBound: M, rounds: T }),
          { rounds: T, checkpoints: grid },
        ).series.regret.mean,
      ),
      UCB1: Array.from(
        simulateTallying(rng.split(), makeEnv, () => new Ucb1(3), { rounds: T, checkpoints: grid })
          .series.regret.mean,
      ),
    };
  },
  summarize(trials, scale) {
    const grid = logGrid(100, HORIZON[scale], 16);
    const curves = meanCurves(trials);
    const half = grid.findIndex((t) => t >= HORIZON[scale] / 2);
    const late = (name: string) => curves[name]!.mean.at(-1)! - curves[name]!.mean[half]!;
    const se = late('tallying elimination');
    const ucb = late('UCB1');
    return {
      metrics: {
        'elimination: late increase': se,
        'UCB1: late increase': ucb,
        'elimination: R(T)': curves['tallying elimination']!.mean.at(-1)!,
        'UCB1: R(T)': curves['UCB1']!.mean.at(-1)!,
      },
      plots: [
        {
          title: 'Complete policy regret against t (95% band)',
          xLabel: 't',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series: curveSeries(curves, grid),
        },
      ],
      verdict: {
        holds: se < 0.1 * ucb && ucb > 0,
        summary: `late increase: elimination ${se.toFixed(1)}, UCB1 ${ucb.toFixed(1)} (claim: < 10%)`,
      },
    };
  },
});
