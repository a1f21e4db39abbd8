import { createRng } from '@x/linalg';
import { RlhfIds, randomEnvironmentClass, simulateRlhf } from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';

const EPISODES = { quick: 300, full: 3000 } as const;
const TRIALS = { quick: 4, full: 16 } as const;
const SIZES = [2, 4, 8, 16, 32, 64] as const;
const SHAPE = { states: 2, actions: 2, horizon: 2 } as const;

/**
 * One fixed class per size: the first seed (from 7000 + size, in steps of 1000) whose
 * environments disagree on the optimal policy (at least min(3, size) distinct optimal policies),
 * so that there is something to learn.
 */
function classOf(size: number) {
  for (let seed = 7000 + size; seed < 7000 + size + 100_000; seed += 1000) {
    const envs = randomEnvironmentClass(createRng(seed), {
      ...SHAPE,
      size,
      spread: 0.3,
      transitionSpread: 0.05,
    });
    if (new Set(envs.optimalPolicies.map((p) => p.join(','))).size >= Math.min(3, size))
      return envs;
  }
  throw new Error(`no class of ${size} environments with distinct optimal policies in 100 seeds`);
}

export const experiment = defineClaim<number[]>({
  id: 'mdp/rlhf-ids-class-size',
  package: '@x/mdp',
  title: 'RLHF by IDS: Bayesian regret against the size of the environment class',
  source: {
    title:
      'Qi, Yang, Zhang and Yang, Sample-Efficient Reinforcement Learning from Human Feedback via Information-Directed Sampling',
    arxiv: '2502.05434',
    where:
      'the regret of IDS with a finite environment class (the dependence on its size is reported, not claimed)',
  },
  claim: `Informational: at S = ${SHAPE.states}, A = ${SHAPE.actions}, H = ${SHAPE.horizon}, the Bayesian regret of IDS after K episodes as the class grows from 2 to 64 environments, and the same divided by sqrt(log M), the dependence information-theoretic analyses of IDS give (entropy of the prior over M environments).`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const K = EPISODES[scale];
    return SIZES.map((size) => {
      const envs = classOf(size);
      return simulateRlhf(rng.split(), envs, () => new RlhfIds(envs, { informationSamples: 16 }), {
        rounds: K,
        checkpoints: [K],
      }).series.regret.mean[0]!;
    });
  },
  summarize(trials, scale) {
    const K = EPISODES[scale];
    const mean = SIZES.map((_, i) => trials.reduce((a, t) => a + t[i]!, 0) / trials.length);
    const normalised = mean.map((r, i) => r / Math.sqrt(Math.log(SIZES[i]!)));
    const x = SIZES.map((m) => m);
    return {
      metrics: Object.fromEntries(
        SIZES.flatMap((m, i) => [
          [`M = ${m}: regret`, mean[i]!],
          [`M = ${m}: regret / sqrt(log M)`, normalised[i]!],
        ]),
      ),
      plots: [
        {
          title: `Bayesian regret of IDS at K = ${K} against the class size M`,
          xLabel: 'M (environments in the class)',
          yLabel: 'regret',
          xScale: 'log',
          series: [
            { name: 'regret', x, y: mean, points: true },
            { name: 'regret / sqrt(log M)', x, y: normalised, points: true },
          ],
        },
      ],
      verdict: {
        holds: null,
        summary: `regret at K = ${K}: ${SIZES.map((m, i) => `M ${m}: ${mean[i]!.toFixed(2)}`).join(', ')}; over sqrt(log M) it ranges ${Math.min(...normalised).toFixed(2)} to ${Math.max(...normalised).toFixed(2)}`,
      },
    };
  },
});
