import { fitLogLogSlope, RunningStats, sampleNormal } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';

const EXPONENTS = [0.25, 0.5, 0.75, 1] as const;
const HORIZONS = Array.from({ length: 10 }, (_, i) => Math.round(100 * 1000 ** (i / 9)));
const NOISE = 0.1;
const TRIALS = { quick: 200, full: 5000 } as const;

interface TrialResult {
  readonly slopes: number[];
  readonly covered: boolean[];
  /** The noisy curves of this trial, kept for the plot (trial 0 only). */
  readonly curves?: number[][];
}

export const experiment = defineClaim<TrialResult>({
  id: 'linalg/slope-fit-recovery',
  package: '@x/linalg',
  title: 'The log-log slope fitter recovers known rates',
  source: {
    title: 'Montgomery, Peck and Vining, Introduction to Linear Regression Analysis',
    where: 'Sections 2.2-2.4',
  },
  claim:
    'On curves y = C T^s with multiplicative log-normal noise (sd 0.1) over T = 100..100000, fitLogLogSlope is unbiased for s and its 95% interval covers s in 95% of trials, for s in {0.25, 0.5, 0.75, 1}.',
  trials: (scale) => TRIALS[scale],
  trial(rng, _scale, index) {
    const slopes: number[] = [];
    const covered: boolean[] = [];
    const curves: number[][] = [];
    for (const s of EXPONENTS) {
      const y = HORIZONS.map((t) => 3 * t ** s * Math.exp(sampleNormal(rng, 0, NOISE)));
      const fit = fitLogLogSlope(HORIZONS, y);
      slopes.push(fit.slope);
      covered.push(fit.slopeCi[0] <= s && s <= fit.slopeCi[1]);
      curves.push(y);
    }
    return index === 0 ? { slopes, covered, curves } : { slopes, covered };
  },
  summarize(results) {
    const m = results.length;
    const metrics: Record<string, number> = {};
    const lines: string[] = [];
    let holds = true;
    const coverageSd = Math.sqrt((0.95 * 0.05) / m);
    EXPONENTS.forEach((s, j) => {
      const acc = new RunningStats();
      let cov = 0;
      for (const r of results) {
        acc.push(r.slopes[j]!);
        if (r.covered[j]) cov++;
      }
      const coverage = cov / m;
      metrics[`meanSlope(s=${s})`] = acc.mean;
      metrics[`coverage(s=${s})`] = coverage;
      const unbiased = Math.abs(acc.mean - s) < 4 * acc.standardError;
      const calibrated = Math.abs(coverage - 0.95) < 4 * coverageSd;
      holds &&= unbiased && calibrated;
      lines.push(`s=${s}: mean ${acc.mean.toFixed(4)}, coverage ${(100 * coverage).toFixed(1)}%`);
    });
    const example = results[0]!.curves!;
    return {
      metrics,
      plots: [
        {
          title: 'One trial: noisy power laws and their fitted slopes',
          xLabel: 'T',
          yLabel: 'y',
          xScale: 'log',
          yScale: 'log',
          series: EXPONENTS.map((s, j) => ({
            name: `s=${s}, fitted ${results[0]!.slopes[j]!.toFixed(3)}`,
            x: HORIZONS,
            y: example[j]!,
          })),
        },
      ],
      verdict: {
        holds,
        summary: `${m} trials; ${lines.join('; ')} (claim: mean = s, coverage 95% +- ${(400 * coverageSd).toFixed(1)}%)`,
      },
    };
  },
});
