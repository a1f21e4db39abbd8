import { LinearBandit, LinearThompsonSampling, LinUcb, simulateBandit } from '@x/bandits';
import { defineClaim } from '../../src/Experiment.ts';
import { slopeOverLengths } from '../../src/regret.ts';

const D = 3;
const K = 2 ** D;
const ACTIONS = LinearBandit.hypercube(D);
const HORIZONS = {
  quick: [500, 1000, 2000, 4000, 8000],
  full: [1000, 2000, 4000, 8000, 16_000, 32_000, 64_000],
} as const;
const TRIALS = { quick: 16, full: 100 } as const;
const NOISE = 1;

/** The lower-bound instance for horizon T: theta = (1, ..., 1) / sqrt(T), unit Gaussian noise. */
const hypercube = (T: number) =>
  new LinearBandit(
    ACTIONS,
    Array.from({ length: D }, () => 1 / Math.sqrt(T)),
    NOISE,
  );

const POLICIES = {
  'OFUL (LinUCB)': () =>
    new LinUcb(K, D, {
      model: 'shared',
      oful: { noiseStd: NOISE, delta: 0.1, thetaNorm: 1, featureNorm: 1 },
    }),
  'linear Thompson sampling': () => new LinearThompsonSampling(K, D, { scale: NOISE }),
};

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/linear-sqrt',
  package: '@x/bandits',
  title: 'Linear bandits: regret grows like sqrt(T) on the hypercube instance',
  source: {
    title:
      'Abbasi-Yadkori, Pal and Szepesvari, Improved Algorithms for Linear Stochastic Bandits (Theorem 3); Lattimore and Szepesvari, Bandit Algorithms, Chapter 24 (the hypercube lower bound)',
  },
  claim:
    'On the hypercube {-1,1}^d/sqrt(d) with theta = 1/sqrt(T) in every coordinate (the lower-bound instance), the regret at T of OFUL and linear Thompson sampling has log-log slope near 1/2 (within 0.15).',
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const out: Record<string, number[]> = {};
    for (const [name, make] of Object.entries(POLICIES)) {
      out[name] = HORIZONS[scale].map(
        (T) =>
          simulateBandit(rng.split(), hypercube(T), make, { rounds: T, checkpoints: [T] }).series
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
      0.15,
    );
    return {
      metrics,
      plots: [
        {
          title: 'Regret at T on the hypercube instance for horizon T',
          xLabel: 'T',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series,
        },
      ],
      verdict: { holds, summary: `${parts.join('; ')}; claim 0.5 +- 0.15` },
    };
  },
});
