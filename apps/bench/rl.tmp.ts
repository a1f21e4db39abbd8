import { createRng, fitLogLogSlope } from '@x/linalg';
import { randomEnvironmentClass } from '../../packages/mdp/src/rlhf/randomEnvironmentClass.ts';
import { RlhfIds } from '../../packages/mdp/src/rlhf/RlhfIds.ts';
import { simulateRlhf } from '../../packages/mdp/src/rlhf/simulateRlhf.ts';
const K = 800;
const checkpoints = [50, 100, 200, 400, 800];
for (const [seed, size, spread] of [[1, 20, 0.3], [2, 20, 0.3], [3, 20, 0.3]] as const) {
const envs = randomEnvironmentClass(createRng(seed), { states: 3, actions: 2, horizon: 3, size, spread, transitionSpread: 0.05 });
for (const [variant, feedback] of [['exact','preference'],['approximate','preference'],['exact','reward']] as const) {
  const t = Date.now();
  const r = simulateRlhf(createRng(2), envs, () => new RlhfIds(envs, { variant, feedback, informationSamples: 16 }), { episodes: K, runs: 8, checkpoints, feedback });
  console.log(seed, size, spread, variant, feedback, Array.from(r.meanRegret).map(x => x.toFixed(2)).join(' '), 'slope', fitLogLogSlope(checkpoints, r.meanRegret).slope.toFixed(2), Date.now() - t, 'ms');
}}
