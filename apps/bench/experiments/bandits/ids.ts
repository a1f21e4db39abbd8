import {
  BernoulliBandit,
  BetaThompsonSampling,
  InformationDirectedSampling,
  simulateBandit,
} from '@x/bandits';
import { RunningStats } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';

const ARMS = { quick: [3, 5, 8], full: [3, 5, 10, 15] } as const;
const HORIZON = { quick: 300, full: 1000 } as const;
const TRIALS = { quick: 40, full: 200 } as const;

interface Trial {
  /** Per arm count A: IDS regret, TS regret, and the largest information ratio IDS met. */
  readonly ids: number[];
  readonly ts: number[];
  readonly maxRatio: number[];
}

export const experiment = defineClaim<Trial>({
  id: 'bandits/ids',
  package: '@x/bandits',
  title:
    'Information-directed sampling: ratio, scaling in the number of arms, and against Thompson sampling',
  source: {
    title: 'Russo and Van Roy, Learning to Optimize via Information-Directed Sampling',
    arxiv: '1403.5556',
    where: 'Sections 5-7',
  },
  claim:
    "On Bernoulli bandits with means drawn uniformly (the paper's Bayesian setting), every distribution IDS plays has information ratio at most A/2; R(T)/sqrt(AT) stays flat as the number of arms A grows (max/min below 2); and IDS has no more Bayesian regret than Thompson sampling.",
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const T = HORIZON[scale];
    const out: Trial = { ids: [], ts: [], maxRatio: [] };
    for (const A of ARMS[scale]) {
      const r = rng.split();
      const means = Array.from({ length: A }, () => r.nextFloat64());
      const env = new BernoulliBandit(means);
      let maxRatio = 0;
      const make = () => {
        const p = new InformationDirectedSampling(A, { gridPerArm: 40 });
        const select = p.select.bind(p);
        p.select = (g, o) => {
          const a = select(g, o);
          maxRatio = Math.max(maxRatio, p.lastAnalysis!.ratio);
          return a;
        };
        return p;
      };
      out.ids.push(
        simulateBandit(r.split(), env, make, { rounds: T, checkpoints: [T] }).series.regret
          .mean[0]!,
      );
      out.ts.push(
        simulateBandit(r.split(), env, () => new BetaThompsonSampling(A), {
          rounds: T,
          checkpoints: [T],
        }).series.regret.mean[0]!,
      );
      out.maxRatio.push(maxRatio);
    }
    return out;
  },
  summarize(trials, scale) {
    const arms = [...ARMS[scale]];
    const T = HORIZON[scale];
    const ids = arms.map(() => new RunningStats());
    const ts = arms.map(() => new RunningStats());
    const diff = arms.map(() => new RunningStats());
    let ratioOk = true;
    let worstRatio = 0;
    for (const t of trials) {
      arms.forEach((A, i) => {
        ids[i]!.push(t.ids[i]!);
        ts[i]!.push(t.ts[i]!);
        diff[i]!.push(t.ids[i]! - t.ts[i]!);
        ratioOk &&= t.maxRatio[i]! <= A / 2;
        worstRatio = Math.max(worstRatio, t.maxRatio[i]! / (A / 2));
      });
    }
    const normalised = arms.map((A, i) => ids[i]!.mean / Math.sqrt(A * T));
    const flat = Math.max(...normalised) / Math.min(...normalised);
    const notWorse = diff.every((d) => d.mean < 2 * d.standardError);
    const metrics: Record<string, number> = {
      'max ratio / (A/2)': worstRatio,
      'max/min of R/sqrt(AT)': flat,
    };
    arms.forEach((A, i) => {
      metrics[`A=${A}: IDS regret`] = ids[i]!.mean;
      metrics[`A=${A}: TS regret`] = ts[i]!.mean;
    });
    return {
      metrics,
      plots: [
        {
          title: `Bayesian regret at T = ${T} against the number of arms`,
          xLabel: 'arms A',
          yLabel: 'regret',
          series: [
            {
              name: 'IDS',
              x: arms,
              y: ids.map((s) => s.mean),
              lower: ids.map((s) => s.mean - 1.96 * s.standardError),
              upper: ids.map((s) => s.mean + 1.96 * s.standardError),
            },
            {
              name: 'Thompson sampling',
              x: arms,
              y: ts.map((s) => s.mean),
              lower: ts.map((s) => s.mean - 1.96 * s.standardError),
              upper: ts.map((s) => s.mean + 1.96 * s.standardError),
            },
          ],
        },
        {
          title: 'IDS regret / sqrt(A T): flat in A',
          xLabel: 'arms A',
          yLabel: 'R(T) / sqrt(AT)',
          series: [{ name: 'IDS', x: arms, y: normalised }],
        },
      ],
      verdict: {
        holds: ratioOk && flat < 2 && notWorse,
        summary: `ratio <= A/2 in every round: ${ratioOk ? 'yes' : 'no'} (max ${worstRatio.toFixed(2)} of the bound); R/sqrt(AT) max/min ${flat.toFixed(2)}; IDS - TS regret: ${diff.map((d, i) => `A=${arms[i]} ${d.mean.toFixed(1)}+-${d.standardError.toFixed(1)}`).join(', ')}`,
      },
    };
  },
});
