import { chiSquareTestDiscrete } from '../src/stats/chiSquareTestDiscrete.ts';

/**
 * Significance level of the seeded statistical tests. Each test uses a fixed seed, so it is
 * deterministic; a correct sampler fails a given test with probability 1e-4 over seeds.
 */
export const ALPHA = 1e-4;

/** p-value of the chi-square test of integer draws against a pmf (cells merged to expect >= 5). */
export function chiSquareOfDraws(draws: ArrayLike<number>, pmf: (k: number) => number): number {
  return chiSquareTestDiscrete(draws, pmf).pValue;
}

/** z-score of a sample mean against its expected value and known variance. */
export function meanZScore(xs: ArrayLike<number>, mean: number, variance: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return (s / xs.length - mean) / Math.sqrt(variance / xs.length);
}
