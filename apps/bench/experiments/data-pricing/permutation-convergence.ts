import { exactShapley, knnUtility, permutationShapley } from '@x/data-pricing';
import { fitLogLogSlope, type Rng, sampleStandardNormal } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';

const N = 10;
const COUNTS = { quick: [10, 40, 160, 640], full: [10, 30, 100, 300, 1000, 3000, 10000] };
const TRIALS = { quick: 8, full: 32 } as const;

function points(rng: Rng, n: number) {
  const x = Array.from({ length: n }, (_, i) => [
    (i % 2) + sampleStandardNormal(rng),
    (i % 2) + sampleStandardNormal(rng),
  ]);
  return {
    x,
    y: Array.from({ length: n }, (_, i) => (rng.nextFloat64() < 0.2 ? 1 - (i % 2) : i % 2)),
  };
}

export const experiment = defineClaim<number[]>({
  id: 'data-pricing/permutation-convergence',
  package: '@x/data-pricing',
  title: 'Permutation Shapley converges to the exact values as 1/sqrt(permutations)',
  source: {
    title: 'Ghorbani and Zou, Data Shapley: Equitable Valuation of Data for Machine Learning',
    arxiv: '1904.02868',
    where: 'Section 3 (Monte Carlo estimate); Castro, Gomez and Tejada 2009 (error O(1/sqrt(m)))',
  },
  claim: `On a ${N}-point 3-NN game (exact values by enumeration), the root-mean-square error of permutation Shapley falls with log-log slope -1/2 in the number of permutations.`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const utility = knnUtility(points(rng, N), points(rng, 40), 3);
    const exact = exactShapley(N, utility);
    return COUNTS[scale].map((m) => {
      const r = permutationShapley(rng.split(), N, utility, { permutations: m, tolerance: 0 });
      let total = 0;
      for (let i = 0; i < N; i++) total += (r.values[i]! - exact[i]!) ** 2;
      return total / N;
    });
  },
  summarize(trials, scale) {
    const counts = COUNTS[scale];
    const rmse = counts.map((_, k) =>
      Math.sqrt(trials.reduce((acc, t) => acc + t[k]!, 0) / trials.length),
    );
    const slope = fitLogLogSlope(counts, rmse).slope;
    // The mean squared error over T trials has relative standard error about sqrt(2/(T N)); a
    // slope tolerance of 0.1 over at least a 64-fold range covers it.
    return {
      metrics: { 'log-log slope of the RMSE': slope },
      plots: [
        {
          title: 'RMSE of permutation Shapley against the exact values',
          xLabel: 'permutations',
          yLabel: 'RMSE',
          xScale: 'log',
          yScale: 'log',
          series: [
            { name: 'permutation Shapley', x: counts, y: rmse },
            {
              name: 'reference slope -1/2',
              x: counts,
              y: counts.map((m) => rmse[0]! * Math.sqrt(counts[0]! / m)),
              points: true,
            },
          ],
        },
      ],
      verdict: {
        holds: Math.abs(slope + 0.5) <= 0.1,
        summary: `slope ${slope.toFixed(3)} (claim -0.5 +- 0.1)`,
      },
    };
  },
});
