import type { LearnerState, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertInteger,
  assertOneOf,
  assertRng,
  klBernoulliUpperBoundUnchecked,
  LEARNER_STATE_VERSION,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';
import { ArmStatistics } from '../core/ArmStatistics.ts';
import { assertItemList, candidateArms } from '../core/validation.ts';

/** Options of {@link CascadeUcb}. */
export interface CascadeUcbOptions {
  /** 'ucb1': $\hat w + \sqrt{1.5\log t / n}$ (CascadeUCB1); 'kl-ucb': the KL-UCB index with $\log t + 3\log\log t$ (CascadeKL-UCB). @default 'kl-ucb' */
  readonly index?: 'ucb1' | 'kl-ucb';
}

/**
 * CascadeUCB1 and CascadeKL-UCB for learning to rank in the cascade model: recommend the K items
 * with the largest upper confidence bounds on their attraction (ties at random), ordered by
 * decreasing index; from a click at position c, items before c are observed unattractive and
 * the clicked item attractive (nothing is learned about the items after it). Regret $O((L - K)
 * \log n / \Delta)$.
 *
 * Choices made: items never observed get an infinite index (the paper initialises each with
 * one observation); t is the number of lists shown.
 *
 * @example
 * const learner = new CascadeUcb(8, 3); // rank 3 of 8 items
 * const list = learner.selectList(createRng(1));
 * learner.update(list, 1); // the user clicked the second item (-1: no click)
 *
 * References: Kveton, Szepesvari, Wen and Ashkan, "Cascading Bandits: Learning to Rank in the
 * Cascade Model", ICML 2015, arXiv:1502.02763, Algorithm 1 and Theorems 2-3.
 */
export class CascadeUcb {
  readonly items: number;
  readonly listLength: number;
  readonly #kl: boolean;
  readonly #stats: ArmStatistics;
  readonly #all: Int32Array;
  readonly #mark: Uint8Array;
  readonly #scores: Float64Array;
  readonly #keys: Float64Array;
  #t = 0;

  /**
   * @param items - L >= 1
   * @param listLength - K, in [1, L]
   * @throws RangeError on bad sizes or index
   */
  constructor(items: number, listLength: number, options: CascadeUcbOptions = {}) {
    const { index = 'kl-ucb' } = readOptions('CascadeUcb', options);
    assertInteger('CascadeUcb', 'items', items, 1, 1 << 24);
    assertInteger('CascadeUcb', 'listLength', listLength, 1, items);
    assertOneOf('CascadeUcb', 'index', index, ['ucb1', 'kl-ucb']);
    this.items = items;
    this.listLength = listLength;
    this.#kl = index === 'kl-ucb';
    this.#stats = new ArmStatistics(items);
    this.#all = Int32Array.from({ length: items }, (_, i) => i);
    this.#mark = new Uint8Array(items);
    this.#scores = new Float64Array(items);
    this.#keys = new Float64Array(items);
  }

  #index(e: number, logT: number, level: number): number {
    const n = this.#stats.counts[e]!;
    if (n === 0) return Number.POSITIVE_INFINITY;
    const w = this.#stats.sums[e]! / n;
    return this.#kl
      ? klBernoulliUpperBoundUnchecked(w, level / n)
      : w + Math.sqrt((1.5 * logT) / n);
  }

  /**
   * The list to show: the K available items with the largest indices, best first.
   * @throws RangeError on invalid available items or fewer than K of them
   */
  selectList(rng: Rng, options?: { readonly available?: ArrayLike<number> }): Int32Array {
    assertRng('CascadeUcb.selectList', rng);
    const candidates = Array.from(
      candidateArms('CascadeUcb.selectList', options?.available, this.#all, this.#mark),
    );
    if (candidates.length < this.listLength) {
      throw new RangeError(
        `CascadeUcb.selectList: need at least ${this.listLength} available items, got ${candidates.length}`,
      );
    }
    const t = Math.max(1, this.#t);
    const logT = log(t);
    const level = t >= 3 ? logT + 3 * log(logT) : logT;
    for (const e of candidates) {
      this.#scores[e] = this.#index(e, logT, level);
      this.#keys[e] = rng.nextFloat64();
    }
    const s = this.#scores;
    const k = this.#keys;
    candidates.sort((a, b) => s[b]! - s[a]! || k[b]! - k[a]! || 0);
    return Int32Array.from(candidates.slice(0, this.listLength));
  }

  /**
   * Records the user's response to a list: the click position (0-based), or -1 for no click.
   * @throws TypeError or RangeError on a bad list or position (nothing is recorded)
   */
  update(list: ArrayLike<number>, click: number): void {
    const fn = 'CascadeUcb.update';
    assertItemList(fn, list, this.items, this.items);
    assertInteger(fn, 'click', click, -1, list.length - 1);
    const seen = click < 0 ? list.length : click + 1;
    for (let k = 0; k < seen; k++) this.#stats.add(list[k]!, k === click ? 1 : 0);
    this.#t++;
  }

  /** Forgets everything learned. */
  reset(): void {
    this.#stats.reset();
    this.#t = 0;
  }

  toJSON(): LearnerState {
    return {
      type: 'CascadeUcb',
      version: LEARNER_STATE_VERSION,
      params: {
        items: this.items,
        listLength: this.listLength,
        index: this.#kl ? 'kl-ucb' : 'ucb1',
      },
      stats: { ...this.#stats.toJSON(), played: this.#t },
    };
  }

  /**
   * Restores a learner from {@link CascadeUcb.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): CascadeUcb {
    const fn = 'CascadeUcb.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'CascadeUcb');
    const c = asCaller(
      fn,
      () =>
        new CascadeUcb(params.number('items'), params.number('listLength'), {
          index: params.oneOf('index', ['ucb1', 'kl-ucb']),
        }),
    );
    c.#stats.load(stats, 0, 1);
    c.#t = stats.number('played', { min: 0, integer: true });
    return c;
  }
}
