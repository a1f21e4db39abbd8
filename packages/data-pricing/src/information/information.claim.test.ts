import { fc, test } from '@fast-check/vitest';
import {
  createRng,
  klMultivariateGaussian,
  logDetSpd,
  MultivariateNormal,
  randomSpd,
  sampleStandardNormal,
} from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { bayesianLinearRegression } from './bayesianLinearRegression.ts';
import { garble } from './garble.ts';
import { informationGain } from './informationGain.ts';
import { valueOfInformation } from './valueOfInformation.ts';

const stochasticRows = (rows: number, cols: number) =>
  fc
    .array(
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: cols, maxLength: cols }),
      {
        minLength: rows,
        maxLength: rows,
      },
    )
    .map((m) => m.map((r) => r.map((v) => v / r.reduce((a, b) => a + b, 0))));

const problemArb = fc
  .record({
    S: fc.integer({ min: 2, max: 4 }),
    A: fc.integer({ min: 1, max: 4 }),
    M: fc.integer({ min: 1, max: 4 }),
    M2: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ S, A, M, M2 }) =>
    fc.record({
      prior: stochasticRows(1, S).map((r) => r[0]!),
      utility: fc.array(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: A, maxLength: A }),
        { minLength: S, maxLength: S },
      ),
      experiment: stochasticRows(S, M),
      garbling: stochasticRows(M, M2),
    }),
  );

describe('valueOfInformation', () => {
  test.prop([problemArb], { seed: 5, numRuns: 200 })(
    'claim: the value is non-negative, zero for an uninformative experiment, and never grows under garbling',
    ({ prior, utility, experiment, garbling }) => {
      const problem = { prior, utility };
      const v = valueOfInformation(problem, experiment).value;
      expect(v).toBeGreaterThanOrEqual(0);
      const blank = experiment.map(() => experiment[0]!);
      // A sum of at most 16 products of numbers <= 5: 1e-12 absolute is rounding.
      expect(valueOfInformation(problem, blank).value).toBeLessThanOrEqual(1e-12);
      expect(valueOfInformation(problem, garble(experiment, garbling)).value).toBeLessThanOrEqual(
        v + 1e-12,
      );
    },
  );
});

describe('informationGain', () => {
  it('claim: equals the expected KL from posterior to prior (Monte Carlo) and the log-determinant ratio', () => {
    const rng = createRng(7);
    const d = 3;
    const sigma = randomSpd(rng, [2, 1, 0.25]);
    const mean = [0.5, -1, 0];
    const X = Array.from({ length: 4 }, () =>
      Array.from({ length: d }, () => sampleStandardNormal(rng)),
    );
    const noise = Math.SQRT1_2; // the noise's standard deviation: variance 1/2
    const gain = informationGain(sigma, X, noise);
    const post = bayesianLinearRegression({ mean, covariance: sigma }, X, [0, 0, 0, 0], noise);
    expect(gain).toBeCloseTo(0.5 * (logDetSpd(sigma) - logDetSpd(post.covariance)), 10);
    const prior = new MultivariateNormal(mean, sigma);
    const draws = 4000;
    let total = 0;
    let second = 0;
    for (let t = 0; t < draws; t++) {
      const theta = prior.sample(rng);
      const y = X.map(
        (row) =>
          row.reduce((acc, v, j) => acc + v * theta[j]!, 0) + noise * sampleStandardNormal(rng),
      );
      const p = bayesianLinearRegression({ mean, covariance: sigma }, X, y, noise);
      const kl = klMultivariateGaussian(p.mean, p.covariance, mean, sigma);
      total += kl;
      second += kl * kl;
    }
    const mc = total / draws;
    const se = Math.sqrt((second / draws - mc * mc) / draws);
    expect(Math.abs(mc - gain)).toBeLessThan(4 * se);
  });
});
