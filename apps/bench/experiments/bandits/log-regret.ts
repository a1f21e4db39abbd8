import { BernoulliBandit, BetaThompsonSampling, KlUcb, Ucb1 } from '@x/bandits';
import { fitLine, fitLogLogSlope, klBernoulli } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, logGrid, meanCurves, regretRuns } from '../../src/regret.ts';

const MEANS = [0.9, 0.7, 0.5, 0.3];
const BEST = 0.9;
const GAPS = MEANS.filter((m) => m < BEST).map((m) => BEST - m);
const LAI_ROBBINS = MEANS.filter((m) => m < BEST).reduce(
  (s, m) => s + (BEST - m) / klBernoulli(m, BEST),
  0,
);
const HORIZON = { quick: 10_000, full: 200_000 } as const;
const TRIALS = { quick: 24, full: 200 } as const;
const POLICIES = {
  UCB1: () => new Ucb1(MEANS.length),
  'KL-UCB': () => new KlUcb(MEANS.length),
  'Thompson sampling': () => new BetaThompsonSampling(MEANS.length),
};

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/log-regret',
  package: '@x/bandits',
  title: 'UCB1, KL-UCB and Thompson sampling: logarithmic regret',
  source: {
    title:
      'Auer, Cesa-Bianchi and Fischer, Finite-time Analysis of the Multiarmed Bandit Problem (2002); Garivier and Cappe, KL-UCB',
    arxiv: '1102.2490',
    where: 'Theorem 1 of each',
  },
  claim:
    'On a fixed Bernoulli instance regret grows like log T: UCB1 stays under its finite-time bound 8 sum log t / gap + (1 + pi^2/3) sum gap, and for all three policies the log-log slope over the last decade is far below the 1/2 of sqrt(T) regret.',
  trials: (scale) => TRIALS[scale],
  trial: (rng, scale) =>
    regretRuns(
      rng,
      new BernoulliBandit(MEANS),
      POLICIES,
      HORIZON[scale],
      logGrid(10, HORIZON[scale], 25),
    ),
  summarize(trials, scale) {
    const grid = logGrid(10, HORIZON[scale], 25);
    const curves = meanCurves(trials);
    const lateFrom = grid.findIndex((t) => t >= HORIZON[scale] / 10);
    const metrics: Record<string, number> = { laiRobbinsConstant: LAI_ROBBINS };
    const parts: string[] = [];
    let holds = true;
    for (const [name, c] of Object.entries(curves)) {
      const slope = fitLogLogSlope(grid.slice(lateFrom), c.mean.slice(lateFrom)).slope;
      const perLog = fitLine(grid.slice(lateFrom).map(Math.log), c.mean.slice(lateFrom)).slope;
      metrics[`${name}: log-log slope (last decade)`] = slope;
      metrics[`${name}: dR/dlog t (last decade)`] = perLog;
      metrics[`${name}: R(T)`] = c.mean.at(-1)!;
      holds &&= slope < 0.4;
      parts.push(`${name} slope ${slope.toFixed(2)}`);
    }
    const ucbBound = grid.map((t) =>
      GAPS.reduce((s, g) => s + (8 * Math.log(t)) / g + (1 + Math.PI ** 2 / 3) * g, 0),
    );
    const underBound = curves['UCB1']!.mean.every((m, i) => m < ucbBound[i]!);
    holds &&= underBound;
    return {
      metrics,
      plots: [
        {
          title:
            'Mean regret (95% band) against t, log scale in t: straight lines mean log t growth',
          xLabel: 't',
          yLabel: 'regret',
          xScale: 'log',
          series: curveSeries(curves, grid),
        },
        {
          title: 'UCB1 and its finite-time bound',
          xLabel: 't',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series: [
            { name: 'UCB1', x: grid, y: curves['UCB1']!.mean },
            { name: 'bound (Auer et al., Theorem 1)', x: grid, y: ucbBound },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `${parts.join(', ')} (claim < 0.4); UCB1 under its bound: ${underBound ? 'yes' : 'no'}`,
      },
    };
  },
});
