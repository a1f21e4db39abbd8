import { PreferenceGame, preferenceSelfPlay } from '@x/bandits';
import type { Rng } from '@x/linalg';
import { defineClaim } from '../../src/Experiment.ts';
import { slopeOverLengths } from '../../src/regret.ts';

const LENGTHS = {
  quick: [250, 1000, 4000, 16_000],
  full: [250, 1000, 4000, 16_000, 64_000, 256_000],
} as const;
const TRIALS = { quick: 8, full: 40 } as const;
const SPO = 'SPO average iterate';

/**
 * A random intransitive game: rock, paper, scissors (each beats the next with probability at
 * least 0.7), and K - 3 other responses at random except that each loses to a member of the
 * cycle with probability at least 0.6. No response beats all the others, so every pure policy
 * is exploitable by at least 0.1.
 */
function cyclicGame(rng: Rng, K: number): PreferenceGame {
  const P = Array.from({ length: K }, () => new Array<number>(K).fill(0.5));
  for (let i = 0; i < K; i++)
    for (let j = i + 1; j < K; j++) {
      P[i]![j] = rng.nextFloat64();
      P[j]![i] = 1 - P[i]![j]!;
    }
  // A strict cycle among the first three.
  const strength = () => 0.7 + 0.25 * rng.nextFloat64();
  for (const [a, b] of [
    [1, 0],
    [2, 1],
    [0, 2],
  ] as const) {
    P[a]![b] = strength();
    P[b]![a] = 1 - P[a]![b]!;
  }
  // Each other response loses to a member of the cycle: no response beats all the others.
  for (let e = 3; e < K; e++) {
    const c = e % 3;
    P[c]![e] = 0.6 + 0.3 * rng.nextFloat64();
    P[e]![c] = 1 - P[c]![e]!;
  }
  return new PreferenceGame(P);
}

interface Trial extends Record<string, number[]> {}

export const experiment = defineClaim<Trial>({
  id: 'bandits/preference-games',
  package: '@x/bandits',
  title: 'General preferences: Bradley-Terry policies are exploitable, SPO converges, DNO improves',
  source: {
    title:
      'Swamy et al., A Minimaximalist Approach to RLHF (SPO); Rosset et al., Direct Nash Optimization (DNO)',
    arxiv: '2401.04056',
    where: 'SPO: the minimax winner by self-play; DNO (arXiv:2404.03715): monotone improvement',
  },
  claim:
    "On random 6-response preference games with a rock-paper-scissors cycle: the policy that maximises the best Bradley-Terry fit is exploitable (by at least 0.1: no response beats all the others); the exploitability of SPO's average iterate (exact self-play, Hedge step sqrt(8 ln K / T)) stays under Hedge's bound and decays with log-log slope near -1/2 (within 0.15); every DNO iterate (beta = 1) wins at least half against the one before.",
  trials: (scale) => TRIALS[scale],
  async trial(rng, scale) {
    const game = cyclicGame(rng, 6);
    const { utilities } = game.bradleyTerryFit();
    const top = utilities.indexOf(Math.max(...utilities));
    const bt = game.exploitability(Float64Array.from(utilities, (_, y) => (y === top ? 1 : 0)));
    const winner = await game.minimaxWinner();
    const spo: number[] = [];
    const bound: number[] = [];
    for (const T of LENGTHS[scale]) {
      const play = preferenceSelfPlay(game, { rounds: T });
      spo.push(play.averageExploitability.at(-1)!);
      bound.push(play.bound);
    }
    const dno = preferenceSelfPlay(game, { rounds: 100, eta: 1 });
    return {
      [SPO]: spo,
      bound,
      bt: [bt],
      lp: [game.exploitability(winner)],
      dnoWorst: [Math.min(...dno.winRateOverPrevious)],
      dnoLast: [dno.lastExploitability.at(-1)!],
    };
  },
  summarize(trials, scale) {
    const T = [...LENGTHS[scale]];
    const spo = slopeOverLengths(trials, [SPO], T, -0.5, 0.15);
    const mean = (name: string, i = 0) =>
      trials.reduce((a, t) => a + t[name]![i]!, 0) / trials.length;
    const underBound = trials.every((t) => t[SPO]!.every((v, i) => v <= t.bound![i]!));
    const btMin = Math.min(...trials.map((t) => t.bt![0]!));
    const dnoWorst = Math.min(...trials.map((t) => t.dnoWorst![0]!));
    const holds = spo.holds && underBound && btMin >= 0.1 && dnoWorst >= 0.5 - 1e-12;
    return {
      metrics: {
        ...spo.metrics,
        'Bradley-Terry policy exploitability, mean': mean('bt'),
        'Bradley-Terry policy exploitability, min': btMin,
        'LP minimax winner exploitability, max': Math.max(...trials.map((t) => t.lp![0]!)),
        'DNO worst win rate over the previous iterate': dnoWorst,
        'DNO last-iterate exploitability after 100 rounds, mean': mean('dnoLast'),
      },
      plots: [
        {
          title: "Exploitability of SPO's average iterate (mean over games, 95% band)",
          xLabel: 'T',
          yLabel: 'max_y P(y > pi) - 1/2',
          xScale: 'log',
          yScale: 'log',
          series: [
            ...spo.series,
            { name: "Hedge's bound", x: T, y: T.map((_, i) => mean('bound', i)) },
            { name: 'Bradley-Terry policy', x: T, y: T.map(() => mean('bt')) },
          ],
        },
      ],
      verdict: {
        holds,
        summary: `${spo.parts.join('; ')} (claim -1/2 within 0.15), under Hedge's bound in every game: ${underBound ? 'yes' : 'no'}; the Bradley-Terry policy's exploitability ${mean('bt').toFixed(3)} on average (min ${btMin.toFixed(3)}); DNO's worst win rate over its previous iterate ${dnoWorst.toFixed(4)}`,
      },
    };
  },
});
