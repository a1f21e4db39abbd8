import { log } from '@x/linalg/math';
import {
  assertInteger,
  assertPositive,
  assertProbabilityVector,
  MAX_ARRAY_LENGTH,
  readObject,
} from '@x/linalg/validate';
import { PreferenceGame } from './PreferenceGame.ts';
import { softmaxRow } from './rowLogSumExp.ts';

/** Options of {@link preferenceSelfPlay}. */
export interface PreferenceSelfPlayOptions {
  /** The number of rounds T. */
  readonly rounds: number;
  /**
   * The step $\eta$ of $\pi_{t+1} \propto \pi_t e^{\eta P(\cdot \succ \pi_t)}$: Hedge's
   * $\sqrt{8 \ln K / T}$ for SPO's average iterate; $1/\beta$ for DNO's regularised best response.
   * @default $\sqrt{8 \ln K / T}$
   */
  readonly eta?: number;
  /** The policy to start from (the reference). @default uniform */
  readonly start?: ArrayLike<number>;
}

/** What self-play on a preference game reaches, round by round. */
export interface PreferenceSelfPlay {
  /** The average iterate $\bar\pi_T = \frac1T\sum_{t<T} \pi_t$ (SPO's output). */
  readonly average: Float64Array;
  /** The last iterate $\pi_T$ (DNO's output). */
  readonly last: Float64Array;
  /** The exploitability of $\bar\pi_t$ after each round t = 1..T. */
  readonly averageExploitability: Float64Array;
  /** The exploitability of $\pi_t$ after each round t = 1..T. */
  readonly lastExploitability: Float64Array;
  /** The win rate of each iterate against the one before, $P(\pi_{t+1} \succ \pi_t)$, t = 0..T-1. */
  readonly winRateOverPrevious: Float64Array;
  /** Hedge's bound on the average iterate's exploitability, $\ln K/(\eta T) + \eta/8$. */
  readonly bound: number;
}

/**
 * Self-play on a preference game with the win rate as the reward, exactly (expected rewards, no
 * draws): $\pi_{t+1}(y) \propto \pi_t(y) \exp(\eta P(y \succ \pi_t))$. This one update is two
 * methods of the field. SPO (Swamy et al., arXiv:2401.04056) plays it as a no-regret learner
 * against itself and outputs the average iterate: in the symmetric game
 * $P(y \succ \bar\pi_T) - 1/2 \le \mathrm{Regret}_T / T \le \ln K/(\eta T) + \eta/8$, so the
 * exploitability goes to zero like $T^{-1/2}$ with $\eta = \sqrt{8 \ln K / T}$, even when the
 * preferences are cyclic. DNO (Rosset et al., arXiv:2404.03715) takes the last iterate of
 * $\pi_{t+1} = \arg\max_\pi E_{y \sim \pi}[P(y \succ \pi_t)] - \beta\,\mathrm{KL}(\pi \| \pi_t)$,
 * the same step with $\eta = 1/\beta$; each iterate beats the one before,
 * $P(\pi_{t+1} \succ \pi_t) \ge 1/2$ (it tilts $\pi_t$ towards the responses that beat it). The
 * expected-reward form is the library's choice: the papers sample responses and estimate win
 * rates.
 *
 * @throws TypeError if `game` is not a PreferenceGame; RangeError on bad options
 *
 * @example
 * const game = new PreferenceGame([[0.5, 0.1, 0.9], [0.9, 0.5, 0.1], [0.1, 0.9, 0.5]]);
 * const play = preferenceSelfPlay(game, { rounds: 2000, start: [0.8, 0.1, 0.1] });
 * play.averageExploitability.at(-1); // small: the average approaches (1/3, 1/3, 1/3)
 *
 * References: Swamy, Dann, Kidambi, Wu and Agarwal, "A Minimaximalist Approach to Reinforcement
 * Learning from Human Feedback", arXiv:2401.04056 (SPO); Rosset, Cheng, Mitra, Santacroce,
 * Awadallah and Xie, "Direct Nash Optimization: Teaching Language Models to Self-Improve with
 * General Preferences", arXiv:2404.03715 (DNO); Freund and Schapire, Games and Economic Behavior
 * 29, 1999 (Hedge in self-play).
 */
export function preferenceSelfPlay(
  game: PreferenceGame,
  options: PreferenceSelfPlayOptions,
): PreferenceSelfPlay {
  const fn = 'preferenceSelfPlay';
  if (!(game instanceof PreferenceGame))
    throw new TypeError(`${fn}: game must be a PreferenceGame`);
  const { rounds, eta, start } = readObject(fn, 'options', options);
  assertInteger(fn, 'rounds', rounds, 1, MAX_ARRAY_LENGTH);
  const K = game.responses;
  const step = eta ?? Math.sqrt((8 * log(K)) / rounds);
  assertPositive(fn, 'eta', step);
  if (!(step <= 1e6)) throw new RangeError(`${fn}: eta must be at most 1e6, got ${step}`);
  if (start !== undefined) assertProbabilityVector(fn, 'start', start, K);
  // Log-weights keep the iterate exact when exp(eta t) would overflow.
  const logWeights = new Float64Array(K);
  const policy = new Float64Array(K);
  const previous = new Float64Array(K);
  const rates = new Float64Array(K);
  const sum = new Float64Array(K);
  const average = new Float64Array(K);
  for (let y = 0; y < K; y++) logWeights[y] = start === undefined ? 0 : log(start[y]!);
  normalise(logWeights, policy);
  const averageExploitability = new Float64Array(rounds);
  const lastExploitability = new Float64Array(rounds);
  const winRateOverPrevious = new Float64Array(rounds);
  for (let t = 0; t < rounds; t++) {
    game.winRatesUnchecked(policy, rates);
    for (let y = 0; y < K; y++) {
      sum[y] = sum[y]! + policy[y]!;
      average[y] = sum[y]! / (t + 1);
      logWeights[y] = logWeights[y]! + step * rates[y]!;
    }
    averageExploitability[t] = game.exploitabilityUnchecked(average);
    previous.set(policy);
    normalise(logWeights, policy);
    lastExploitability[t] = game.exploitabilityUnchecked(policy);
    // P(pi_{t+1} > pi_t) = sum_y pi_{t+1}(y) P(y > pi_t), the rates against the previous iterate.
    let w = 0;
    for (let y = 0; y < K; y++) w += policy[y]! * rates[y]!;
    winRateOverPrevious[t] = w;
  }
  return {
    average,
    last: Float64Array.from(policy),
    averageExploitability,
    lastExploitability,
    winRateOverPrevious,
    bound: log(K) / (step * rounds) + step / 8,
  };
}

/** Probabilities from log-weights (-Infinity for a response never played). */
function normalise(logWeights: Float64Array, out: Float64Array): void {
  softmaxRow(logWeights, 0, logWeights.length, out);
}
