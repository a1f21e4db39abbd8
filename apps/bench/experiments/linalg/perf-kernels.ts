import {
  AliasTable,
  choleskySolve,
  createRng,
  randomSpd,
  sampleCategorical,
  sampleStandardNormal,
  shermanMorrisonUpdate,
} from '@x/linalg';
import { inverse, Matrix, solve } from 'ml-matrix';
import { definePerf } from '../../src/Experiment.ts';
import { comparePerf, type PerfRow, perfTable } from '../../src/perf.ts';

/** Keeps results alive so the JIT cannot drop the timed work. */
let sink = 0;

export const experiment = definePerf({
  id: 'linalg/perf-kernels',
  package: '@x/linalg',
  title: 'Hot kernels of @x/linalg against plain baselines',
  source: {
    title: 'Golub and Van Loan, Matrix Computations, 4th ed.',
    where: 'Sections 2.1.4 and 4.2',
  },
  claim:
    'Structure pays: a Cholesky solve beats a general LU solve, an O(d^2) Sherman-Morrison update beats re-inversion, an alias table beats a linear scan; the inversion normal sampler (one uniform per draw, no cached state, so saved RNG states replay exactly) costs about as much as textbook Box-Muller.',
  async run(rng, scale) {
    const d = 20;
    const ev = Array.from({ length: d }, (_, i) => 1 + i);
    const a = randomSpd(rng, ev);
    const b = Array.from({ length: d }, (_, i) => Math.sin(i));
    const out = new Float64Array(d);
    const inv = Float64Array.from(inverse(a).to1DArray());
    const u = Float64Array.from({ length: d }, (_, i) => 0.01 * Math.cos(i));
    const scratch = new Float64Array(2 * d);
    const bCol = Matrix.columnVector(b);
    const weights = Array.from({ length: 1000 }, (_, i) => 1 + (i % 7));
    const table = new AliasTable(weights);
    const r = createRng(5);
    const batch = 1000;

    const groups: [string, PerfRow[]][] = [
      [
        'solve SPD d=20',
        await comparePerf(
          {
            name: 'ml-matrix solve (LU)',
            fn: () => {
              sink += solve(a, bCol).get(0, 0);
            },
            opsPerCall: 1,
          },
          [
            {
              name: 'choleskySolve',
              fn: () => {
                sink += choleskySolve(a, b, out)[0]!;
              },
              opsPerCall: 1,
            },
          ],
          scale,
        ),
      ],
      [
        'rank-1 inverse update d=20',
        await comparePerf(
          {
            name: 'ml-matrix inverse(A + uu^T)',
            fn: () => {
              const uu = Matrix.columnVector(Array.from(u)).mmul(Matrix.rowVector(Array.from(u)));
              sink += inverse(a.clone().add(uu)).get(0, 0);
            },
            opsPerCall: 1,
          },
          [
            {
              name: 'shermanMorrisonUpdate',
              fn: () => {
                shermanMorrisonUpdate(inv, u, u, { scratch });
                sink += inv[0]!;
              },
              opsPerCall: 1,
            },
          ],
          scale,
        ),
      ],
      [
        'categorical draw K=1000',
        await comparePerf(
          {
            name: 'sampleCategorical (linear scan)',
            fn: () => {
              sink += sampleCategorical(r, weights);
            },
            opsPerCall: 1,
          },
          [
            {
              name: 'AliasTable.sample',
              fn: () => {
                for (let i = 0; i < batch; i++) sink += table.sample(r);
              },
              opsPerCall: batch,
            },
          ],
          scale,
        ),
      ],
      [
        'standard normal draw',
        await comparePerf(
          {
            name: 'Box-Muller (textbook)',
            fn: () => {
              for (let i = 0; i < batch; i++)
                sink +=
                  Math.sqrt(-2 * Math.log1p(-r.nextFloat64())) *
                  Math.cos(2 * Math.PI * r.nextFloat64());
            },
            opsPerCall: batch,
          },
          [
            {
              name: 'sampleStandardNormal (inversion)',
              fn: () => {
                for (let i = 0; i < batch; i++) sink += sampleStandardNormal(r);
              },
              opsPerCall: batch,
            },
          ],
          scale,
        ),
      ],
    ];
    const metrics: Record<string, number> = {};
    const rows: Record<string, string | number>[] = [];
    for (const [kernel, perf] of groups) {
      for (const [i, row] of perfTable(perf).entries())
        rows.push({ kernel: i === 0 ? kernel : '', ...row });
      metrics[`speedup: ${kernel}`] = perf[1]!.speedupOverBaseline;
    }
    const summary = groups
      .map(([kernel, perf]) => `${kernel} x${perf[1]!.speedupOverBaseline.toFixed(1)}`)
      .join('; ');
    return {
      metrics: { ...metrics, sink: Number.isFinite(sink) ? 0 : 1 },
      table: rows,
      plots: [],
      verdict: { holds: null, summary },
    };
  },
});
