import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { BernoulliBandit, BetaThompsonSampling, KlUcb, simulateBandit, Ucb1 } from '@x/bandits';
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
