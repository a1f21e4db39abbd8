import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import {
  AlignmentProblem,
  BernoulliBandit,
  BetaThompsonSampling,
  KlUcb,
  PreferenceGame,
  PreferenceOptimizer,
  type PreferenceOptimizerOptions,
  preferenceDataset,
  preferenceSelfPlay,
  simulateBandit,
  Ucb1,
} from '@x/bandits';
import { createRng } from '@x/linalg';

/** Mean regret curves of three policies on one Bernoulli instance (seeded, 20 runs). */
export function regretCurves(): { policy: string; t: number; regret: number }[] {
  const env = new BernoulliBandit([0.9, 0.8, 0.7, 0.5]);
  const rng = createRng(11);
  const policies = {
    UCB1: () => new Ucb1(4),
    'KL-UCB': () => new KlUcb(4),
    'Thompson sampling': () => new BetaThompsonSampling(4),
  };
  const rows: { policy: string; t: number; regret: number }[] = [];
  for (const [policy, make] of Object.entries(policies)) {
    const r = simulateBandit(rng.split(), env, make, { rounds: 5000, runs: 20 });
    r.checkpoints.forEach((t, i) => {
      rows.push({ policy, t, regret: r.series.regret.mean[i]! });
    });
  }
  return rows;
}

/** The regret curves on a log axis in t: straight lines mean logarithmic regret. */
export function regretPlot(): PlotOptions {
  return {
    height: 320,
    x: { type: 'log', label: 't' },
    y: { label: 'mean regret', grid: true },
    color: { legend: true },
    marks: [Plot.line(regretCurves(), { x: 't', y: 'regret', stroke: 'policy' })],
  };
}

/** The sparse-coverage instance of the guide: six responses, the last two never shown. */
const SPARSE = { responses: 6, rewards: [2, 1, 0.5, 0, -20, -20] };
const COVERED = [1, 1, 1, 1, 0, 0];

/** Suboptimality J(pi*) - J(pi) of DPO, RPO and SPAC as the data grow (seeded). */
export function coverageCurves(): { method: string; pairs: number; gap: number }[] {
  const problem = new AlignmentProblem(SPARSE);
  const target = problem.evaluate(problem.optimalPolicy(1), 1).objective;
  const methods: Record<string, [(n: number) => PreferenceOptimizerOptions, number]> = {
    DPO: [() => ({ loss: 'dpo', beta: 1 }), 1000],
    RPO: [(n) => ({ loss: 'rpo', beta: 1, sftWeight: 1 / Math.sqrt(n), rewardBound: 25 }), 1000],
    SPAC: [
      (n) => ({
        loss: 'spac',
        beta: 1,
        pessimism: 1 / Math.sqrt(n),
        rewardBound: 25,
        innerIterations: 50,
      }),
      40,
    ],
  };
  const rows: { method: string; pairs: number; gap: number }[] = [];
  for (const pairs of [100, 400, 1600, 6400]) {
    const rng = createRng(pairs);
    const data = [0, 1, 2].map(() =>
      preferenceDataset(rng, problem, { pairs, coverage: { kind: 'anchored', covered: COVERED } }),
    );
    for (const [method, [options, iterations]] of Object.entries(methods)) {
      let gap = 0;
      for (const d of data) {
        const learner = new PreferenceOptimizer(problem, options(pairs));
        learner.fit(d, { iterations });
        gap += (target - problem.evaluate(learner.logPolicy(), 1).objective) / data.length;
      }
      rows.push({ method, pairs, gap: Math.max(gap, 1e-9) });
    }
  }
  return rows;
}

/** DPO stalls, RPO and SPAC converge: suboptimality against the data size, log-log. */
export function coveragePlot(): PlotOptions {
  return {
    height: 300,
    x: { type: 'log', label: 'labelled pairs N' },
    y: { type: 'log', label: 'J(pi*) - J(pi)', grid: true },
    color: { legend: true },
    marks: [
      Plot.line(coverageCurves(), { x: 'pairs', y: 'gap', stroke: 'method' }),
      Plot.dot(coverageCurves(), { x: 'pairs', y: 'gap', fill: 'method' }),
    ],
  };
}

/** The reward-KL frontier of the optimum over beta on the guide's instance (all responses seen). */
export function frontier(): { kl: number; reward: number; beta: number }[] {
  const problem = new AlignmentProblem(SPARSE);
  return Array.from({ length: 40 }, (_, i) => 0.05 * 1.15 ** i).map((beta) => {
    const e = problem.evaluate(problem.optimalPolicy(beta), beta);
    return { kl: e.klToReference, reward: e.reward, beta };
  });
}

/** Reward against KL to the reference along the optimum's frontier. */
export function frontierPlot(): PlotOptions {
  return {
    height: 280,
    x: { label: 'KL(pi || pi_ref)' },
    y: { label: 'E[r]', grid: true },
    marks: [
      Plot.line(frontier(), { x: 'kl', y: 'reward' }),
      Plot.dot(frontier(), { x: 'kl', y: 'reward' }),
    ],
  };
}

/** Exploitability of SPO's average iterate and of DNO's last iterate on rock-paper-scissors plus one. */
export function exploitabilityCurves(): { method: string; t: number; exploitability: number }[] {
  const game = new PreferenceGame([
    [0.5, 0.1, 0.9, 0.7],
    [0.9, 0.5, 0.1, 0.7],
    [0.1, 0.9, 0.5, 0.7],
    [0.3, 0.3, 0.3, 0.5],
  ]);
  const T = 4000;
  const start = [0.7, 0.1, 0.1, 0.1];
  const spo = preferenceSelfPlay(game, { rounds: T, start });
  const dno = preferenceSelfPlay(game, { rounds: T, eta: 1, start });
  const rows: { method: string; t: number; exploitability: number }[] = [];
  for (let t = 1; t <= T; t = Math.ceil(t * 1.3)) {
    rows.push({
      method: 'SPO average iterate',
      t,
      exploitability: spo.averageExploitability[t - 1]!,
    });
    rows.push({
      method: 'DNO last iterate (beta = 1)',
      t,
      exploitability: dno.lastExploitability[t - 1]!,
    });
  }
  return rows;
}

/** Exploitability over rounds, log-log. */
export function exploitabilityPlot(): PlotOptions {
  return {
    height: 280,
    x: { type: 'log', label: 'rounds t' },
    y: { type: 'log', label: 'max_y P(y > pi) - 1/2', grid: true },
    color: { legend: true },
    marks: [Plot.line(exploitabilityCurves(), { x: 't', y: 'exploitability', stroke: 'method' })],
  };
}
