import { type LearnerState, type Rng, sigmoid } from '@x/linalg';
import { log, log1p } from '@x/linalg/math';
import {
  asCaller,
  assertBoolean,
  assertInteger,
  assertNonNegative,
  assertRng,
  LEARNER_STATE_VERSION,
  MAX_ARRAY_LENGTH,
  MAX_ROUNDS,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';
import { BradleyTerryPosterior } from './BradleyTerryPosterior.ts';
import type { DuelingPolicy } from './DuelingPolicy.ts';

/** Options of {@link PreferenceIds}. */
export interface PreferenceIdsOptions {
  /**
   * A fixed weight $\lambda$ of the information term. By default the anytime weight $\lambda_t =
   * \sqrt{t / \log M}$, which balances the $\lambda \log M$ cost of information (the entropy of
   * a uniform prior over M environments) against the $T/\lambda$ cost of under-exploring.
   */
  readonly lambda?: number;
  /**
   * The number of rounds T: the weight is then $\lambda = \sqrt{T/\log M}$ (the tuning behind the
   * $O(\sqrt{T \log M})$ Bayesian regret). Recommended: the anytime weight starts small and can
   * dwell on self-comparisons under a wrong early posterior.
   */
  readonly rounds?: number;
}

/** Binary entropy in nats. */
function entropy2(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * log(p) - (1 - p) * log1p(-p);
}

/**
 * Information-directed sampling from preference feedback at episode length 1: over a finite
 * class of Bradley-Terry environments with posterior $w$, play the pair $(i, j)$ maximising
 * $\tfrac12(\bar u_i + \bar u_j) + \lambda\, I(\mathcal E; Y \mid i, j)$, the posterior value of
 * the two arms shown plus $\lambda$ times the mutual information between the environment and
 * the preference $Y$, $I = H(\bar p) - \sum_h w_h H(p_h)$ with $p_h = \sigma(u_h(i) - u_h(j))$.
 * Once the environment is known the information vanishes and the rule plays the best arm
 * against itself.
 *
 * Choices made: both arms of the pair are chosen by the rule; the pair (i, i) is allowed (value
 * only, no information); the weight is $\sqrt{T/\log M}$ with the number of rounds T, else $\sqrt{t/\log M}$
 * (with a constant weight the rule can settle on self-comparisons under a wrong posterior, and
 * its regret is linear); $p_h$ and $H(p_h)$ are precomputed per pair ($O(K^2 M)$ memory), so a
 * decision costs $O(K^2 M)$ additions; ties at random.
 *
 * @example
 * const hypotheses = BradleyTerryPosterior.sampleHypotheses(createRng(1), 4, 200);
 * const policy = new PreferenceIds(hypotheses, { rounds: 2000 });
 * const [first, second] = policy.selectPair(createRng(2)); // the pair with the best information ratio
 * policy.update(first, second, false);
 *
 * References: Qi, Yang, Zhang and Yang, "Sample-Efficient Reinforcement Learning from Human
 * Feedback via Information-Directed Sampling", arXiv:2502.05434 (the IDS objective, value plus
 * mutual information, here with one-step episodes).
 */
export class PreferenceIds implements DuelingPolicy {
  readonly arms: number;
  readonly posterior: BradleyTerryPosterior;
  readonly #lambda: number | null;
  readonly #rounds: number | null;
  #t = 0;
  /** Per ordered pair (i, j) and hypothesis: P(i preferred), and its binary entropy. */
  readonly #p: Float64Array;
  readonly #h: Float64Array;

  /**
   * @param hypotheses - the environment class: M utility vectors over K >= 2 arms
   * @throws TypeError or RangeError on bad hypotheses or lambda
   */
  constructor(hypotheses: ArrayLike<ArrayLike<number>>, options: PreferenceIdsOptions = {}) {
    const { lambda, rounds } = readOptions('PreferenceIds', options);
    if (rounds !== undefined) assertInteger('PreferenceIds', 'rounds', rounds, 1, MAX_ROUNDS);
    if (lambda !== undefined) {
      assertNonNegative('PreferenceIds', 'lambda', lambda);
    }
    this.posterior = asCaller('PreferenceIds', () => new BradleyTerryPosterior(hypotheses));
    if (this.posterior.arms * this.posterior.arms * this.posterior.size > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `PreferenceIds: arms^2 x hypotheses must be at most ${MAX_ARRAY_LENGTH}, got ${this.posterior.arms * this.posterior.arms * this.posterior.size}`,
      );
    this.arms = this.posterior.arms;
    this.#lambda = lambda ?? null;
    this.#rounds = rounds ?? null;
    const k = this.arms;
    const m = this.posterior.size;
    this.#p = new Float64Array(k * k * m);
    this.#h = new Float64Array(k * k * m);
    const u = this.posterior.hypotheses;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        for (let h = 0; h < m; h++) {
          const p = sigmoid(u[h * k + i]! - u[h * k + j]!);
          this.#p[(i * k + j) * m + h] = p;
          this.#h[(i * k + j) * m + h] = entropy2(p);
        }
      }
    }
  }

  /** The weight of the information term in the next decision. */
  get lambda(): number {
    return (
      this.#lambda ??
      Math.sqrt((this.#rounds ?? this.#t + 1) / log(Math.max(2, this.posterior.size)))
    );
  }

  /** The objective of a pair now: value + lambda * information. */
  objective(
    i: number,
    j: number,
    w: Float64Array = this.posterior.weights(),
    mean: Float64Array = this.posterior.meanUtility(),
  ): number {
    const fn = 'PreferenceIds.objective';
    assertInteger(fn, 'i', i, 0, this.arms - 1);
    assertInteger(fn, 'j', j, 0, this.arms - 1);
    return 0.5 * (mean[i]! + mean[j]!) + this.lambda * this.information(i, j, w);
  }

  /** $I(\mathcal E; Y \mid i, j)$ under posterior weights w (nats). */
  information(i: number, j: number, w: Float64Array = this.posterior.weights()): number {
    const fn = 'PreferenceIds.information';
    assertInteger(fn, 'i', i, 0, this.arms - 1);
    assertInteger(fn, 'j', j, 0, this.arms - 1);
    if (!(w instanceof Float64Array) || w.length !== this.posterior.size)
      throw new TypeError(
        `${fn}: w must be a Float64Array of ${this.posterior.size} posterior weights`,
      );
    if (i === j) return 0;
    const m = this.posterior.size;
    const base = (i * this.arms + j) * m;
    let pbar = 0;
    let cond = 0;
    for (let h = 0; h < m; h++) {
      pbar += w[h]! * this.#p[base + h]!;
      cond += w[h]! * this.#h[base + h]!;
    }
    return Math.max(0, entropy2(pbar) - cond);
  }

  selectPair(rng: Rng): [number, number] {
    assertRng('PreferenceIds.selectPair', rng);
    const w = this.posterior.weights();
    const mean = this.posterior.meanUtility();
    let best: [number, number] = [0, 0];
    let bestValue = Number.NEGATIVE_INFINITY;
    let ties = 0;
    for (let i = 0; i < this.arms; i++) {
      for (let j = i; j < this.arms; j++) {
        const v = this.objective(i, j, w, mean);
        if (v > bestValue) {
          best = [i, j];
          bestValue = v;
          ties = 1;
        } else if (v === bestValue && rng.nextFloat64() * ++ties < 1) best = [i, j];
      }
    }
    return best;
  }

  update(first: number, second: number, firstWins: boolean): void {
    const fn = 'PreferenceIds.update';
    assertInteger(fn, 'first', first, 0, this.arms - 1);
    assertInteger(fn, 'second', second, 0, this.arms - 1);
    assertBoolean(fn, 'firstWins', firstWins);
    this.posterior.update(first, second, firstWins);
    this.#t++;
  }

  reset(): void {
    this.posterior.reset();
    this.#t = 0;
  }

  toJSON(): LearnerState {
    const k = this.arms;
    const flat = this.posterior.hypotheses;
    return {
      type: 'PreferenceIds',
      version: LEARNER_STATE_VERSION,
      params: {
        hypotheses: Array.from({ length: flat.length / k }, (_, h) =>
          Array.from(flat.subarray(h * k, (h + 1) * k)),
        ),
        lambda: this.#lambda,
        rounds: this.#rounds,
      },
      stats: {
        // A hypothesis ruled out has log-weight -Infinity, stored as null.
        logWeights: Array.from(this.posterior.logWeights(), (l) => (Number.isFinite(l) ? l : null)),
        played: this.#t,
      },
    };
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): PreferenceIds {
    const fn = 'PreferenceIds.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'PreferenceIds');
    const lambda = params.optionalNumber('lambda');
    const rounds = params.optionalNumber('rounds');
    const p = asCaller(
      fn,
      () =>
        new PreferenceIds(params.value('hypotheses') as number[][], {
          ...(lambda === undefined ? {} : { lambda }),
          ...(rounds === undefined ? {} : { rounds }),
        }),
    );
    const stored = stats.value('logWeights');
    if (!Array.isArray(stored) || stored.length !== p.posterior.size)
      throw stats.error(`logWeights must be an array of ${p.posterior.size} numbers or nulls`);
    asCaller(fn, () =>
      p.posterior.setLogWeights(stored.map((l) => (l === null ? Number.NEGATIVE_INFINITY : l))),
    );
    p.#t = stats.number('played', { min: 0, integer: true });
    return p;
  }
}
