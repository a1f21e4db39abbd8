import { Mdp } from '../model/Mdp.ts';

/**
 * Builds a sparse {@link Mdp} row by row, for generators whose rows have a few successors each:
 * memory is proportional to the number of non-zeros, so a generator's documented maximum size
 * fits in memory (a dense S x A x S table would not). @internal
 */
export class SparseMdpBuilder {
  readonly #states: number;
  readonly #actions: number;
  readonly #rowStart: Int32Array;
  readonly #next: Int32Array;
  readonly #prob: Float64Array;
  readonly #reward: Float64Array;
  #row = 0;
  #nnz = 0;

  /** @param perRow - the most successors a row has */
  constructor(states: number, actions: number, perRow: number) {
    this.#states = states;
    this.#actions = actions;
    this.#rowStart = new Int32Array(states * actions + 1);
    this.#next = new Int32Array(states * actions * perRow);
    this.#prob = new Float64Array(states * actions * perRow);
    this.#reward = new Float64Array(states * actions);
  }

  /** Adds probability `p` of moving to `next` in the current row (merged with an earlier entry for the same successor). */
  add(next: number, p: number): void {
    if (p === 0) return;
    for (let k = this.#rowStart[this.#row]!; k < this.#nnz; k++) {
      if (this.#next[k] === next) {
        this.#prob[k] = this.#prob[k]! + p;
        return;
      }
    }
    this.#next[this.#nnz] = next;
    this.#prob[this.#nnz++] = p;
  }

  /**
   * Closes the current row (state s, action a, in order) with its expected reward; its
   * successors are put in increasing order, as `Mdp.fromDense` stores them.
   */
  endRow(reward: number): void {
    const start = this.#rowStart[this.#row]!;
    for (let k = start + 1; k < this.#nnz; k++) {
      const j = this.#next[k]!;
      const p = this.#prob[k]!;
      let i = k;
      for (; i > start && this.#next[i - 1]! > j; i--) {
        this.#next[i] = this.#next[i - 1]!;
        this.#prob[i] = this.#prob[i - 1]!;
      }
      this.#next[i] = j;
      this.#prob[i] = p;
    }
    this.#reward[this.#row++] = reward;
    this.#rowStart[this.#row] = this.#nnz;
  }

  /** The model, validated by the {@link Mdp} constructor. */
  build(): Mdp {
    return new Mdp({
      states: this.#states,
      actions: this.#actions,
      rowStart: this.#rowStart,
      next: this.#next.subarray(0, this.#nnz),
      prob: this.#prob.subarray(0, this.#nnz),
      reward: this.#reward,
    });
  }
}
