import { createRng, RunningStats } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { InformationDirectedSampling } from './InformationDirectedSampling.ts';

describe('InformationDirectedSampling', () => {
  it('claim: the information ratio of every chosen distribution is at most K/2', () => {
    for (const K of [3, 6]) {
      const p = new InformationDirectedSampling(K, { gridPerArm: 48 });
      const rng = createRng(3);
      const means = Array.from({ length: K }, (_, i) => (i + 0.5) / K);
      for (let t = 0; t < 150; t++) {
        const a = p.select(rng);
        expect(p.lastAnalysis!.ratio).toBeLessThanOrEqual(K / 2);
        p.update(a, rng.nextFloat64() < means[a]! ? 1 : 0);
      }
    }
  });

  it('claim: on random Bernoulli instances IDS has no more regret than Thompson sampling (Bayesian regret)', async () => {
    const { BernoulliBandit } = await import('../stochastic/BernoulliBandit.ts');
    const { BetaThompsonSampling } = await import('./BetaThompsonSampling.ts');
    const { simulateBandit } = await import('../core/simulateBandit.ts');
    const rng = createRng(4);
    const ids = new RunningStats();
    const ts = new RunningStats();
    const diff = new RunningStats();
    for (let run = 0; run < 24; run++) {
      const r = rng.split();
      const means = Array.from({ length: 5 }, () => r.nextFloat64()); // uniform prior, as in the paper
      const env = new BernoulliBandit(means);
      const a = simulateBandit(
        r.split(),
        env,
        () => new InformationDirectedSampling(5, { gridPerArm: 32 }),
        { rounds: 400, checkpoints: [400] },
      ).series.regret.mean[0]!;
      const b = simulateBandit(r.split(), env, () => new BetaThompsonSampling(5), {
        rounds: 400,
        checkpoints: [400],
      }).series.regret.mean[0]!;
      ids.push(a);
      ts.push(b);
      diff.push(a - b);
    }
    // Paired comparison on the same instances: IDS - TS is not significantly positive.
    expect(diff.mean).toBeLessThan(2 * diff.standardError);
    expect(ids.mean).toBeLessThan(1.2 * ts.mean);
  });
});
