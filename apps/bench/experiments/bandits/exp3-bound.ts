import { AdversarialBandit, Exp3, simulateBandit } from '@x/bandits';
import { createRng } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { curveSeries, logGrid, meanCurves } from '../../src/regret.ts';

const K = 5;
const HORIZON = { quick: 5000, full: 100_000 } as const;
const TRIALS = { quick: 24, full: 200 } as const;

/** Oblivious adversaries: a rotating best arm with a steady runner-up, and a fixed random table. */
function adversaries(T: number): Record<string, AdversarialBandit> {
  const table = createRng(12345); // the same table in every trial: the adversary is oblivious
  return {
    rotating: AdversarialBandit.fromFunction(T, K, (t, a) =>
      Math.floor(t / (T / 10)) % K === a ? 0.9 : a === 0 ? 0.6 : 0.3,
    ),
    'random table': AdversarialBandit.fromFunction(T, K, (_t, a) =>
      table.nextFloat64() < (a === 3 ? 0.6 : 0.5) ? 1 : 0,
    ),
  };
}

export const experiment = defineClaim<Record<string, number[]>>({
  id: 'bandits/exp3-bound',
  package: '@x/bandits',
  title: 'EXP3 stays below sqrt(2 T K ln K)',
  source: {
    title:
      'Bubeck and Cesa-Bianchi, Regret Analysis of Stochastic and Nonstochastic Multi-armed Bandit Problems',
    arxiv: '1204.5721',
    where: 'Theorem 3.1',
  },
  claim:
    'Against oblivious adversaries, EXP3 tuned to the horizon has pseudo-regret at most sqrt(2 T K ln K), and the anytime EXP3 at most 2 sqrt(t K ln K) at every t.',
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const T = HORIZON[scale];
    const grid = logGrid(10, T, 20);
    const out: Record<string, number[]> = {};
    for (const [name, env] of Object.entries(adversaries(T))) {
      out[`${name}, tuned`] = Array.from(
        simulateBandit(rng.split(), env, () => new Exp3(K, { rounds: T }), {
          rounds: T,
          checkpoints: grid,
        }).series.regret.mean,
      );
      out[`${name}, anytime`] = Array.from(
        simulateBandit(rng.split(), env, () => new Exp3(K), { rounds: T, checkpoints: grid }).series
          .regret.mean,
      );
    }
    return out;
  },
  summarize(trials, scale) {
    const T = HORIZON[scale];
    const grid = logGrid(10, T, 20);
    const curves = meanCurves(trials);
    const tuned = Math.sqrt(2 * T * K * Math.log(K));
    const anytime = grid.map((t) => 2 * Math.sqrt(t * K * Math.log(K)));
    const metrics: Record<string, number> = { 'tuned bound sqrt(2TK ln K)': tuned };
    let holds = true;
    const parts: string[] = [];
    for (const [name, c] of Object.entries(curves)) {
      const final = c.mean.at(-1)!;
      metrics[`${name}: R(T)`] = final;
      if (name.endsWith('tuned')) {
        holds &&= final <= tuned;
        parts.push(`${name} ${final.toFixed(0)} / ${tuned.toFixed(0)}`);
      } else {
        const ok = c.mean.every((m, i) => m <= anytime[i]!);
        holds &&= ok;
        parts.push(`${name} under 2 sqrt(tK ln K): ${ok ? 'yes' : 'no'}`);
      }
    }
    return {
      metrics,
      plots: [
        {
          title: 'Mean regret against the best arm in hindsight, with the anytime bound',
          xLabel: 't',
          yLabel: 'regret',
          xScale: 'log',
          yScale: 'log',
          series: [...curveSeries(curves, grid), { name: '2 sqrt(t K ln K)', x: grid, y: anytime }],
        },
      ],
      verdict: { holds, summary: parts.join('; ') },
    };
  },
});
