import { hedgeSelfPlay, minimaxStrategies, ZeroSumGame } from '@x/contracts';
import { fitLogLogSlope } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';

const LENGTHS = {
  quick: [100, 400, 1600, 6400],
  full: [100, 400, 1600, 6400, 25_600, 102_400],
} as const;
const TRIALS = { quick: 8, full: 40 } as const;

interface Trial {
  /** Exploitability of the average strategies at each T. */
  readonly exploitability: number[];
  /** The regret bound at each T. */
  readonly bound: number[];
  /** |self-play value - LP value| at the longest T. */
  readonly valueError: number;
}

export const experiment = defineClaim<Trial>({
  id: 'contracts/hedge-self-play',
  package: '@x/contracts',
  title: 'Hedge against Hedge in zero-sum games: the average strategies approach the minimax value',
  source: {
    title:
      'Freund and Schapire, Adaptive Game Playing Using Multiplicative Weights (1999); Slivkins, Introduction to Multi-Armed Bandits',
    arxiv: '1904.07272',
    where: 'Chapter 9 (regret minimisation in repeated zero-sum games)',
  },
  claim:
    'On random 6 x 5 games with payoffs in [0, 1), the exploitability of the average strategies of Hedge self-play (tuned to T) stays below sqrt(ln n / 2T) + sqrt(ln m / 2T) and decays at least like T^(-1/2) (log-log slope <= -0.4); the self-play value is within that bound of the LP value.',
  trials: (scale) => TRIALS[scale],
  async trial(rng, scale) {
    const game = new ZeroSumGame(
      Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => rng.nextFloat64())),
    );
    const plays = LENGTHS[scale].map((T) => hedgeSelfPlay(game, T));
    const { value } = await minimaxStrategies(game);
    return {
      exploitability: plays.map((p) => p.exploitability),
      bound: plays.map((p) => p.bound),
      valueError: Math.abs(plays.at(-1)!.value - value),
    };
  },
  summarize(trials, scale) {
    const T = [...LENGTHS[scale]];
    const mean = T.map(
      (_, i) => trials.reduce((a, t) => a + t.exploitability[i]!, 0) / trials.length,
    );
    const bound = trials[0]!.bound;
    const fit = fitLogLogSlope(T, mean);
    const withinBound = trials.every((t) => t.exploitability.every((e, i) => e <= t.bound[i]!));
    const worstValue = Math.max(...trials.map((t) => t.valueError));
    const holds = withinBound && fit.slope <= -0.4 && worstValue <= bound.at(-1)!;
    return {
      metrics: {
        'exploitability slope': fit.slope,
        [`mean exploitability at T = ${T.at(-1)}`]: mean.at(-1)!,
        [`bound at T = ${T.at(-1)}`]: bound.at(-1)!,
        'worst |self-play value - LP value|': worstValue,
      },
      plots: [
        {
          title: 'Exploitability of the average strategies (mean over games) and the regret bound',
          xLabel: 'T',
          yLabel: 'exploitability',
          xScale: 'log',
          yScale: 'log',
          series: [
            { name: 'Hedge self-play', x: T, y: mean },
            { name: 'sqrt(ln n/2T) + sqrt(ln m/2T)', x: T, y: bound },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `slope ${fit.slope.toFixed(3)}, 95% CI [${fit.slopeCi[0].toFixed(3)}, ${fit.slopeCi[1].toFixed(3)}] (claim <= -0.4); within the bound on every game and T: ${withinBound}; value error <= ${worstValue.toExponential(1)}`,
      },
    };
  },
});
