import { BernoulliBandit, BetaThompsonSampling, KlUcb } from '@x/bandits';
import { fitLine, klBernoulli } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { logGrid, meanCurves, regretRuns } from '../../src/regret.ts';

const MEANS = [0.9, 0.8, 0.7];
const BEST = 0.9;
const LAI_ROBBINS = MEANS.filter((m) => m < BEST).reduce(
  (s, m) => s + (BEST - m) / klBernoulli(m, BEST),
  0,
);
const HORIZON = { quick: 20_000, full: 1_000_000 } as const;
const TRIALS = { quick: 40, full: 100 } as const;
const POLICIES = {
  'KL-UCB': () => new KlUcb(MEANS.length),
  'Thompson sampling': () => new BetaThompsonSampling(MEANS.length),
};

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/lai-robbins',
  package: '@x/bandits',
  title: 'KL-UCB and Thompson sampling reach the Lai-Robbins constant',
  source: {
    title:
      'Garivier and Cappe, The KL-UCB Algorithm (Theorem 1); Kaufmann, Korda and Munos, Thompson Sampling: An Asymptotically Optimal Finite Time Analysis',
    arxiv: '1205.4217',
  },
  claim:
    'R(T) / log T tends to the Lai-Robbins constant sum_a gap_a / kl(mu_a, mu*): the late slope dR/dlog t lies within a factor 1.6 of the constant (2 at CI scale) and R(T)/log T rises towards it.',
  trials: (scale) => TRIALS[scale],
  trial: (rng, scale) =>
    regretRuns(
      rng,
      new BernoulliBandit(MEANS),
      POLICIES,
      HORIZON[scale],
      logGrid(100, HORIZON[scale], 20),
    ),
  summarize(trials, scale) {
    const grid = logGrid(100, HORIZON[scale], 20);
    const curves = meanCurves(trials);
    const lateFrom = grid.findIndex((t) => t >= HORIZON[scale] / 20);
    const factor = scale === 'full' ? 1.6 : 2;
    const metrics: Record<string, number> = { laiRobbinsConstant: LAI_ROBBINS };
    const parts: string[] = [];
    let holds = true;
    for (const [name, c] of Object.entries(curves)) {
      const fit = fitLine(grid.slice(lateFrom).map(Math.log), c.mean.slice(lateFrom));
      metrics[`${name}: late dR/dlog t`] = fit.slope;
      metrics[`${name}: R(T)/log T`] = c.mean.at(-1)! / Math.log(grid.at(-1)!);
      holds &&= fit.slope > LAI_ROBBINS / factor && fit.slope < LAI_ROBBINS * factor;
      parts.push(
        `${name} dR/dlog t ${fit.slope.toFixed(2)} [${fit.slopeCi[0].toFixed(2)}, ${fit.slopeCi[1].toFixed(2)}]`,
      );
    }
    return {
      metrics,
      plots: [
        {
          title: 'R(t) / log t against t, with the Lai-Robbins constant',
          xLabel: 't',
          yLabel: 'R(t) / log t',
          xScale: 'log',
          series: [
            ...Object.entries(curves).map(([name, c]) => ({
              name,
              x: grid,
              y: c.mean.map((m, i) => m / Math.log(grid[i]!)),
            })),
            {
              name: 'Lai-Robbins constant',
              x: [grid[0]!, grid.at(-1)!],
              y: [LAI_ROBBINS, LAI_ROBBINS],
            },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `${parts.join('; ')}; constant ${LAI_ROBBINS.toFixed(2)} (claim within x${factor})`,
      },
    };
  },
});
