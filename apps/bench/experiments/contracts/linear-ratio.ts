import {
  ContractProblem,
  linearContract,
  optimalContract,
  tightLinearInstance,
} from '@x/contracts';
import { sampleDirichlet } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { quantile } from './_learning.ts';

/** The tight instances checked, one per trial in turn: (n, gamma) with gamma^-(n-1) <= 2^26. */
const TIGHT: readonly (readonly [number, number])[] = [
  [2, 0.5],
  [3, 0.2],
  [4, 0.5],
  [6, 0.3],
  [8, 0.2],
  [10, 0.2],
  [12, 0.25],
  [20, 0.5],
];
const SIZES = { quick: 24, full: 400 } as const;

interface Trial {
  /** |optimal / linear - (n - (n - 1) gamma)| on this trial's tight instance, relative to the largest reward. */
  readonly tightError: number;
  readonly n: number;
  readonly gamma: number;
  readonly tightRatio: number;
  /** optimal / linear on a random instance (5 actions, 4 outcomes, action 0 free). */
  readonly randomRatio: number;
}

export const experiment = defineClaim<Trial>({
  id: 'contracts/linear-ratio',
  package: '@x/contracts',
  title: 'Linear versus optimal contracts: the tight instance and random instances',
  source: {
    title: 'Dutting, Roughgarden and Talgam-Cohen, Simple versus Optimal Contracts (EC 2019)',
    arxiv: '1808.03713',
    where: 'Section 4: the approximation ratio of linear contracts, tight in the number of actions',
  },
  claim:
    'On the tight family (tightLinearInstance, the library construction after the paper), the optimal contract earns n - (n - 1) gamma times the best linear contract, exactly up to floating point and the LP tolerance. On random instances (5 actions with Dirichlet(1) outcome laws over 4 outcomes, costs in [0, 1) with one free action, rewards in [0, 5)), the ratio stays between 1 and the worst case 5, and is small in practice.',
  trials: (scale) => SIZES[scale],
  async trial(rng, _scale, index) {
    const [n, gamma] = TIGHT[index % TIGHT.length]!;
    const tight = tightLinearInstance(n, gamma);
    const tightRatio =
      (await optimalContract(tight)).principalUtility / linearContract(tight).principalUtility;
    const ones = new Float64Array(4).fill(1);
    const random = new ContractProblem({
      outcomes: Array.from({ length: 5 }, () => sampleDirichlet(rng, ones)),
      costs: Array.from({ length: 5 }, (_, a) => (a === 0 ? 0 : rng.nextFloat64())),
      rewards: Array.from({ length: 4 }, () => 5 * rng.nextFloat64()),
    });
    const linear = linearContract(random).principalUtility;
    const randomRatio =
      linear > 1e-9 ? (await optimalContract(random)).principalUtility / linear : 1;
    return {
      tightError: Math.abs(tightRatio - (n - (n - 1) * gamma)) / tight.reward(n - 1),
      n,
      gamma,
      tightRatio,
      randomRatio,
    };
  },
  summarize(trials) {
    const worstTight = Math.max(...trials.map((t) => t.tightError));
    const ratios = trials.map((t) => t.randomRatio).sort((a, b) => a - b);
    const q = (p: number) => quantile(ratios, p);
    const seen = new Map<string, Trial>();
    for (const t of trials) seen.set(`${t.n},${t.gamma}`, t);
    const tight = [...seen.values()].sort((a, b) => a.n - b.n);
    // HiGHS is feasible to 1e-7 relative to the payments (at most the largest reward).
    const holds = worstTight <= 1e-6 && ratios[0]! >= 1 - 1e-6 && ratios.at(-1)! <= 5;
    return {
      metrics: {
        'worst |ratio - (n - (n-1) gamma)| / largest reward': worstTight,
        'random ratio, median': q(0.5),
        'random ratio, 90th percentile': q(0.9),
        'random ratio, max': ratios.at(-1)!,
      },
      plots: [
        {
          title: 'Tight instance: optimal / best linear against n - (n - 1) gamma',
          xLabel: 'n - (n - 1) gamma',
          yLabel: 'measured ratio',
          series: [
            {
              name: 'tight instances',
              x: tight.map((t) => t.n - (t.n - 1) * t.gamma),
              y: tight.map((t) => t.tightRatio),
              points: true,
            },
            {
              name: 'y = x',
              x: [1, Math.max(...tight.map((t) => t.n))],
              y: [1, Math.max(...tight.map((t) => t.n))],
            },
          ],
        },
        {
          title: 'Random instances: distribution of optimal / best linear (sorted)',
          xLabel: 'quantile',
          yLabel: 'ratio',
          series: [
            { name: 'ratio', x: ratios.map((_, i) => (i + 0.5) / ratios.length), y: ratios },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `tight family: worst relative error ${worstTight.toExponential(1)} (<= 1e-6); random: median ${q(0.5).toFixed(3)}, 90% ${q(0.9).toFixed(3)}, max ${ratios.at(-1)!.toFixed(3)} (within [1, 5])`,
      },
    };
  },
});
