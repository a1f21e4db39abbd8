import { createRng, fitLine, fitLogLogSlope, klBernoulli } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { AdversarialBandit } from './adversarial/AdversarialBandit.ts';
import { Exp3 } from './adversarial/Exp3.ts';
import { BetaThompsonSampling } from './bayesian/BetaThompsonSampling.ts';
import { simulateBandit } from './core/simulateBandit.ts';
import { BernoulliBandit } from './stochastic/BernoulliBandit.ts';
import { KlUcb } from './stochastic/KlUcb.ts';
import { Ucb1 } from './stochastic/Ucb1.ts';

const MEANS = [0.9, 0.6, 0.3];
const BEST = 0.9;
const GAPS = MEANS.filter((m) => m < BEST).map((m) => BEST - m);
/** Lai-Robbins constant: sum over suboptimal arms of gap / kl(mu_a, mu*). */
const LAI_ROBBINS = MEANS.filter((m) => m < BEST).reduce(
  (s, m) => s + (BEST - m) / klBernoulli(m, BEST),
  0,
);

describe('UCB1 (Auer et al. 2002, Theorem 1)', () => {
  it('claim: regret stays under 8 sum log t / gap + (1 + pi^2/3) sum gap and grows like log t', () => {
    const checkpoints = [50, 100, 200, 500, 1000, 2000, 5000];
    const r = simulateBandit(createRng(11), new BernoulliBandit(MEANS), () => new Ucb1(3), {
      rounds: 5000,
      runs: 40,
      checkpoints,
    });
    checkpoints.forEach((t, i) => {
      const bound = GAPS.reduce(
        (s, g) => s + (8 * Math.log(t)) / g + (1 + Math.PI ** 2 / 3) * g,
        0,
      );
      expect(r.series.regret.mean[i]!).toBeLessThan(bound);
    });
    // log t growth: over the last decade the log-log slope is far below the 1/2 of sqrt(T) regret.
    const late = fitLogLogSlope(checkpoints.slice(-4), r.series.regret.mean.slice(-4));
    expect(late.slope).toBeLessThan(0.4);
  });
});

describe('KL-UCB and Thompson sampling (asymptotic optimality)', () => {
  // R(t) = c log t + O(1) with c -> the Lai-Robbins constant: the slope of R against log t over
  // the late rounds estimates c. At t = 10^4 with 100 runs (slope standard error about 0.2),
  // finite-time terms keep it within a factor of 2 of the constant (it converges from there).
  for (const [name, make] of [
    ['KL-UCB', () => new KlUcb(3)],
    ['Thompson sampling', () => new BetaThompsonSampling(3)],
  ] as const) {
    it(`claim: ${name}'s regret grows like (Lai-Robbins constant) * log t`, () => {
      const checkpoints = [1000, 2000, 5000, 10_000];
      const r = simulateBandit(createRng(12), new BernoulliBandit(MEANS), make, {
        rounds: 10_000,
        runs: 100,
        checkpoints,
      });
      const fit = fitLine(checkpoints.map(Math.log), r.series.regret.mean);
      expect(fit.slope).toBeGreaterThan(0.5 * LAI_ROBBINS);
      expect(fit.slope).toBeLessThan(2 * LAI_ROBBINS);
      // and far below UCB1's constant 8 * sum 1/gap
      expect(r.series.regret.mean[3]!).toBeLessThan(
        0.5 * GAPS.reduce((s, g) => s + 8 / g, 0) * Math.log(10_000),
      );
    });
  }
});

describe('EXP3 (Bubeck and Cesa-Bianchi 2012, Theorem 3.1)', () => {
  it('claim: pseudo-regret against oblivious adversaries stays below sqrt(2 T K ln K)', () => {
    const T = 3000;
    const K = 5;
    const bound = Math.sqrt(2 * T * K * Math.log(K));
    const tableRng = createRng(13);
    const adversaries = [
      // the best arm changes every 300 rounds, with a decent fallback arm
      AdversarialBandit.fromFunction(T, K, (t, a) =>
        Math.floor(t / 300) % K === a ? 0.9 : a === 0 ? 0.6 : 0.3,
      ),
      // a fixed random table with one slightly better arm
      AdversarialBandit.fromFunction(T, K, (_t, a) =>
        tableRng.nextFloat64() < (a === 3 ? 0.6 : 0.5) ? 1 : 0,
      ),
    ];
    for (const env of adversaries) {
      const r = simulateBandit(createRng(14), env, () => new Exp3(K, { rounds: T }), {
        rounds: T,
        runs: 30,
        checkpoints: [T],
      });
      // The bound is on the expected regret; the 30-run mean must sit below it.
      expect(r.series.regret.mean[0]!).toBeLessThan(bound);
    }
  });
});
