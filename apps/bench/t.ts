import { LinearContextualBandit, LinearThompsonSampling, LinUcb, simulate } from '@x/bandits';
import { createRng, fitLogLogSlope } from '@x/linalg';

const rng = createRng(5);
for (const [d, K] of [
  [5, 100],
  [10, 200],
  [5, 500],
]) {
  const theta = Array.from({ length: d }, (_, i) => (i === 0 ? 1 : 0));
  const env = new LinearContextualBandit(theta, K, { noise: 0.5 });
  for (const [name, mk] of [
    [
      'oful',
      () =>
        new LinUcb(K, d, {
          model: 'shared',
          oful: { noise: 0.5, delta: 0.1, thetaNorm: 1, featureNorm: 1 },
        }),
    ],
    ['lints', () => new LinearThompsonSampling(K, d, { scale: 0.5 })],
  ] as const) {
    const t0 = performance.now();
    const cps = [250, 500, 1000, 2000, 4000];
    const r = simulate(rng.split(), env, mk, { horizon: 4000, runs: 4, checkpoints: cps });
    console.log(
      d,
      K,
      name,
      Array.from(r.meanRegret, (x) => x.toFixed(1)).join(' '),
      'slope',
      fitLogLogSlope(cps, r.meanRegret).slope.toFixed(2),
      (performance.now() - t0).toFixed(0),
      'ms',
    );
  }
}
