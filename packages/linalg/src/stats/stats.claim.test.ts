import { describe, expect, it } from 'vitest';
import { createRng } from '../random/createRng.ts';
import { sampleNormal } from '../random/sampleNormal.ts';
import { bootstrapCi } from './bootstrapCi.ts';
import { fitLine } from './fitLine.ts';

describe('interval coverage claims', () => {
  it('claim: the 95% slope interval covers the true slope in about 95% of noisy fits', () => {
    // With Gaussian residuals the t interval is exact; over 2000 fits the coverage count is
    // Binomial(2000, 0.95): mean 1900, sd 9.7. Accept within 4 sd.
    const rng = createRng(21);
    const x = Array.from({ length: 12 }, (_, i) => Math.log(100 * 2 ** i));
    let covered = 0;
    const m = 2000;
    for (let k = 0; k < m; k++) {
      const y = x.map((v) => 1 + 0.5 * v + sampleNormal(rng, 0, 0.1));
      const [lo, hi] = fitLine(x, y).slopeCi;
      if (lo <= 0.5 && 0.5 <= hi) covered++;
    }
    expect(Math.abs(covered - 0.95 * m)).toBeLessThan(4 * Math.sqrt(m * 0.95 * 0.05));
  });

  it('claim: the percentile interval of the mean covers the true mean about 95% of the time', () => {
    // 300 data sets; coverage count ~ Binomial(300, 0.95) for a consistent interval (the
    // percentile bootstrap undercovers slightly at n = 40: allow 5 sd below, 4 above).
    const rng = createRng(31);
    const mean = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;
    let covered = 0;
    const m = 300;
    for (let k = 0; k < m; k++) {
      const data = Array.from({ length: 40 }, () => sampleNormal(rng, 2, 1));
      const ci = bootstrapCi(rng, data, mean, { resamples: 400 });
      if (ci.lower <= 2 && 2 <= ci.upper) covered++;
    }
    const sd = Math.sqrt(m * 0.95 * 0.05);
    expect(covered).toBeGreaterThan(0.95 * m - 5 * sd);
    expect(covered).toBeLessThan(0.95 * m + 4 * sd);
  });
});
