import { createRng } from '@x/linalg';
import { RlhfIds, randomEnvironmentClass, simulateRlhf } from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, lateSlopes, logGrid, meanCurves } from '../../src/regret.ts';

const EPISODES = { quick: 800, full: 4000 } as const;
const TRIALS = { quick: 16, full: 32 } as const;
/** Monte Carlo allowance on the fitted slope (standard errors of the mean regret over the trials). */
const ALLOWANCE = { quick: 0.15, full: 0.1 } as const;
/**
 * The claimed slope: sqrt(K log K) has local log-log slope 1/2 + 1/(2 log K) (0.58 at K = 800,
 * 0.56 at K = 4000), plus the Monte Carlo allowance.
 */
const slopeLimit = (scale: 'quick' | 'full') =>
  0.5 + 1 / (2 * Math.log(EPISODES[scale])) + ALLOWANCE[scale];
/**
 * Quick: 20 environments with nearly shared dynamics. Full: 60 environments with the same
 * dynamics, told apart only through rewards, so learning lasts over the whole run.
 */
const CLASS = {
  quick: { size: 20, spread: 0.3, transitionSpread: 0.05 },
  full: { size: 60, spread: 0.2, transitionSpread: 0 },
} as const;
const AGENTS = {
  'IDS (preference)': { variant: 'exact', feedback: 'preference' },
  'Approximate-IDS (preference)': { variant: 'approximate', feedback: 'preference' },
  'IDS (scalar reward)': { variant: 'exact', feedback: 'reward' },
} as const;

/** The class is fixed (its own seed); trials differ in the true environment and the draws. */
const environments = (scale: 'quick' | 'full') =>
  randomEnvironmentClass(createRng(1), { states: 3, actions: 2, horizon: 3, ...CLASS[scale] });

interface Trial {
  readonly regret: Record<string, number[]>;
  /** Milliseconds per episode (plan and update) of each agent. */
  readonly msPerEpisode: Record<string, number>;
}

export const experiment = defineClaim<Trial>({
  id: 'mdp/rlhf-ids-regret',
  package: '@x/mdp',
  title: 'RLHF by information-directed sampling: Bayesian regret grows like sqrt(K)',
  source: {
    title:
      'Qi, Yang, Zhang and Yang, Sample-Efficient Reinforcement Learning from Human Feedback via Information-Directed Sampling',
    arxiv: '2502.05434',
    where: 'Bayesian regret O~(H^2 sqrt(SAK)) of IDS and of Approximate-IDS',
  },
  claim:
    'On a class of tabular environments (S = 3, A = 2, H = 3; 20 with nearly shared dynamics at the quick scale, 60 with shared dynamics at full scale; rewards that differ), with the true environment drawn from the uniform prior and only a Bradley-Terry preference against a uniform baseline trajectory as feedback, the Bayesian regret of IDS grows like sqrt(K log K): log-log slope at most 1/2 + 1/(2 log K) over the last decade, plus a Monte Carlo allowance; Approximate-IDS has nearly the same regret (within 1.5x) at a fraction of the cost; the same IDS with 0/1 step rewards also stays within the slope.',
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const K = EPISODES[scale];
    const grid = logGrid(10, K, 12);
    const envs = environments(scale);
    const regret: Record<string, number[]> = {};
    const msPerEpisode: Record<string, number> = {};
    for (const [name, { variant, feedback }] of Object.entries(AGENTS)) {
      const started = performance.now();
      regret[name] = Array.from(
        simulateRlhf(
          rng.split(),
          envs,
          () => new RlhfIds(envs, { variant, feedback, informationSamples: 16 }),
          { rounds: K, checkpoints: grid, feedback },
        ).series.regret.mean,
      );
      msPerEpisode[name] = (performance.now() - started) / K;
    }
    return { regret, msPerEpisode };
  },
  summarize(trials, scale) {
    const K = EPISODES[scale];
    const grid = logGrid(10, K, 12);
    const curves = meanCurves(trials.map((t) => t.regret));
    const slopes = lateSlopes(curves, grid, K / 10);
    const final = (name: string) => curves[name]!.mean.at(-1)!;
    const cost = (name: string) =>
      trials.reduce((acc, t) => acc + t.msPerEpisode[name]!, 0) / trials.length;
    const exact = 'IDS (preference)';
    const approx = 'Approximate-IDS (preference)';
    const scalar = 'IDS (scalar reward)';
    const bound = 9 * Math.sqrt(3 * 2 * K);
    const limit = slopeLimit(scale);
    const holds =
      slopes[exact]! <= limit &&
      slopes[scalar]! <= limit &&
      final(approx) <= 1.5 * final(exact) &&
      cost(approx) < cost(exact) &&
      final(exact) <= bound;
    const metrics: Record<string, number> = {};
    for (const name of Object.keys(AGENTS)) {
      metrics[`${name}: late log-log slope`] = slopes[name]!;
      metrics[`${name}: regret`] = final(name);
      metrics[`${name}: ms per episode`] = cost(name);
    }
    metrics['H^2 sqrt(SAK)'] = bound;
    return {
      metrics,
      plots: [
        {
          title: 'Bayesian regret (95% band) against episodes',
          xLabel: 'episodes',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series: curveSeries(curves, grid),
        },
      ],
      verdict: {
        holds,
        summary: `slopes: IDS ${slopes[exact]!.toFixed(2)}, Approximate-IDS ${slopes[approx]!.toFixed(2)}, scalar ${slopes[scalar]!.toFixed(2)} (claim <= ${limit.toFixed(2)}); Approximate-IDS regret ${final(approx).toFixed(1)} vs ${final(exact).toFixed(1)} at ${(cost(exact) / cost(approx)).toFixed(0)}x lower cost; bound ${bound.toFixed(0)}`,
      },
    };
  },
});
