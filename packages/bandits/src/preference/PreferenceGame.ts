import type { LinearProgramOptions, MatrixLike, Rng } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInteger,
  assertProbabilityVector,
  assertRng,
  solveMatrixGameAs,
  toMatrix,
} from '@x/linalg/validate';

/** The Bradley-Terry utilities that best explain a preference matrix. */
export interface BradleyTerryFit {
  /** $u_y$, centred to mean 0: the maximum-likelihood utilities. */
  readonly utilities: Float64Array;
  /** Minorise-maximise sweeps done. */
  readonly iterations: number;
  /** Whether the utilities moved less than 1e-12 (relative) in the last sweep, within about 1e8 operations. */
  readonly converged: boolean;
}

/** The most sweeps of the Bradley-Terry fit. */
const MAX_SWEEPS = 100_000;

/**
 * General (possibly intransitive) preferences over K responses at one prompt: a matrix with
 * $P(y \succ y')$ at `[y][y']`, $P(y \succ y') + P(y' \succ y) = 1$ and 1/2 on the diagonal. It
 * is a symmetric constant-sum game: the win rate of policy p against q is $p^\top P q$, the
 * minimax (von Neumann) winner is a policy no response beats on average, and the exploitability
 * of p, $\max_y P(y \succ p) - 1/2$, is 0 exactly there. Bradley-Terry models are the transitive
 * special case; on a cycle their best fit is uninformative.
 *
 * @example
 * // Rock, paper, scissors, with a fourth response every other beats.
 * const game = new PreferenceGame([
 *   [0.5, 0.1, 0.9, 0.8],
 *   [0.9, 0.5, 0.1, 0.8],
 *   [0.1, 0.9, 0.5, 0.8],
 *   [0.2, 0.2, 0.2, 0.5],
 * ]);
 * game.exploitability([1, 0, 0, 0]); // 0.4: paper beats rock 90% of the time
 * const winner = await game.minimaxWinner(); // [1/3, 1/3, 1/3, 0]
 *
 * References: Dudik, Hofmann, Schapire, Slivkins and Zoghi, "Contextual Dueling Bandits",
 * arXiv:1502.06362 (the von Neumann winner); Swamy, Dann, Kidambi, Wu and Agarwal, "A
 * Minimaximalist Approach to Reinforcement Learning from Human Feedback", arXiv:2401.04056 (the
 * minimax winner as the target of alignment).
 */
export class PreferenceGame {
  readonly responses: number;
  /** $P(y \succ y')$, row-major. @internal */
  readonly matrix: Float64Array;
  /** Scratch for {@link PreferenceGame.exploitabilityUnchecked}. */
  readonly #rates: Float64Array;

  /**
   * @throws TypeError on a malformed matrix; RangeError on an entry outside [0, 1], a diagonal
   *   entry other than 1/2 or a pair whose preferences do not sum to 1 (within 1e-12)
   */
  constructor(preferences: MatrixLike) {
    const fn = 'PreferenceGame';
    const m = toMatrix(fn, 'preferences', preferences);
    if (m.rows !== m.columns || m.rows < 2)
      throw new RangeError(
        `${fn}: preferences must be a square matrix of at least 2 x 2, got ${m.rows} x ${m.columns}`,
      );
    const K = m.rows;
    const matrix = Float64Array.from(m.to1DArray());
    assertFiniteVector(fn, 'preferences', matrix, K * K, { min: 0, max: 1 });
    for (let i = 0; i < K; i++)
      for (let j = i; j < K; j++) {
        const sum = matrix[i * K + j]! + matrix[j * K + i]!;
        if (!(Math.abs(sum - 1) <= 1e-12))
          throw new RangeError(
            `${fn}: preferences[${i}][${j}] + preferences[${j}][${i}] must be 1, got ${sum}`,
          );
      }
    this.responses = K;
    this.matrix = matrix;
    this.#rates = new Float64Array(K);
  }

  /** $P(y \succ y')$. */
  preference(y: number, other: number): number {
    const fn = 'PreferenceGame.preference';
    assertInteger(fn, 'y', y, 0, this.responses - 1);
    assertInteger(fn, 'other', other, 0, this.responses - 1);
    return this.matrix[y * this.responses + other]!;
  }

  /** One comparison: true when y is preferred to `other`. */
  compare(rng: Rng, y: number, other: number): boolean {
    assertRng('PreferenceGame.compare', rng);
    return rng.nextFloat64() < this.preference(y, other);
  }

  /**
   * Each response's win rate against a policy, $P(y \succ p) = \sum_{y'} P(y \succ y') p(y')$.
   * @throws RangeError if `policy` is not a probability vector over the responses
   */
  winRates(policy: ArrayLike<number>, out?: Float64Array): Float64Array {
    const fn = 'PreferenceGame.winRates';
    assertProbabilityVector(fn, 'policy', policy, this.responses);
    const K = this.responses;
    if (out !== undefined && !(out instanceof Float64Array && out.length === K))
      throw new TypeError(`${fn}: out must be a Float64Array of length ${K}`);
    return this.winRatesUnchecked(policy, out ?? new Float64Array(K));
  }

  /** {@link PreferenceGame.winRates} without checks. @internal */
  winRatesUnchecked(policy: ArrayLike<number>, out: Float64Array): Float64Array {
    const K = this.responses;
    for (let y = 0; y < K; y++) {
      let w = 0;
      for (let z = 0; z < K; z++) w += this.matrix[y * K + z]! * policy[z]!;
      out[y] = w;
    }
    return out;
  }

  /**
   * The win rate $p^\top P q$ of policy p against q (1/2 against itself).
   * @throws RangeError if a policy is not a probability vector over the responses
   */
  winRate(policy: ArrayLike<number>, opponent: ArrayLike<number>): number {
    const fn = 'PreferenceGame.winRate';
    assertProbabilityVector(fn, 'policy', policy, this.responses);
    assertProbabilityVector(fn, 'opponent', opponent, this.responses);
    const K = this.responses;
    let v = 0;
    for (let y = 0; y < K; y++) {
      if (policy[y] === 0) continue;
      for (let z = 0; z < K; z++) v += policy[y]! * this.matrix[y * K + z]! * opponent[z]!;
    }
    return v;
  }

  /**
   * How much the best response beats a policy by: $\max_y P(y \succ p) - 1/2 \ge 0$, zero exactly
   * for a minimax winner.
   * @throws RangeError if `policy` is not a probability vector over the responses
   */
  exploitability(policy: ArrayLike<number>): number {
    assertProbabilityVector('PreferenceGame.exploitability', 'policy', policy, this.responses);
    return this.exploitabilityUnchecked(policy);
  }

  /** {@link PreferenceGame.exploitability} without checks. @internal */
  exploitabilityUnchecked(policy: ArrayLike<number>): number {
    const rates = this.winRatesUnchecked(policy, this.#rates);
    let best = 0;
    for (const w of rates) best = Math.max(best, w);
    return Math.max(0, best - 0.5);
  }

  /**
   * A minimax (von Neumann) winner: the maximin strategy of the game, by one linear program
   * through HiGHS (feasible to about 1e-7). Pass `{ highs }` in a browser.
   */
  async minimaxWinner(options: LinearProgramOptions = {}): Promise<Float64Array> {
    const K = this.responses;
    const fn = 'PreferenceGame.minimaxWinner';
    const { row } = await solveMatrixGameAs(fn, this.matrix, K, K, options);
    return row;
  }

  /**
   * The Bradley-Terry utilities that best explain the matrix, every pair weighted equally: the
   * maximiser of $\sum_{y \ne y'} P(y \succ y') \log\sigma(u_y - u_{y'})$ by Hunter's
   * minorise-maximise iteration on $\gamma = e^u$ (each sweep raises the likelihood). Finite when
   * no group of responses beats all the others surely; otherwise `converged` stays false.
   *
   * References: Hunter, "MM Algorithms for Generalized Bradley-Terry Models", Annals of
   * Statistics 32, 2004.
   */
  bradleyTerryFit(): BradleyTerryFit {
    const K = this.responses;
    const P = this.matrix;
    const gamma = new Float64Array(K).fill(1);
    const wins = new Float64Array(K);
    for (let i = 0; i < K; i++)
      for (let j = 0; j < K; j++) if (j !== i) wins[i] = wins[i]! + P[i * K + j]!;
    let iterations = 0;
    let converged = false;
    // At most about 1e8 operations: a game without a finite fit stops there, unconverged.
    const sweeps = Math.max(1, Math.min(MAX_SWEEPS, Math.floor(1e8 / (K * K))));
    while (!converged && iterations < sweeps) {
      iterations++;
      let change = 0;
      for (let i = 0; i < K; i++) {
        let denominator = 0;
        for (let j = 0; j < K; j++) if (j !== i) denominator += 1 / (gamma[i]! + gamma[j]!);
        const next = wins[i]! / denominator;
        if (gamma[i]! > 0) change = Math.max(change, Math.abs(next - gamma[i]!) / gamma[i]!);
        gamma[i] = next;
      }
      // Rescale to geometric mean 1 (the likelihood only sees ratios).
      let logMean = 0;
      for (let i = 0; i < K; i++) logMean += log(Math.max(gamma[i]!, Number.MIN_VALUE)) / K;
      const scale = exp(-logMean);
      for (let i = 0; i < K; i++) gamma[i] = gamma[i]! * scale;
      converged = change < 1e-12;
    }
    const utilities = Float64Array.from(gamma, (g) => log(Math.max(g, Number.MIN_VALUE)));
    return { utilities, iterations, converged };
  }
}
