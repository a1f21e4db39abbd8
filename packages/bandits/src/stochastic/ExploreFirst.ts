import type { JsonValue, Rng } from '@x/linalg';
import { log, pow } from '@x/linalg/math';
import { assertInteger, MAX_ROUNDS, readOptions } from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link ExploreFirst}: give `explorationPulls`, or `rounds` to use the textbook choice. */
export interface ExploreFirstOptions {
  /** Pulls of each arm before committing. */
  readonly explorationPulls?: number;
  /**
   * The rounds T: sets the pulls per arm to $N = \lceil (T/K)^{2/3} (\log T)^{1/3} \rceil$, for
   * regret $O(T^{2/3} (K \log T)^{1/3})$.
   */
  readonly rounds?: number;
  /** Lower end of the reward range. @default 0 */
  readonly rewardMin?: number;
  /** Upper end of the reward range. @default 1 */
  readonly rewardMax?: number;
}

/**
 * Explore-first: pull every arm N times (the least-pulled available arm first, ties at
 * random), then commit to the best empirical mean among the available arms. The simplest policy with sublinear regret, and the
 * baseline of A/B testing followed by a launch.
 *
 * @example
 * const policy = new ExploreFirst(3, { rounds: 10_000 }); // explores each arm, then commits
 * const arm = policy.select(createRng(1));
 * policy.update(arm, 1);
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Section 1.2
 * (Theorem 1.5 for the choice of N).
 */
export class ExploreFirst extends IndexPolicy {
  readonly #pulls: number;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError if neither or a bad `explorationPulls` / `rounds` is given, or the reward range is empty
   */
  constructor(arms: number, options: ExploreFirstOptions) {
    if (options === undefined)
      throw new TypeError('ExploreFirst: options { explorationPulls } or { rounds } are required');
    const {
      explorationPulls,
      rounds,
      rewardMin = 0,
      rewardMax = 1,
    } = readOptions('ExploreFirst', options);
    let pulls = explorationPulls;
    if (pulls === undefined) {
      assertInteger('ExploreFirst', 'rounds', rounds, 1, MAX_ROUNDS);
      pulls = Math.max(
        1,
        Math.ceil(pow(rounds / arms, 2 / 3) * pow(log(Math.max(rounds, 2)), 1 / 3)),
      );
    }
    assertInteger('ExploreFirst', 'explorationPulls', pulls, 1);
    if (!(Number.isFinite(rewardMin) && Number.isFinite(rewardMax) && rewardMax > rewardMin)) {
      throw new RangeError(
        `ExploreFirst: need finite rewardMin < rewardMax, got [${rewardMin}, ${rewardMax}]`,
      );
    }
    super('ExploreFirst', arms, rewardMin, rewardMax, false);
    this.#pulls = pulls;
  }

  /** Pulls of each arm before committing. */
  get explorationPulls(): number {
    return this.#pulls;
  }

  protected params(): Record<string, JsonValue> {
    return { explorationPulls: this.#pulls, rewardMin: this.rewardMin, rewardMax: this.rewardMax };
  }

  /**
   * Arms short of N pulls score above every mean, the least pulled highest; the others score
   * their empirical mean. Ties, at random.
   */
  protected score(arm: number, _rng: Rng): number {
    const n = this.stats.counts[arm]!;
    return n < this.#pulls ? this.rewardMax + 1 + (this.#pulls - n) : this.stats.sums[arm]! / n;
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): ExploreFirst {
    return PolicyBase.restore(
      'ExploreFirst',
      state,
      (p) =>
        new ExploreFirst(p.number('arms'), {
          explorationPulls: p.number('explorationPulls'),
          rewardMin: p.number('rewardMin'),
          rewardMax: p.number('rewardMax'),
        }),
    );
  }
}
