import { defineClaim } from '../../../Experiment.ts';

/** A claim whose trial throws, for the harness's error handling test. */
export const experiment = defineClaim<number>({
  id: 'demo/broken',
  package: '@x/linalg',
  title: 'A broken experiment',
  source: { title: 'none' },
  claim: 'Throws.',
  trials: () => 2,
  trial() {
    throw new Error('demo/broken: this trial always throws');
  },
  summarize: () => ({ metrics: {}, plots: [], verdict: { holds: true, summary: '' } }),
});
