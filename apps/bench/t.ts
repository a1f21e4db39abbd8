import { BernoulliBandit, BetaThompsonSampling, KlUcb, simulate, Ucb1 } from '@x/bandits';
import { createRng, fitLine, klBernoulli } from '@x/linalg';

for (const means of [
  [0.9, 0.8, 0.7],
  [0.5, 0.4, 0.4],
  [0.9, 0.6, 0.3],
]) {
  const env = new BernoulliBandit(means);
  const mx = Math.max(...means);
  const lr = means.filter((m) => m < mx).reduce((s, m) => s + (mx - m) / klBernoulli(m, mx), 0);
  const ucbBound = means.filter((m) => m < mx).reduce((s, m) => s + 8 / (mx - m), 0);
  console.log(means, 'LR const', lr.toFixed(2), 'UCB1 bound slope', ucbBound.toFixed(1));
  for (const [name, mk] of [
    ['ucb1', () => new Ucb1(3)],
    ['klucb', () => new KlUcb(3)],
    ['ts', () => new BetaThompsonSampling(3)],
  ] as const) {
    const T = 50000;
    const cps = [1000, 2000, 5000, 10000, 20000, 50000];
    const r = simulate(createRng(1), env, mk, { horizon: T, runs: 100, checkpoints: cps });
    const late = fitLine(cps.slice(2).map(Math.log), Array.from(r.meanRegret.slice(2)));
    console.log(
      name,
      'R',
      Array.from(r.meanRegret, (x) => x.toFixed(1)).join(' '),
      'slope vs log t',
      late.slope.toFixed(2),
      late.slopeCi.map((x) => x.toFixed(2)),
    );
  }
}
