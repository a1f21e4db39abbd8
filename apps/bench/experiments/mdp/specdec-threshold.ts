import { sampleUniform } from '@x/linalg';
import { bestRejectionThreshold, candidateLengthRate, solveCandidateLength } from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';

const INSTANCES = { quick: 25, full: 100 } as const;
const VALUES = 3;
const MAX_CANDIDATES = 6;

interface Instance {
  readonly optimal: number;
  readonly bestThreshold: number;
  readonly bestFixed: number;
  readonly threshold: boolean;
}

export const experiment = defineClaim<Instance[]>({
  id: 'mdp/specdec-threshold',
  package: '@x/mdp',
  title: 'SpecDec++: the optimal candidate-length policy is a threshold policy',
  source: {
    title:
      'Huang, Guo and Wang, SpecDec++: Boosting Speculative Decoding via Adaptive Candidate Lengths',
    arxiv: '2405.19715',
    where: 'Section 4 (threshold theorem) and Section 5',
  },
  claim: `On random candidate-length MDPs (${VALUES} acceptance values uniform in [0, 1], random weights, draft cost uniform in [0.01, 0.3] of a verification, at most ${MAX_CANDIDATES} candidates), the exact optimal policy is a threshold policy on the rejection probability at every depth, and the best single threshold is at least as fast as the best fixed candidate length.`,
  trials: () => 4,
  trial(rng, scale) {
    const out: Instance[] = [];
    for (let t = 0; t < INSTANCES[scale]; t++) {
      const acceptance = Array.from({ length: VALUES }, () => rng.nextFloat64());
      const raw = Array.from({ length: VALUES }, () => sampleUniform(rng, 0.1, 1));
      const total = raw.reduce((a, b) => a + b, 0);
      const problem = {
        acceptance,
        weights: raw.map((w) => w / total),
        draftCost: sampleUniform(rng, 0.01, 0.3),
        verifyCost: 1,
        maxCandidates: MAX_CANDIDATES,
      };
      const sol = solveCandidateLength(problem);
      let bestFixed = 0;
      for (let K = 1; K <= MAX_CANDIDATES; K++)
        bestFixed = Math.max(bestFixed, candidateLengthRate(problem, { candidates: K }).rate);
      out.push({
        optimal: sol.rate,
        bestThreshold: bestRejectionThreshold(problem).rate,
        bestFixed,
        threshold: sol.isThresholdPolicy,
      });
    }
    return out;
  },
  summarize(trials) {
    const all = trials.flat();
    const thresholdShare = all.filter((i) => i.threshold).length / all.length;
    // Throughputs are ratios of sums of at most 10^4 products: 1e-12 relative is rounding.
    const worst = Math.min(...all.map((i) => i.bestThreshold / i.bestFixed));
    const gain = all.reduce((acc, i) => acc + i.optimal / i.bestFixed - 1, 0) / all.length;
    const holds = thresholdShare === 1 && worst >= 1 - 1e-12;
    const sorted = [...all].sort((a, b) => a.bestFixed - b.bestFixed);
    return {
      metrics: {
        'share of threshold optima': thresholdShare,
        'min best-threshold / best-fixed throughput': worst,
        'mean gain of the optimum over the best fixed length': gain,
      },
      plots: [
        {
          title:
            'Throughput (tokens per verification time): best fixed length, best threshold, optimum',
          xLabel: 'instance (sorted by best fixed length)',
          yLabel: 'tokens per unit time',
          series: [
            {
              name: 'best fixed K',
              x: sorted.map((_, j) => j),
              y: sorted.map((i) => i.bestFixed),
              points: true,
            },
            {
              name: 'best threshold',
              x: sorted.map((_, j) => j),
              y: sorted.map((i) => i.bestThreshold),
              points: true,
            },
            {
              name: 'optimal',
              x: sorted.map((_, j) => j),
              y: sorted.map((i) => i.optimal),
              points: true,
            },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `${(100 * thresholdShare).toFixed(0)}% of optima are threshold policies; best threshold / best fixed >= ${worst.toFixed(4)}; optimum gains ${(100 * gain).toFixed(1)}% on average (claim: 100%, >= 1)`,
      },
    };
  },
});
