import type { LearnerState, Rng } from '@x/linalg';
import { log, pow } from '@x/linalg/math';
import {
  asCaller,
  assertInteger,
  formatValue,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';
import { ArmStatistics } from '../core/ArmStatistics.ts';

/** Options of {@link TallyingSuccessiveElimination}. */
export interface TallyingSuccessiveEliminationOptions {
  /** An upper bound M on the memory length m. */
  readonly memoryBound: number;
  /** The number of rounds T, in the confidence radius $\sqrt{2\log T / n}$. */
  readonly rounds: number;
}

/**
 * Successive elimination for weighted tallying bandits under repeated exposure optimality.
 * Rounds are grouped in phases; in phase r every active arm is played in one block of $M + 2^r$
 * consecutive rounds: the first M plays fill the arm's tally to its repeated-exposure value (their
 * rewards are not used), the next $2^r$ are samples of $1 - f_a(W)$. After each phase, arms whose
 * upper confidence bound (radius $\sqrt{2\log T / n_a}$) falls below the best lower bound are
 * eliminated. Switching costs at most $M$ per block and there are $O(K\log T)$ blocks, so the
 * memory enters the complete policy regret additively, as in the paper's $\tilde O(\sqrt{KT} +
 * (m + M)K)$.
 *
 * Choices made: the paper's algorithm box was not available to us, so this follows its abstract
 * ("a simple modification of successive elimination", M an upper bound on m): blocks with an
 * M-round burn-in and doubling block lengths. Rewards must arrive in order (the model itself is
 * sequential): `update` must follow its `select`.
 *
 * @example
 * const learner = new TallyingSuccessiveElimination(3, { memoryBound: 5, rounds: 20_000 });
 * const rng = createRng(1);
 * const arm = learner.select(rng); // arms are played in blocks, so the tally settles
 * learner.update(arm, 0.7);
 *
 * References: Malik, Igoe, Li and Singh, "Weighted Tallying Bandits: Overcoming Intractability
 * via Repeated Exposure Optimality", ICML 2023, arXiv:2305.02955; Even-Dar, Mannor and Mansour,
 * JMLR 7, 2006 (successive elimination).
 */
export class TallyingSuccessiveElimination {
  readonly arms: number;
  readonly #memory: number;
  readonly #rounds: number;
  readonly #stats: ArmStatistics;
  readonly #active: Uint8Array;
  #phase = 0;
  /** Index into the active arms of the current block, and position within the block. */
  #block = 0;
  #position = 0;
  #pending = -1;

  /**
   * @param arms - K >= 1
   * @throws RangeError on bad counts, memory bound or number of rounds
   */
  constructor(arms: number, options: TallyingSuccessiveEliminationOptions) {
    if (options === undefined)
      throw new TypeError(
        'TallyingSuccessiveElimination: options { memoryBound, rounds } are required',
      );
    const { memoryBound, rounds } = readOptions('TallyingSuccessiveElimination', options);
    assertInteger('TallyingSuccessiveElimination', 'arms', arms, 1, 1 << 20);
    assertInteger('TallyingSuccessiveElimination', 'memoryBound', memoryBound, 0);
    assertInteger('TallyingSuccessiveElimination', 'rounds', rounds, 1, MAX_ROUNDS);
    this.arms = arms;
    this.#memory = memoryBound;
    this.#rounds = rounds;
    this.#stats = new ArmStatistics(arms);
    this.#active = new Uint8Array(arms).fill(1);
  }

  /** The arms still active. */
  activeArms(): number[] {
    return Array.from(this.#active.keys()).filter((a) => this.#active[a] === 1);
  }

  #blockLength(): number {
    return this.#memory + pow(2, this.#phase);
  }

  /** The arm to play now: the current block's. */
  select(_rng: Rng): number {
    const active = this.activeArms();
    const arm = active[this.#block % active.length]!;
    this.#pending = arm;
    return arm;
  }

  /**
   * Records the reward of the arm just selected.
   * @throws RangeError if the arm is not the one just selected or the reward is outside [0, 1]
   */
  update(arm: number, reward: number): void {
    const fn = 'TallyingSuccessiveElimination.update';
    if (arm !== this.#pending)
      throw new RangeError(
        `${fn}: arm must be the one just selected (${this.#pending}), got ${formatValue(arm)}`,
      );
    if (typeof reward !== 'number')
      throw new TypeError(`${fn}: reward must be a number, got ${formatValue(reward)}`);
    if (!(reward >= 0 && reward <= 1))
      throw new RangeError(`${fn}: reward must be in [0, 1], got ${formatValue(reward)}`);
    this.#pending = -1;
    if (this.#position >= this.#memory) this.#stats.add(arm, reward);
    this.#position++;
    if (this.#position < this.#blockLength()) return;
    this.#position = 0;
    this.#block++;
    if (this.#block < this.activeArms().length) return;
    this.#block = 0;
    this.#phase++;
    this.#eliminate();
  }

  /** The full state as plain JSON. */
  toJSON(): LearnerState {
    return {
      type: 'TallyingSuccessiveElimination',
      version: LEARNER_STATE_VERSION,
      params: { arms: this.arms, memoryBound: this.#memory, rounds: this.#rounds },
      stats: {
        ...this.#stats.toJSON(),
        phase: this.#phase,
        block: this.#block,
        position: this.#position,
        active: Array.from(this.#active, (a) => a === 1),
        pending: this.#pending,
      },
    };
  }

  /**
   * Restores a learner from {@link TallyingSuccessiveElimination.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): TallyingSuccessiveElimination {
    const fn = 'TallyingSuccessiveElimination.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'TallyingSuccessiveElimination');
    const p = asCaller(
      fn,
      () =>
        new TallyingSuccessiveElimination(params.number('arms'), {
          memoryBound: params.number('memoryBound'),
          rounds: params.number('rounds'),
        }),
    );
    const active = stats.value('active');
    if (
      !Array.isArray(active) ||
      active.length !== p.arms ||
      !active.every((v) => typeof v === 'boolean') ||
      !active.includes(true)
    )
      throw stats.error(`active must be ${p.arms} booleans with at least one true`);
    const activeCount = active.filter((v) => v).length;
    p.#stats.load(stats, 0, 1);
    p.#phase = stats.number('phase', { min: 0, max: 60, integer: true });
    p.#block = stats.number('block', { min: 0, max: activeCount - 1, integer: true });
    p.#position = stats.number('position', { min: 0, integer: true });
    p.#pending = stats.number('pending', { min: -1, max: p.arms - 1, integer: true });
    for (let a = 0; a < p.arms; a++) p.#active[a] = active[a] ? 1 : 0;
    return p;
  }

  #eliminate(): void {
    const logT = log(Math.max(2, this.#rounds));
    const radius = (a: number) => Math.sqrt((2 * logT) / Math.max(1, this.#stats.counts[a]!));
    let bestLower = Number.NEGATIVE_INFINITY;
    for (const a of this.activeArms())
      bestLower = Math.max(bestLower, this.#stats.mean(a) - radius(a));
    for (const a of this.activeArms())
      if (this.#stats.mean(a) + radius(a) < bestLower) this.#active[a] = 0;
  }
}
