import { knnShapley } from '@x/data-pricing';
import { sampleStandardNormal } from '@x/linalg';
import { definePerf } from '../../src/Experiment.ts';
import { comparePerf, perfTable } from '../../src/perf.ts';

const N = 1000;
const T = 200;
const D = 10;
const K = 5;
let sink = 0;

export const experiment = definePerf({
  id: 'data-pricing/perf-knn-shapley',
  package: '@x/data-pricing',
  title: `Exact KNN-Shapley with ${N} training and ${T} test points in ${D} dimensions (K = ${K})`,
  source: {
    title: 'The @x/data-pricing performance target (issue text): under 25 ms',
  },
  claim:
    'The O(N log N)-per-test-point recursion of Jia et al. runs far faster than evaluating each point with an O(N) sum (O(N^2) per test point); the time is reported against the target.',
  async run(rng, scale) {
    const gaussianRows = (n: number) =>
      Array.from({ length: n }, () => Array.from({ length: D }, () => sampleStandardNormal(rng)));
    const train = { x: gaussianRows(N), y: Array.from({ length: N }, (_, i) => i % 3) };
    const test = { x: gaussianRows(T), y: Array.from({ length: T }, (_, i) => i % 3) };
    // Naive: same sort, then each point's value by summing the recursion's increments from the
    // far end, O(N) per point.
    const naive = () => {
      const values = new Float64Array(N);
      for (let t = 0; t < T; t++) {
        const dist = train.x.map((row) =>
          row.reduce((acc, v, j) => acc + (v - test.x[t]![j]!) ** 2, 0),
        );
        const order = Array.from({ length: N }, (_, i) => i).sort(
          (a, b) => dist[a]! - dist[b]! || a - b,
        );
        const h = order.map((i) => (train.y[i] === test.y[t] ? 1 : 0));
        for (let r = 0; r < N; r++) {
          let s = (h[N - 1]! * Math.min(K, N)) / (N * K);
          for (let q = N - 1; q > r; q--) s += ((h[q - 1]! - h[q]!) / K) * (Math.min(K, q) / q);
          values[order[r]!]! += s / T;
        }
      }
      return values[0]!;
    };
    const rows = await comparePerf(
      {
        name: 'naive (number[][], O(N^2) per test point)',
        fn: () => {
          sink += naive();
        },
        opsPerCall: 1,
      },
      [
        {
          name: '@x/data-pricing knnShapley',
          fn: () => {
            sink += knnShapley(train, test, K)[0]!;
          },
          opsPerCall: 1,
        },
      ],
      scale,
      { iterations: scale === 'full' ? 20 : 3 },
    );
    const ms = (i: number) => 1000 / rows[i]!.opsPerSecond;
    return {
      metrics: {
        'knnShapley ms': ms(1),
        'naive ms': ms(0),
        sink: Number.isFinite(sink) ? 0 : 1,
      },
      table: perfTable(rows).map((row, i) => ({ ...row, 'ms per call': Number(ms(i).toFixed(2)) })),
      plots: [],
      verdict: {
        holds: null,
        summary: `knnShapley ${ms(1).toFixed(1)} ms (target 25 ms, ${ms(1) < 25 ? 'met' : 'not met'}); naive ${ms(0).toFixed(0)} ms`,
      },
    };
  },
});
