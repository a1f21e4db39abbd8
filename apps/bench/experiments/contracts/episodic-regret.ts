import {
  BisectionContractLearner,
  LinearContractLearner,
  linearContractPolicy,
  planContracts,
  randomPrincipalAgentMdp,
} from '@x/contracts';
import { log } from '@x/linalg/math';
import { defineClaim } from '../../src/Experiment.ts';
import { slopeOverLengths } from '../../src/regret.ts';
import {
  type MakeLearner,
  quantile,
  quantileSeries,
  regretAtLengths,
  regretPlots,
  sortedFinals,
} from './_learning.ts';

const HORIZONS = {
  quick: [1000, 3000, 10_000, 30_000],
  full: [1000, 3000, 10_000, 30_000, 100_000, 300_000],
} as const;
const TRIALS = { quick: 8, full: 40 } as const;
const H = 4;
const GRID = 'UCB1 over a T^(1/3) grid of shares';
const BISECTION = 'bisection search with a robust margin';

/**
 * The grid learner's bound with r_max = H: discretisation r_max T / K (the agent's episode
 * reward never falls as the share grows) plus UCB1's distribution-free r_max (sqrt(8 K T log T)
 * + (1 + pi^2 / 3) K), with K = ceil(T^(1/3)).
 */
function gridBound(T: number): number {
  let K = 1;
  while (K * K * K < T) K++;
  return H * (T / K + Math.sqrt(8 * K * T * log(T)) + (1 + (Math.PI * Math.PI) / 3) * K);
}

interface Trial extends Record<string, number[]> {
  /** The optimal Markov contract policy's value over the best linear one's (>= 1). */
  readonly ratio: number[];
}

export const experiment = defineClaim<Trial>({
  id: 'contracts/episodic-regret',
  package: '@x/contracts',
  title:
    'Contractual reinforcement learning: linear contract policies learned over episodes, with hidden actions and unknown transitions',
  source: {
    title:
      'Wu, Chen, Wang, Wang and Xu, Contractual Reinforcement Learning: Pulling Arms with Invisible Hands; Zhu et al., The Sample Complexity of Online Contract Design',
    arxiv: '2407.01458',
    where:
      'abstract (no-regret learning for H > 1; the linear-contract reading is the library reconstruction); arXiv:2211.05732 (the discretised learner, T^(2/3))',
  },
  claim: `On random principal-agent MDPs (S = 3, A = 3, H = ${H}; Dirichlet(1) transitions, costs in [0, 0.5) with a free action, rewards in [0, 1)), a principal that sees only its own take of each episode learns the share of a linear contract policy: the regret at T of the discretised learner (LinearContractLearner tuned to T, r_max = H) against the best linear contract policy stays under its bound r_max (T/K + sqrt(8 K T log T) + (1 + pi^2/3) K), K = ceil(T^(1/3)), and grows sublinearly (log-log slope below 0.9). The bisection learner and the gap between the best linear policy and the optimal Markov policy of planContracts are reported.`,
  trials: (scale) => TRIALS[scale],
  async trial(rng, scale) {
    const problem = randomPrincipalAgentMdp(rng, {
      states: 3,
      actions: 3,
      horizon: H,
      maxCost: 0.5,
    });
    const regret = (make: MakeLearner) => regretAtLengths(rng, problem, HORIZONS[scale], make);
    const optimal = (await planContracts(problem)).response.principalValue;
    return {
      [GRID]: regret((T) => new LinearContractLearner({ rounds: T, rewardMax: H })),
      [BISECTION]: regret((T) => new BisectionContractLearner({ rounds: T, rewardMax: H })),
      ratio: [optimal / linearContractPolicy(problem).principalValue],
    };
  },
  summarize(trials, scale) {
    const T = [...HORIZONS[scale]];
    const grid = slopeOverLengths(trials, [GRID], T, 2 / 3, Number.POSITIVE_INFINITY);
    const bisection = slopeOverLengths(trials, [BISECTION], T, 1 / 2, Number.POSITIVE_INFINITY);
    const gridSlope = grid.metrics[`${GRID}: slope`]!;
    const means = T.map((_, i) => trials.reduce((a, t) => a + t[GRID]![i]!, 0) / trials.length);
    const underBound = means.every((m, i) => m <= gridBound(T[i]!));
    const holds = underBound && gridSlope < 0.9;
    const series = [...grid.series, ...bisection.series];
    series.push({ name: 'bound of the grid learner', x: T, y: T.map(gridBound) });
    const ratios = trials.map((t) => t.ratio[0]!).sort((a, b) => a - b);
    const g = sortedFinals(trials, GRID);
    const b = sortedFinals(trials, BISECTION);
    return {
      metrics: {
        ...grid.metrics,
        ...bisection.metrics,
        [`grid learner at T = ${T.at(-1)}: mean regret / bound`]:
          means.at(-1)! / gridBound(T.at(-1)!),
        [`grid learner at T = ${T.at(-1)}: median regret`]: quantile(g, 0.5),
        [`bisection learner at T = ${T.at(-1)}: median regret`]: quantile(b, 0.5),
        'optimal Markov / best linear value: median': quantile(ratios, 0.5),
        'optimal Markov / best linear value: largest': ratios.at(-1)!,
      },
      plots: [
        ...regretPlots('the best linear contract policy', 'T (episodes)', T, series, [
          quantileSeries(GRID, g, true),
          quantileSeries(BISECTION, b, true),
        ]),
        {
          title:
            'What the linear class gives up: optimal Markov value / best linear value (sorted)',
          xLabel: 'quantile',
          yLabel: 'ratio',
          series: [quantileSeries('planContracts / linearContractPolicy', ratios)],
        },
      ],
      verdict: {
        holds,
        summary: `${grid.parts.join('; ')} (claim: below 0.9, under the bound at every T: ${underBound ? 'yes' : 'no'}); ${bisection.parts.join('; ')} (reported); at T = ${T.at(-1)} median regret ${quantile(g, 0.5).toFixed(0)} (grid) and ${quantile(b, 0.5).toFixed(0)} (bisection); the optimal Markov policy earns ${quantile(ratios, 0.5).toFixed(3)}x the best linear one at the median, up to ${ratios.at(-1)!.toFixed(3)}x`,
      },
    };
  },
});
