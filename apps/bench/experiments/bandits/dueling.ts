import {
  BradleyTerryPosterior,
  BradleyTerryPreference,
  DoubleThompsonSampling,
  PreferenceIds,
  simulateDuel,
} from '@x/bandits';
import { createRng } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, lateSlopes, logGrid, meanCurves } from '../../src/regret.ts';

const K = 6;
const M = 300;
const HORIZON = { quick: 3000, full: 30_000 } as const;
const TRIALS = { quick: 12, full: 100 } as const;
/** The environment class: M Bradley-Terry utility vectors from a N(0, 1) prior (fixed seed). */
const CLASS = BradleyTerryPosterior.sampleHypotheses(createRng(2502), K, M);

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/dueling',
  package: '@x/bandits',
  title:
    'Dueling bandits: Condorcet and Borda regret of double Thompson sampling and preference IDS',
  source: {
    title:
      'Wu and Liu, Double Thompson Sampling for Dueling Bandits (arXiv:1604.07101); Qi, Yang, Zhang and Yang, Sample-Efficient RLHF via Information-Directed Sampling',
    arxiv: '2502.05434',
  },
  claim:
    'In the Bayesian setting (the environment drawn from a finite class of Bradley-Terry models), the Condorcet and Borda regret of double Thompson sampling and of the IDS rule at episode length 1 grow sublinearly: late log-log slope below 0.6.',
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const T = HORIZON[scale];
    const env = new BradleyTerryPreference(CLASS[Math.floor(rng.nextFloat64() * M)]!);
    const grid = logGrid(50, T, 16);
    const out: Record<string, number[]> = {};
    for (const [name, make] of [
      ['double TS', () => new DoubleThompsonSampling(K)],
      ['preference IDS', () => new PreferenceIds(CLASS, { rounds: T })],
    ] as const) {
      const r = simulateDuel(rng.split(), env, make, { rounds: T, checkpoints: grid });
      out[`${name}: Condorcet`] = Array.from(r.series.condorcetRegret.mean);
      out[`${name}: Borda`] = Array.from(r.series.bordaRegret.mean);
    }
    return out;
  },
  summarize(trials, scale) {
    const grid = logGrid(50, HORIZON[scale], 16);
    const curves = meanCurves(trials);
    const slopes = lateSlopes(curves, grid, HORIZON[scale] / 10);
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    let holds = true;
    for (const [name, c] of Object.entries(curves)) {
      const slope = slopes[name]!;
      metrics[`${name}: late slope`] = slope;
      metrics[`${name}: R(T)`] = c.mean.at(-1)!;
      holds &&= slope < 0.6;
      parts.push(`${name} ${c.mean.at(-1)!.toFixed(1)} (slope ${slope.toFixed(2)})`);
    }
    return {
      metrics,
      plots: [
        {
          title: 'Mean cumulative regret against t (95% band)',
          xLabel: 't',
          yLabel: 'regret',
          xScale: 'log',
          series: curveSeries(curves, grid),
        },
      ],
      verdict: { holds, summary: `${parts.join('; ')} (claim: slopes < 0.6)` },
    };
  },
});
