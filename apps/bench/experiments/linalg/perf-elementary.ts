import { createRng, sampleBeta, sampleGamma } from '@x/linalg';
import { exp, log, log1p, pow } from '@x/linalg/math';
import { definePerf } from '../../src/Experiment.ts';
import { comparePerf, type PerfCase, type PerfRow, perfTable } from '../../src/perf.ts';

/** Keeps results alive so the JIT cannot drop the timed work. */
let sink = 0;
const N = 4096;

/** A case applying `f` to every argument of a fixed buffer. */
function apply(name: string, f: (x: number) => number, xs: Float64Array): PerfCase {
  return {
    name,
    opsPerCall: N,
    fn: () => {
      let s = 0;
      for (let i = 0; i < N; i++) s += f(xs[i]!);
      sink += s;
    },
  };
}

export const experiment = definePerf({
  id: 'linalg/perf-elementary',
  package: '@x/linalg',
  title: 'The price of the same bits in every engine: @x/linalg/math against Math',
  source: {
    title: 'ECMAScript 2024, Section 21.3.2 (Math functions are implementation-approximated)',
  },
  claim:
    "The library's logarithms, exponentials and powers are built from IEEE basic operations so that Node, Chromium, Firefox and Safari give the same bits; they cost a small factor over the engine's own, and the samplers that use them stay within the throughput targets.",
  async run(rng, scale) {
    const positive = Float64Array.from({ length: N }, () => 1e-3 + 50 * rng.nextFloat64());
    const signed = Float64Array.from({ length: N }, () => 20 * (rng.nextFloat64() - 0.5));
    const groups: [string, PerfRow[]][] = [
      [
        'log',
        await comparePerf(
          apply('Math.log', Math.log, positive),
          [apply('log', log, positive)],
          scale,
        ),
      ],
      [
        'exp',
        await comparePerf(apply('Math.exp', Math.exp, signed), [apply('exp', exp, signed)], scale),
      ],
      [
        'log1p',
        await comparePerf(
          apply('Math.log1p', Math.log1p, positive),
          [apply('log1p', log1p, positive)],
          scale,
        ),
      ],
      [
        'pow(x, 0.3)',
        await comparePerf(
          apply('Math.pow', (x) => x ** 0.3, positive),
          [apply('pow', (x) => pow(x, 0.3), positive)],
          scale,
        ),
      ],
    ];
    // The samplers on the portable functions, in draws per second (Gamma with shape < 1 and
    // Beta draws need a logarithm per draw, Gamma with shape >= 1 only when the squeeze fails).
    const r = createRng(3);
    const samplers = await comparePerf(
      {
        name: 'sampleGamma(2.5)',
        opsPerCall: N,
        fn: () => {
          for (let i = 0; i < N; i++) sink += sampleGamma(r, 2.5);
        },
      },
      [
        {
          name: 'sampleGamma(0.7)',
          opsPerCall: N,
          fn: () => {
            for (let i = 0; i < N; i++) sink += sampleGamma(r, 0.7);
          },
        },
        {
          name: 'sampleBeta(0.5, 0.5)',
          opsPerCall: N,
          fn: () => {
            for (let i = 0; i < N; i++) sink += sampleBeta(r, 0.5, 0.5);
          },
        },
      ],
      scale,
    );
    groups.push(['samplers', samplers]);
    const rows: Record<string, string | number>[] = [];
    const metrics: Record<string, number> = {};
    const parts: string[] = [];
    for (const [name, perf] of groups) {
      for (const [i, row] of perfTable(perf).entries())
        rows.push({ function: i === 0 ? name : '', ...row });
      if (name === 'samplers') {
        for (const p of perf) metrics[`${p.name}: draws/s`] = p.opsPerSecond;
        continue;
      }
      // speedupOverBaseline < 1: the cost is its inverse.
      const cost = 1 / perf[1]!.speedupOverBaseline;
      metrics[`${name}: cost x Math`] = cost;
      parts.push(`${name} ${cost.toFixed(2)}x`);
    }
    return {
      metrics: { ...metrics, sink: Number.isFinite(sink) ? 0 : 1 },
      table: rows,
      plots: [],
      verdict: {
        holds: null,
        summary: `cost of the same bits in every engine, per call against the engine's own: ${parts.join(', ')}`,
      },
    };
  },
});
