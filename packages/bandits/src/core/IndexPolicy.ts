import type { Rng } from '@x/linalg';
import { type PosteriorMarginal, probabilityOfBest } from '../bayesian/probabilityOfBest.ts';
import type { ContextModel } from './ContextModel.ts';
import { PolicyBase, type Propensities } from './PolicyBase.ts';

/**
 * The base of index policies (the UCB family, Thompson sampling, greedy and elimination, the
 * linear UCB and Thompson policies): a score per arm each round, and the arm with the largest
 * score, ties broken uniformly at random over the available arms. A subclass supplies the score.
 * Propensities are exact for deterministic scores (uniform over the ties) and for Thompson
 * sampling with a posterior marginal per arm (quadrature), a Monte Carlo estimate otherwise.
 * @internal
 */
export abstract class IndexPolicy extends PolicyBase {
  /** Whether scores are random draws (Thompson sampling): propensities are then computed or estimated. */
  protected readonly randomScores: boolean;
  readonly #scores: Float64Array;
  readonly #keys: Float64Array;

  protected constructor(
    fn: string,
    arms: number,
    rewardMin: number,
    rewardMax: number,
    randomScores: boolean,
    contextModel?: ContextModel,
  ) {
    super(fn, arms, rewardMin, rewardMax, contextModel);
    this.randomScores = randomScores;
    this.#scores = new Float64Array(arms);
    this.#keys = new Float64Array(arms);
  }

  /** The score of an arm this round (after `prepareRound`); the policy picks the largest. */
  protected abstract score(arm: number, rng: Rng): number;

  /**
   * The posterior marginal of every arm's random score, when the scores are independent draws
   * with a density (Thompson sampling): the exact propensities then come by quadrature.
   */
  protected posteriorMarginals():
    | { readonly marginals: readonly PosteriorMarginal[]; readonly lo: number; readonly hi: number }
    | undefined {
    return undefined;
  }

  protected choose(rng: Rng, candidates: ArrayLike<number>): number {
    return this.argmax(rng, candidates);
  }

  /** Deterministic scores: uniform over the argmax set, the tie-breaking law. */
  protected exactProbabilities(rng: Rng, candidates: ArrayLike<number>): Float64Array {
    const p = new Float64Array(this.arms);
    const scores = this.#scores;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      scores[a] = this.score(a, rng);
      best = Math.max(best, scores[a]!);
    }
    let ties = 0;
    for (let i = 0; i < candidates.length; i++) if (scores[candidates[i]!] === best) ties++;
    for (let i = 0; i < candidates.length; i++)
      if (scores[candidates[i]!] === best) p[candidates[i]!] = 1 / ties;
    return p;
  }

  /** Argmax of the scores over the candidates; ties broken uniformly at random (reservoir). */
  protected argmax(rng: Rng, candidates: ArrayLike<number>): number {
    let best = candidates[0]!;
    let bestScore = this.score(best, rng);
    let ties = 1;
    for (let i = 1; i < candidates.length; i++) {
      const a = candidates[i]!;
      const s = this.score(a, rng);
      if (s > bestScore) {
        best = a;
        bestScore = s;
        ties = 1;
      } else if (s === bestScore) {
        ties++;
        if (rng.nextFloat64() * ties < 1) best = a;
      }
    }
    return best;
  }

  /** The candidates in decreasing score, ties in a uniformly random order (one key per arm). */
  protected slate(rng: Rng, candidates: ArrayLike<number>, k: number): Int32Array {
    const scores = this.#scores;
    const keys = this.#keys;
    const order = Array.from(candidates);
    for (const a of order) {
      scores[a] = this.score(a, rng);
      keys[a] = rng.nextFloat64();
    }
    order.sort((x, y) => scores[y]! - scores[x]! || keys[y]! - keys[x]!);
    return Int32Array.from(order.slice(0, k));
  }

  protected propensities(
    rng: Rng,
    candidates: ArrayLike<number>,
    samples: number,
    method: 'exact' | 'monte-carlo',
  ): Propensities {
    if (!this.randomScores)
      return { probabilities: this.exactProbabilities(rng, candidates), exact: true };
    const p = new Float64Array(this.arms);
    const posterior = method === 'exact' ? this.posteriorMarginals() : undefined;
    if (posterior !== undefined) {
      probabilityOfBest(posterior.marginals, candidates, posterior.lo, posterior.hi, p);
      return { probabilities: p, exact: true };
    }
    // Random scores without a closed form: the frequency of each choice over `samples` decisions.
    for (let s = 0; s < samples; s++) {
      const a = this.choose(rng, candidates);
      p[a] = p[a]! + 1 / samples;
    }
    return { probabilities: p, exact: false };
  }
}
