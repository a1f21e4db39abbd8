import { chiSquareTest } from '../src/stats/chiSquareTest.ts';

/**
 * Significance level of the seeded statistical tests. Each test uses a fixed seed, so it is
 * deterministic; a correct sampler fails a given test with probability 1e-4 over seeds.
 */
export const ALPHA = 1e-4;

/** Chi-square test of integer draws against a pmf over {0, ..., k-1}, merging tail cells with expected count < 5. */
export function chiSquareOfDraws(
  draws: ArrayLike<number>,
  pmf: (k: number) => number,
  support: number,
): number {
  const n = draws.length;
  const counts = new Float64Array(support);
  for (let i = 0; i < n; i++) counts[draws[i]!] = counts[draws[i]!]! + 1;
  const obs: number[] = [];
  const exp: number[] = [];
  let accO = 0;
  let accE = 0;
  for (let k = 0; k < support; k++) {
    accO += counts[k]!;
    accE += pmf(k);
    if (accE * n >= 5) {
      obs.push(accO);
      exp.push(accE);
      accO = 0;
      accE = 0;
    }
  }
  // Fold the remainder (including the tail beyond `support`) into the last cell.
  const restE = 1 - exp.reduce((a, b) => a + b, 0);
  obs[obs.length - 1] = obs[obs.length - 1]! + accO;
  exp[exp.length - 1] = exp[exp.length - 1]! + restE;
  return chiSquareTest(obs, exp).pValue;
}

/** z-score of a sample mean against its expected value and known variance. */
export function meanZScore(xs: ArrayLike<number>, mean: number, variance: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return (s / xs.length - mean) / Math.sqrt(variance / xs.length);
}
