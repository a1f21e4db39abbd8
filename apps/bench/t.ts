import { BernoulliBandit, BetaThompsonSampling, simulate } from '@x/bandits';
import { createRng, RunningStats } from '@x/linalg';
import { InformationDirectedSampling } from '../../packages/bandits/src/ids/InformationDirectedSampling.ts';

const rng = createRng(3);
const K = 10,
  T = 1000;
const stats: Record<string, RunningStats> = {
  ids: new RunningStats(),
  vids: new RunningStats(),
  ts: new RunningStats(),
};
let maxRatio = 0;
const t0 = performance.now();
for (let run = 0; run < 20; run++) {
  const r = rng.split();
  const means = Array.from({ length: K }, () => r.nextFloat64());
  const env = new BernoulliBandit(means);
  stats.ids!.push(
    simulate(
      r.split(),
      env,
      () => {
        const p = new InformationDirectedSampling(K);
        return p;
      },
      { horizon: T, checkpoints: [T] },
    ).meanRegret[0]!,
  );
  stats.vids!.push(
    simulate(r.split(), env, () => new InformationDirectedSampling(K, { measure: 'variance' }), {
      horizon: T,
      checkpoints: [T],
    }).meanRegret[0]!,
  );
  stats.ts!.push(
    simulate(r.split(), env, () => new BetaThompsonSampling(K), { horizon: T, checkpoints: [T] })
      .meanRegret[0]!,
  );
}
for (const [k, s] of Object.entries(stats))
  console.log(k, s.mean.toFixed(2), '+-', s.standardError.toFixed(2));
console.log('ms', performance.now() - t0);
const p = new InformationDirectedSampling(K);
const rr = createRng(1);
for (let t = 0; t < 300; t++) {
  const a = p.select(rr);
  p.update(a, rr.nextFloat64() < 0.1 * a ? 1 : 0);
  maxRatio = Math.max(maxRatio, p.lastAnalysis!.ratio);
}
console.log('max ratio', maxRatio, 'K/2', K / 2);
