import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { Exp3 } from '../adversarial/Exp3.ts';
import { Ucb1 } from '../stochastic/Ucb1.ts';
import { BetaThompsonSampling } from './BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from './GaussianThompsonSampling.ts';

describe('exact propensities', () => {
  it('two Beta arms: P(X > Y) matches the closed form for integer shapes', () => {
    // Beta(2, 1) against Beta(1, 1): P(X > Y) = E[X] under... = integral 2x * x dx = 2/3.
    const p = new BetaThompsonSampling(2);
    p.update(0, 1);
    const probs = p.actionProbabilities(createRng(1));
    expect(Math.abs(probs[0]! - 2 / 3)).toBeLessThan(1e-12);
    expect(Math.abs(probs[1]! - 1 / 3)).toBeLessThan(1e-12);
  });

  it('two Gaussian arms: P(X > Y) = Phi((m1 - m2) / sqrt(s1^2 + s2^2))', async () => {
    const { normalCdf } = await import('@x/linalg');
    const p = new GaussianThompsonSampling(2, { priorMean: 0, priorStd: 1, noiseStd: 1 });
    p.updateMany([0, 0, 1], [1.2, 0.4, -0.3]);
    // Posteriors: arm 0 precision 3, mean 1.6/3; arm 1 precision 2, mean -0.3/2.
    const expected = normalCdf((1.6 / 3 + 0.15) / Math.sqrt(1 / 3 + 1 / 2));
    const probs = p.actionProbabilities(createRng(1));
    expect(Math.abs(probs[0]! - expected)).toBeLessThan(1e-12);
  });

  test.prop(
    [fc.array(fc.tuple(fc.nat({ max: 3 }), fc.constantFrom(0, 1)), { maxLength: 80 }), fc.nat()],
    {
      seed: 5,
      numRuns: 15,
    },
  )(
    'Beta TS: the chosen arm always has a positive propensity, and frequencies match it',
    (h, seed) => {
      const p = new BetaThompsonSampling(4);
      for (const [a, r] of h) p.update(a, r);
      const rng = createRng(seed);
      const exact = p.actionProbabilities(rng);
      let s = 0;
      for (const x of exact) s += x;
      expect(Math.abs(s - 1)).toBeLessThan(1e-12);
      for (let i = 0; i < 3; i++) {
        const c = p.selectWithPropensity(rng);
        expect(c.exact).toBe(true);
        expect(c.propensity).toBeGreaterThan(0);
        expect(c.propensity).toBe(exact[c.arm]);
      }
      const n = 4000;
      const counts = new Float64Array(4);
      for (let i = 0; i < n; i++) counts[p.select(rng)]! += 1;
      // Frequencies within 5 binomial standard errors of the exact propensities.
      for (let a = 0; a < 4; a++)
        expect(Math.abs(counts[a]! / n - exact[a]!)).toBeLessThanOrEqual(
          5 * Math.sqrt((exact[a]! * (1 - exact[a]!)) / n) + 1e-9,
        );
    },
  );

  it('selectWithPropensity chooses what select chooses from the same generator state', () => {
    for (const p of [new BetaThompsonSampling(3), new Ucb1(3), new Exp3(3)]) {
      p.updateMany([0, 1, 2, 0], [1, 0, 1, 1]);
      for (let seed = 0; seed < 20; seed++) {
        const c = p.selectWithPropensity(createRng(seed));
        expect(c.arm).toBe(p.select(createRng(seed)));
        expect(c.propensity).toBeGreaterThan(0);
      }
    }
    expect(new Ucb1(2).selectWithPropensity(createRng(1)).propensity).toBe(0.5);
    expect(() => new Ucb1(2).selectWithPropensity(createRng(1), { method: 'x' as never })).toThrow(
      /Ucb1.selectWithPropensity: method must be 'exact' or 'monte-carlo'/,
    );
  });
});
