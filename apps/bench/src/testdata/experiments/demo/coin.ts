import { sampleBernoulli } from '@x/linalg';
import { defineClaim } from '../../../Experiment.ts';

/** A tiny claim for the harness's own tests: a fair coin's frequency is near 1/2. */
export const experiment = defineClaim<number>({
  id: 'demo/coin',
  package: '@x/linalg',
  title: 'A fair coin',
  source: {
    title: 'Feller, An Introduction to Probability Theory and Its Applications, Vol. 1',
    where: 'Chapter VI',
  },
  claim: 'The frequency of heads in 1000 tosses is within 4 standard errors of 1/2.',
  trials: (scale) => (scale === 'quick' ? 6 : 20),
  trial(rng) {
    let heads = 0;
    for (let i = 0; i < 1000; i++) heads += sampleBernoulli(rng, 0.5);
    return heads / 1000;
  },
  summarize(results) {
    const mean = results.reduce((a, b) => a + b, 0) / results.length;
    const se = Math.sqrt(0.25 / (1000 * results.length));
    return {
      metrics: { mean },
      plots: [
        {
          title: 'Frequencies',
          xLabel: 'trial',
          yLabel: 'frequency',
          series: [{ name: 'heads', x: results.map((_, i) => i), y: [...results] }],
        },
      ],
      verdict: { holds: Math.abs(mean - 0.5) < 4 * se, summary: `mean ${mean.toFixed(4)}` },
    };
  },
});
