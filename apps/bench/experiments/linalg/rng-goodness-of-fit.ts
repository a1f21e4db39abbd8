import {
  AliasTable,
  binomialLogPmf,
  chiSquareTestDiscrete,
  kolmogorovSmirnovTest,
  normalCdf,
  poissonLogPmf,
  type Rng,
  regularizedBeta,
  regularizedGamma,
  sampleBeta,
  sampleBinomial,
  sampleExponential,
  sampleGamma,
  sampleNormal,
  samplePoisson,
  sampleUniform,
} from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';

interface Case {
  readonly name: string;
  readonly draw: (rng: Rng) => number;
  /** A continuous CDF (Kolmogorov-Smirnov) or a pmf on 0, 1, 2, ... (chi-square). */
  readonly cdf?: (x: number) => number;
  readonly pmf?: (k: number) => number;
}

const binomPmf = (n: number, p: number) => (k: number) => Math.exp(binomialLogPmf(k, n, p));
const poisPmf = (l: number) => (k: number) => Math.exp(poissonLogPmf(k, l));
const aliasWeights = [5, 1, 0, 2, 8, 3, 1];
const alias = new AliasTable(aliasWeights);

const CASES: readonly Case[] = [
  {
    name: 'uniform(-1, 3)',
    draw: (r) => sampleUniform(r, -1, 3),
    cdf: (x) => Math.min(1, Math.max(0, (x + 1) / 4)),
  },
  {
    name: 'normal(2, 0.5)',
    draw: (r) => sampleNormal(r, 2, 0.5),
    cdf: (x) => normalCdf(x, 2, 0.5),
  },
  { name: 'exponential(3)', draw: (r) => sampleExponential(r, 3), cdf: (x) => -Math.expm1(-3 * x) },
  { name: 'gamma(0.3)', draw: (r) => sampleGamma(r, 0.3), cdf: (x) => regularizedGamma(0.3, x) },
  {
    name: 'gamma(4.5, 2)',
    draw: (r) => sampleGamma(r, 4.5, 2),
    cdf: (x) => regularizedGamma(4.5, x / 2),
  },
  {
    name: 'beta(0.5, 0.5)',
    draw: (r) => sampleBeta(r, 0.5, 0.5),
    cdf: (x) => regularizedBeta(x, 0.5, 0.5),
  },
  { name: 'beta(2, 7)', draw: (r) => sampleBeta(r, 2, 7), cdf: (x) => regularizedBeta(x, 2, 7) },
  { name: 'binomial(20, 0.3)', draw: (r) => sampleBinomial(r, 20, 0.3), pmf: binomPmf(20, 0.3) },
  {
    name: 'binomial(1000, 0.4)',
    draw: (r) => sampleBinomial(r, 1000, 0.4),
    pmf: binomPmf(1000, 0.4),
  },
  { name: 'poisson(3.5)', draw: (r) => samplePoisson(r, 3.5), pmf: poisPmf(3.5) },
  { name: 'poisson(250)', draw: (r) => samplePoisson(r, 250), pmf: poisPmf(250) },
  {
    name: 'alias table (7 categories)',
    draw: (r) => alias.sample(r),
    pmf: (k) => (aliasWeights[k] ?? 0) / 20,
  },
];

const SAMPLE_SIZE = { quick: 20_000, full: 1_000_000 } as const;
const REPLICATES = { quick: 2, full: 10 } as const;
const FAMILY_ALPHA = 0.001;

interface TrialResult {
  readonly name: string;
  readonly test: 'KS' | 'chi-square';
  readonly pValue: number;
}

export const experiment = defineClaim<TrialResult>({
  id: 'linalg/rng-goodness-of-fit',
  package: '@x/linalg',
  title: 'Samplers pass goodness-of-fit tests',
  source: {
    title: 'Knuth, The Art of Computer Programming, Vol. 2 (empirical tests of random numbers)',
    where: 'Section 3.3.1',
  },
  claim:
    'Every sampler draws from its stated law: Kolmogorov-Smirnov (continuous) and chi-square (discrete) tests on 10^6 draws each, replicated, give uniform p-values and none below a Bonferroni-corrected 0.001.',
  trials: (scale) => CASES.length * REPLICATES[scale],
  trial(rng, scale, index) {
    const c = CASES[index % CASES.length]!;
    const n = SAMPLE_SIZE[scale];
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = c.draw(rng);
    if (c.cdf) return { name: c.name, test: 'KS', pValue: kolmogorovSmirnovTest(xs, c.cdf).pValue };
    return { name: c.name, test: 'chi-square', pValue: chiSquareTestDiscrete(xs, c.pmf!).pValue };
  },
  summarize(results, scale) {
    const ps = results.map((r) => r.pValue).sort((a, b) => a - b);
    const m = ps.length;
    const threshold = FAMILY_ALPHA / m;
    const minP = ps[0]!;
    const uniformity = kolmogorovSmirnovTest(ps, (x) => Math.min(1, Math.max(0, x))).pValue;
    const holds = minP > threshold && uniformity > FAMILY_ALPHA;
    const worst = results.reduce((a, b) => (b.pValue < a.pValue ? b : a));
    return {
      metrics: {
        tests: m,
        drawsPerTest: SAMPLE_SIZE[scale],
        minPValue: minP,
        bonferroniThreshold: threshold,
        uniformityPValue: uniformity,
      },
      table: results.map((r) => ({
        sampler: r.name,
        test: r.test,
        'p-value': Number(r.pValue.toPrecision(4)),
      })),
      plots: [
        {
          title: 'P-P plot of the p-values (uniform under the claim: on the diagonal)',
          xLabel: 'uniform quantile',
          yLabel: 'sorted p-value',
          series: [
            { name: 'p-values', x: ps.map((_, i) => (i + 0.5) / m), y: ps, points: true },
            { name: 'diagonal', x: [0, 1], y: [0, 1] },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `${m} tests of ${SAMPLE_SIZE[scale]} draws; min p ${minP.toPrecision(3)} (${worst.name}) vs Bonferroni ${threshold.toPrecision(2)}; p-values uniform: KS p ${uniformity.toPrecision(3)}`,
      },
    };
  },
});
