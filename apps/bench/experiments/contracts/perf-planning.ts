import type { PrincipalAgentMdp } from '@x/contracts';
import { planContracts, randomPrincipalAgentMdp } from '@x/contracts';
import { type LinearProgram, type Rng, solveLinearProgram } from '@x/linalg';
import { definePerf } from '../../src/Experiment.ts';

const randomPamdp = (rng: Rng, states: number, actions: number, horizon: number) =>
  randomPrincipalAgentMdp(rng, { states, actions, horizon });

/** Wall time of an async call, best of `repeat`, in ms. */
async function time(fn: () => Promise<unknown>, repeat: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** The baseline: the same H S A least-payment programs, each solved on its own (a model per call, presolve on). */
async function oneByOne(problem: PrincipalAgentMdp): Promise<void> {
  const { states: S, actions: A, horizon: H, transitions: P } = problem;
  for (let k = 0; k < H * S; k++) {
    const s = k % S;
    for (let a = 0; a < A; a++) {
      const rows = A - 1;
      const starts = new Int32Array(rows + 1);
      const indices = new Int32Array(rows * S);
      const values = new Float64Array(rows * S);
      const rowLower = new Float64Array(rows);
      let r = 0;
      for (let b = 0; b < A; b++) {
        if (b === a) continue;
        rowLower[r] = problem.costs[s * A + a]! - problem.costs[s * A + b]!;
        for (let t = 0; t < S; t++) {
          indices[r * S + t] = t;
          values[r * S + t] = P[(s * A + a) * S + t]! - P[(s * A + b) * S + t]!;
        }
        starts[++r] = r * S;
      }
      const lp: LinearProgram = {
        sense: 'minimize',
        cost: P.slice((s * A + a) * S, (s * A + a + 1) * S),
        colLower: new Float64Array(S),
        colUpper: new Float64Array(S).fill(Number.POSITIVE_INFINITY),
        rowLower: Float64Array.from(
          { length: rows },
          (_, i) => problem.costs[s * A + a]! - problem.costs[s * A + ((a + 1 + i) % A)]!,
        ),
        rowUpper: new Float64Array(rows).fill(Number.POSITIVE_INFINITY),
        matrix: { starts, indices, values },
      };
      await solveLinearProgram(lp);
    }
  }
}

export const experiment = definePerf({
  id: 'contracts/perf-planning',
  package: '@x/contracts',
  title:
    'Planning contracts for a principal-agent MDP (S = 20, A = 5, H = 20: 2,000 linear programs)',
  source: {
    title:
      'The @x/contracts performance target (issue text): plan S = 20, A = 5, H = 20 in under 2 s on one core',
  },
  claim:
    'planContracts solves the H S A least-payment programs of a step through one HiGHS model without presolve; against solving each program on its own (a model per call, presolve on), in the same run. Reported: ms per plan, LPs per second, and how the time grows with S, A and H.',
  async run(rng, scale) {
    const [S, A, H] = scale === 'full' ? [20, 5, 20] : [20, 5, 5];
    const problem = randomPamdp(rng.split(), S, A, H);
    const lps = S * A * H;
    const cold = await time(() => planContracts(problem), 1);
    const warm = await time(() => planContracts(problem), scale === 'full' ? 5 : 2);
    const baseline = await time(() => oneByOne(problem), 1);
    const growth: Record<string, string | number>[] = [];
    for (const [s, a, h] of [
      [10, 5, H],
      [20, 5, H],
      [40, 5, H],
      [20, 3, H],
      [20, 8, H],
      [20, 5, 2 * H],
    ] as const) {
      const q = randomPamdp(rng.split(), s, a, h);
      const ms = await time(() => planContracts(q), 1);
      growth.push({
        S: s,
        A: a,
        H: h,
        LPs: s * a * h,
        ms: Number(ms.toFixed(1)),
        'LPs/s': Math.round((1000 * s * a * h) / ms),
      });
    }
    return {
      metrics: {
        'plan ms (warm)': warm,
        'plan ms (cold)': cold,
        'LPs per second (warm)': (1000 * lps) / warm,
        'one-by-one baseline ms': baseline,
        'speed-up over one-by-one': baseline / warm,
      },
      table: growth,
      plots: [],
      verdict: {
        holds: null,
        summary: `S = ${S}, A = ${A}, H = ${H} (${lps} LPs): ${warm.toFixed(0)} ms warm, ${cold.toFixed(0)} ms cold, ${((1000 * lps) / warm).toFixed(0)} LPs/s, ${(baseline / warm).toFixed(1)}x the one-by-one baseline${scale === 'full' ? ` (target 2000 ms: ${warm < 2000 ? 'met' : 'not met'})` : ''}`,
      },
    };
  },
});
