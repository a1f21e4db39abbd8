import { CascadeUcb, CascadingBandit, simulateCascadingBandit } from '@x/bandits';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, lateSlopes, logGrid, meanCurves } from '../../src/regret.ts';

const L = 16;
const K = 4;
/** The paper's synthetic setting: K items of attraction p = 0.2, the rest p - Delta with Delta = 0.15. */
const ATTRACTIONS = Array.from({ length: L }, (_, i) => (i < K ? 0.2 : 0.05));
const HORIZON = { quick: 100_000, full: 1_000_000 } as const;
const TRIALS = { quick: 8, full: 50 } as const;

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/cascading-log-regret',
  package: '@x/bandits',
  title: 'Cascading bandits: regret grows like log n',
  source: {
    title:
      'Kveton, Szepesvari, Wen and Ashkan, Cascading Bandits: Learning to Rank in the Cascade Model',
    arxiv: '1502.02763',
    where: 'Theorems 2-3 and Section 5',
  },
  claim: `With L = ${L} items, lists of K = ${K}, attractions 0.2 (best K) and 0.05 (the rest), the regret of CascadeKL-UCB and CascadeUCB1 grows like log n: the log-log slope over the last decade is below 0.4.`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const env = new CascadingBandit(ATTRACTIONS, K);
    const grid = logGrid(100, HORIZON[scale], 20);
    const out: Record<string, number[]> = {};
    for (const index of ['kl-ucb', 'ucb1'] as const) {
      const name = index === 'kl-ucb' ? 'CascadeKL-UCB' : 'CascadeUCB1';
      out[name] = Array.from(
        simulateCascadingBandit(rng.split(), env, () => new CascadeUcb(L, K, { index }), {
          rounds: HORIZON[scale],
          checkpoints: grid,
        }).series.regret.mean,
      );
    }
    return out;
  },
  summarize(trials, scale) {
    const grid = logGrid(100, HORIZON[scale], 20);
    const curves = meanCurves(trials);
    const slopes = lateSlopes(curves, grid, HORIZON[scale] / 10);
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    let holds = true;
    for (const [name, c] of Object.entries(curves)) {
      const slope = slopes[name]!;
      metrics[`${name}: late log-log slope`] = slope;
      metrics[`${name}: R(n)`] = c.mean.at(-1)!;
      holds &&= slope < 0.4;
      parts.push(`${name} slope ${slope.toFixed(2)}, R(n) ${c.mean.at(-1)!.toFixed(1)}`);
    }
    return {
      metrics,
      plots: [
        {
          title: 'Mean regret (95% band) against n, log scale in n',
          xLabel: 'n',
          yLabel: 'regret',
          xScale: 'log',
          series: curveSeries(curves, grid),
        },
      ],
      verdict: { holds, summary: `${parts.join('; ')} (claim < 0.4)` },
    };
  },
});
