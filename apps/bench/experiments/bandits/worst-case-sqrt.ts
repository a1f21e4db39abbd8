import { BernoulliBandit, BetaThompsonSampling, simulateBandit, Ucb1 } from '@x/bandits';
import { defineClaim } from '../../src/Experiment.ts';
import { slopeOverLengths } from '../../src/regret.ts';

const K = 5;
const HORIZONS = {
  quick: [1000, 3000, 10_000, 30_000],
  full: [1000, 3000, 10_000, 30_000, 100_000, 300_000],
} as const;
const TRIALS = { quick: 24, full: 100 } as const;
const POLICIES = {
  UCB1: () => new Ucb1(K),
  'Thompson sampling': () => new BetaThompsonSampling(K),
};

/** The instance for horizon T: one arm at 1/2, the others sqrt(K/T) below. */
function instance(T: number): BernoulliBandit {
  const gap = Math.sqrt(K / T);
  return new BernoulliBandit(Array.from({ length: K }, (_, i) => (i === 0 ? 0.5 : 0.5 - gap)));
}

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/worst-case-sqrt',
  package: '@x/bandits',
  title: 'Worst-case regret grows like sqrt(T)',
  source: {
    title: 'Slivkins, Introduction to Multi-Armed Bandits',
    arxiv: '1904.07272',
    where: 'Sections 1.3 and 2 (the sqrt(KT) rate and its lower bound)',
  },
  claim:
    'With gaps of order sqrt(K/T), the regret at T of UCB1 and Thompson sampling has log-log slope near 1/2 in T (within 0.1).',
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const out: Record<string, number[]> = {};
    for (const [name, make] of Object.entries(POLICIES)) {
      out[name] = HORIZONS[scale].map(
        (T) =>
          simulateBandit(rng.split(), instance(T), make, { rounds: T, checkpoints: [T] }).series
            .regret.mean[0]!,
      );
    }
    return out;
  },
  summarize(trials, scale) {
    const T = [...HORIZONS[scale]];
    const { metrics, parts, series, holds } = slopeOverLengths(
      trials,
      Object.keys(POLICIES),
      T,
      0.5,
      0.1,
    );
    series.push({ name: 'sqrt(KT)', x: T, y: T.map((t) => Math.sqrt(K * t)) });
    return {
      metrics,
      plots: [
        {
          title: 'Regret at T on the instance with gaps sqrt(K/T)',
          xLabel: 'T',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series,
        },
      ],
      verdict: { holds, summary: `${parts.join('; ')}; claim 0.5 +- 0.1` },
    };
  },
});
