import { AlignmentProblem, fitRewardMixture, maxMinPolicy, preferenceDataset } from '@x/bandits';
import { defineClaim } from '../../src/Experiment.ts';

const MINORITY_SHARES = [0.1, 0.2, 0.3, 0.4] as const;
const TRIALS = { quick: 3, full: 20 } as const;
const USERS = 100;
const PAIRS = { quick: 20, full: 40 } as const;
const BETA = 0.1;

interface Trial {
  /** Per minority share: [majority, minority] objectives of the pooled and the MaxMin policies. */
  readonly pooled: number[][];
  readonly maxMin: number[][];
}

export const experiment = defineClaim<Trial>({
  id: 'bandits/maxmin-groups',
  package: '@x/bandits',
  title: 'MaxMin alignment over user groups found by EM',
  source: {
    title: 'Chakraborty et al., MaxMin-RLHF: Alignment with Diverse Human Preferences',
    arxiv: '2402.08925',
    where: 'EM over user groups, the egalitarian objective',
  },
  claim: `Two groups disagree on two of four responses and agree on a compromise (rewards (1, 0, 0.75, 0.2) and (0, 1, 0.75, 0.2), beta = ${BETA}); ${USERS} users each give comparisons from their group's Bradley-Terry model. For minority shares from 10% to 40%, the policy that is egalitarian for the groups EM finds raises the minority's objective over the policy of one pooled Bradley-Terry reward by more than it lowers the majority's.`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const majority = new AlignmentProblem({ responses: 4, rewards: [1, 0, 0.75, 0.2] });
    const minority = new AlignmentProblem({ responses: 4, rewards: [0, 1, 0.75, 0.2] });
    const J = (p: Float64Array) => [
      majority.evaluate(p, BETA).objective,
      minority.evaluate(p, BETA).objective,
    ];
    const pooled: number[][] = [];
    const maxMin: number[][] = [];
    for (const share of MINORITY_SHARES) {
      const users = Array.from({ length: USERS }, (_, u) =>
        preferenceDataset(rng, u < USERS * (1 - share) ? majority : minority, {
          pairs: PAIRS[scale],
        }),
      );
      const one = fitRewardMixture(rng.split(), users, { responses: 4, groups: 1, iterations: 30 });
      pooled.push(
        J(new AlignmentProblem({ responses: 4, rewards: one.rewards }).optimalPolicy(BETA)),
      );
      const two = fitRewardMixture(rng.split(), users, { responses: 4, groups: 2, iterations: 50 });
      const groups = [0, 1].map(
        (g) =>
          new AlignmentProblem({ responses: 4, rewards: two.rewards.subarray(4 * g, 4 * g + 4) }),
      );
      maxMin.push(J(maxMinPolicy(groups, { beta: BETA }).logPolicy));
    }
    return { pooled, maxMin };
  },
  summarize(trials) {
    const mean = (pick: (t: Trial) => number) =>
      trials.reduce((a, t) => a + pick(t), 0) / trials.length;
    const x = MINORITY_SHARES.map((s) => s);
    const curve = (which: 'pooled' | 'maxMin', g: number) =>
      MINORITY_SHARES.map((_, i) => mean((t) => t[which][i]![g]!));
    const gains = MINORITY_SHARES.map((_, i) => mean((t) => t.maxMin[i]![1]! - t.pooled[i]![1]!));
    const costs = MINORITY_SHARES.map((_, i) => mean((t) => t.pooled[i]![0]! - t.maxMin[i]![0]!));
    const holds = gains.every((g, i) => g > 0 && costs[i]! < g);
    return {
      metrics: Object.fromEntries(
        MINORITY_SHARES.flatMap((s, i) => [
          [`minority ${s}: minority gain`, gains[i]!],
          [`minority ${s}: majority cost`, costs[i]!],
        ]),
      ),
      plots: [
        {
          title: "Each group's objective under the pooled and the MaxMin policy",
          xLabel: 'minority share',
          yLabel: 'J_beta',
          series: [
            { name: 'majority, pooled reward', x, y: curve('pooled', 0) },
            { name: 'minority, pooled reward', x, y: curve('pooled', 1) },
            { name: 'majority, MaxMin', x, y: curve('maxMin', 0) },
            { name: 'minority, MaxMin', x, y: curve('maxMin', 1) },
          ],
        },
      ],
      verdict: {
        holds,
        summary: MINORITY_SHARES.map(
          (s, i) => `minority ${s}: gain ${gains[i]!.toFixed(3)}, cost ${costs[i]!.toFixed(3)}`,
        ).join('; '),
      },
    };
  },
});
