import type { JsonValue, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  assertInteger,
  formatValue,
  MAX_ROUNDS,
  readOptions,
  type StateFields,
} from '@x/linalg/validate';
import { IndexPolicy } from '../core/IndexPolicy.ts';
import { PolicyBase } from '../core/PolicyBase.ts';

/** Options of {@link SuccessiveElimination}. */
export interface SuccessiveEliminationOptions {
  /** The rounds T in the confidence radius $\sqrt{2\log T / n}$; without it, $\log t$ is used. */
  readonly rounds?: number;
  /** Lower end of the reward range. @default 0 */
  readonly rewardMin?: number;
  /** Upper end of the reward range. @default 1 */
  readonly rewardMax?: number;
}

/**
 * Successive elimination: play the active arms in turn (the least pulled first); after each
 * reward, deactivate every arm whose upper confidence bound falls below some active arm's lower
 * bound, with radius $r_a = (b - a)\sqrt{2 \log T / n_a}$. Regret $O(\sqrt{KT\log T})$ in the
 * worst case and $O(\sum_a \log T / \Delta_a)$ on a fixed instance. Eliminated arms stay out
 * (they are part of the saved state); if none of the available arms is active, the available
 * arm with the best mean is played.
 *
 * @example
 * const policy = new SuccessiveElimination(3, { rounds: 10_000 });
 * const arm = policy.select(createRng(1)); // round-robin over the arms not yet eliminated
 * policy.update(arm, 1);
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Section 1.3.2
 * (Algorithm 1.4); Even-Dar, Mannor and Mansour, "Action Elimination and Stopping Conditions for
 * the Multi-Armed Bandit and Reinforcement Learning Problems", JMLR 7, 2006.
 */
export class SuccessiveElimination extends IndexPolicy {
  readonly #rounds: number | null;
  readonly #active: Uint8Array;

  /**
   * @param arms - number of arms K >= 1
   * @throws RangeError on a bad `rounds` or an empty reward range
   */
  constructor(arms: number, options: SuccessiveEliminationOptions = {}) {
    const { rounds, rewardMin = 0, rewardMax = 1 } = readOptions('SuccessiveElimination', options);
    if (rounds !== undefined)
      assertInteger('SuccessiveElimination', 'rounds', rounds, 1, MAX_ROUNDS);
    if (!(Number.isFinite(rewardMin) && Number.isFinite(rewardMax) && rewardMax > rewardMin)) {
      throw new RangeError(
        `SuccessiveElimination: need finite rewardMin < rewardMax, got [${rewardMin}, ${rewardMax}]`,
      );
    }
    super('SuccessiveElimination', arms, rewardMin, rewardMax, false);
    this.#rounds = rounds ?? null;
    this.#active = new Uint8Array(arms).fill(1);
  }

  protected params(): Record<string, JsonValue> {
    return { rounds: this.#rounds, rewardMin: this.rewardMin, rewardMax: this.rewardMax };
  }

  /** Whether an arm is still active. */
  isActive(arm: number): boolean {
    return this.#active[arm] === 1;
  }

  #radius(arm: number): number {
    const n = this.stats.counts[arm]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const logT = log(Math.max(2, this.#rounds ?? this.stats.total));
    return (this.rewardMax - this.rewardMin) * Math.sqrt((2 * logT) / n);
  }

  /** Active arms: least pulled first (round robin); inactive ones only by mean, below any active one. */
  protected score(arm: number, _rng: Rng): number {
    if (this.#active[arm] === 1) return 1e9 - this.stats.counts[arm]!;
    return this.stats.mean(arm) - (this.rewardMax - this.rewardMin) - 1;
  }

  protected override afterUpdate(_arm: number): void {
    let bestLower = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < this.arms; a++) {
      if (this.#active[a] === 1)
        bestLower = Math.max(bestLower, this.stats.mean(a) - this.#radius(a));
    }
    for (let a = 0; a < this.arms; a++) {
      if (this.#active[a] === 1 && this.stats.mean(a) + this.#radius(a) < bestLower)
        this.#active[a] = 0;
    }
  }

  protected override extraStats(): Record<string, JsonValue> {
    return { active: Array.from(this.#active, (a) => a === 1) };
  }

  protected override loadExtraStats(stats: StateFields): void {
    const active = stats.value('active');
    if (
      !Array.isArray(active) ||
      active.length !== this.arms ||
      !active.every((v) => typeof v === 'boolean')
    )
      throw stats.error(
        `active must be an array of ${this.arms} booleans, got ${formatValue(active)}`,
      );
    if (!active.includes(true)) throw stats.error('active must keep at least one arm active');
    for (let a = 0; a < this.arms; a++) this.#active[a] = active[a] ? 1 : 0;
  }

  protected override resetExtra(): void {
    this.#active.fill(1);
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed or inconsistent state
   */
  static fromJSON(state: unknown): SuccessiveElimination {
    return PolicyBase.restore('SuccessiveElimination', state, (p) => {
      const rounds = p.optionalNumber('rounds');
      return new SuccessiveElimination(p.number('arms'), {
        ...(rounds === undefined ? {} : { rounds }),
        rewardMin: p.number('rewardMin'),
        rewardMax: p.number('rewardMax'),
      });
    });
  }
}
