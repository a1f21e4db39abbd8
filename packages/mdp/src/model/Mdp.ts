import type { Rng } from '@x/linalg';
import {
  asCaller,
  assertArrayLike,
  assertFiniteVector,
  assertInRange,
  assertInteger,
  assertRng,
  formatValue,
  MAX_ARRAY_LENGTH,
  readOptions,
} from '@x/linalg/validate';

/** Sparse transitions in compressed sparse row form: row r = s * A + a lists its successors. */
export interface SparseMdpData {
  readonly states: number;
  readonly actions: number;
  /** Length S*A + 1: row r's entries are [rowStart[r], rowStart[r + 1]). */
  readonly rowStart: ArrayLike<number>;
  /** Successor state of each entry. */
  readonly next: ArrayLike<number>;
  /** Probability of each entry. */
  readonly prob: ArrayLike<number>;
  /** Expected reward R(s, a), length S*A (row-major by state). */
  readonly reward: ArrayLike<number>;
}

/** Options of the Mdp constructors. */
export interface MdpOptions {
  /** Tolerance on each row's sum of probabilities. @default 1e-9 */
  readonly tolerance?: number;
}

/**
 * A finite Markov decision process with S states and A actions: transition probabilities
 * $P(s' \mid s, a)$ stored sparse (compressed rows, memory proportional to the number of
 * non-zeros, not $S^2 A$) and expected rewards $R(s, a)$. Validated on construction: every row of
 * P is a probability distribution within the tolerance, sizes agree, rewards are finite; errors
 * name the state and the action.
 *
 * @example
 * // Two states, two actions: stay (reward 0) or move (reward 1), both deterministic.
 * const mdp = Mdp.fromTables(2, 2, [1, 0, 0, 1, 0, 1, 1, 0], [0, 1, 0, 1]);
 * mdp.expectedNext(0, 1, [0, 10]); // 10: action 1 from state 0 lands in state 1
 * valueIteration(mdp, 0.9).values; // [10, 10] within 1e-6
 *
 * References: Puterman, Markov Decision Processes, Wiley 1994, Chapter 2.
 */
export class Mdp {
  readonly states: number;
  readonly actions: number;
  readonly rowStart: Int32Array;
  readonly next: Int32Array;
  readonly prob: Float64Array;
  readonly reward: Float64Array;

  /**
   * Builds an MDP from compressed rows.
   * @throws TypeError on mismatched sizes; RangeError on an invalid probability, row or reward
   */
  constructor(data: SparseMdpData, options: MdpOptions = {}) {
    const { tolerance = 1e-9 } = readOptions('Mdp', options);
    const fn = 'Mdp';
    // The tolerance is on a sum of probabilities: between 0 and 1e-3 makes sense (a NaN or huge
    // tolerance would accept any row).
    assertInRange(fn, 'tolerance', tolerance, 0, 1e-3);
    if (data === null || typeof data !== 'object')
      throw new TypeError(
        `${fn}: data must be an object { states, actions, rowStart, next, prob, reward }, got ${formatValue(data)}`,
      );
    assertInteger(fn, 'states', data.states, 1, 1 << 26);
    assertInteger(fn, 'actions', data.actions, 1, 1 << 16);
    const S = data.states;
    const A = data.actions;
    const rows = S * A;
    if (data.rowStart?.length !== rows + 1)
      throw new TypeError(
        `${fn}: rowStart must have length S*A + 1 = ${rows + 1}, got ${formatValue(data.rowStart)}`,
      );
    if (data.reward?.length !== rows)
      throw new TypeError(
        `${fn}: reward must have length S*A = ${rows}, got ${formatValue(data.reward)}`,
      );
    if (data.rowStart[0] !== 0)
      throw new RangeError(`${fn}: rowStart[0] must be 0, got ${formatValue(data.rowStart[0])}`);
    const nnz = data.rowStart[rows]!;
    assertInteger(fn, `rowStart[${rows}]`, nnz, 0, MAX_ARRAY_LENGTH);
    if (data.next?.length !== nnz || data.prob?.length !== nnz)
      throw new TypeError(`${fn}: next and prob must have ${nnz} entries`);
    for (let r = 0; r < rows; r++) {
      const s = Math.floor(r / A);
      const a = r % A;
      const start = data.rowStart[r]!;
      const end = data.rowStart[r + 1]!;
      if (typeof end !== 'number' || !Number.isInteger(end) || !(end >= start))
        throw new RangeError(`${fn}: rowStart must not decrease (state ${s}, action ${a})`);
      if (end === start) throw new RangeError(`${fn}: state ${s}, action ${a} has no successor`);
      let sum = 0;
      for (let k = start; k < end; k++) {
        const j = data.next[k]!;
        const p = data.prob[k]!;
        if (!Number.isInteger(j) || j < 0 || j >= S)
          throw new RangeError(
            `${fn}: state ${s}, action ${a} has successor ${formatValue(j)} outside [0, ${S - 1}]`,
          );
        if (typeof p !== 'number' || !(p >= 0 && p <= 1))
          throw new RangeError(
            `${fn}: P(${j} | ${s}, ${a}) must be in [0, 1], got ${formatValue(p)}`,
          );
        sum += p;
      }
      if (Math.abs(sum - 1) > tolerance)
        throw new RangeError(
          `${fn}: transition probabilities of state ${s}, action ${a} sum to ${sum}, not 1`,
        );
      const rew = data.reward[r];
      if (typeof rew !== 'number' || !Number.isFinite(rew))
        throw new RangeError(
          `${fn}: reward of state ${s}, action ${a} must be finite, got ${formatValue(rew)}`,
        );
    }
    this.states = S;
    this.actions = A;
    this.rowStart = Int32Array.from(data.rowStart);
    this.next = Int32Array.from(data.next);
    this.prob = Float64Array.from(data.prob);
    this.reward = Float64Array.from(data.reward);
  }

  /**
   * Builds an MDP from flat dense tables: `transition[(s * A + a) * S + s']` and `reward[s * A +
   * a]` (zero probabilities dropped), validated like every model.
   * @throws TypeError on mismatched sizes; RangeError on an invalid probability, row or reward
   */
  static fromTables(
    states: number,
    actions: number,
    transition: ArrayLike<number>,
    reward: ArrayLike<number>,
    options?: MdpOptions,
  ): Mdp {
    const fn = 'Mdp.fromTables';
    assertInteger(fn, 'states', states, 1, 1 << 26);
    assertInteger(fn, 'actions', actions, 1, 1 << 16);
    const rows = states * actions;
    if (rows * states > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `${fn}: S x A x S must be at most ${MAX_ARRAY_LENGTH}, got ${rows * states}`,
      );
    assertFiniteVector(fn, 'transition', transition, rows * states);
    const rowStart = new Int32Array(rows + 1);
    let nnz = 0;
    for (let i = 0; i < rows * states; i++) if (transition[i] !== 0) nnz++;
    const next = new Int32Array(nnz);
    const prob = new Float64Array(nnz);
    let k = 0;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < states; j++) {
        const p = transition[r * states + j]!;
        if (p === 0) continue;
        next[k] = j;
        prob[k++] = p;
      }
      rowStart[r + 1] = k;
    }
    return asCaller(fn, () => new Mdp({ states, actions, rowStart, next, prob, reward }, options));
  }

  /**
   * Builds an MDP from dense arrays: `transitions[s][a][s']` and `rewards[s][a]` (or
   * `rewards[s][a][s']`, averaged under P into R(s, a)). Zero probabilities are dropped.
   * @throws TypeError on mismatched sizes; RangeError on an invalid probability, row or reward
   */
  static fromDense(
    transitions: ArrayLike<ArrayLike<ArrayLike<number>>>,
    rewards: ArrayLike<ArrayLike<number>> | ArrayLike<ArrayLike<ArrayLike<number>>>,
    options?: MdpOptions,
  ): Mdp {
    const fn = 'Mdp.fromDense';
    const S = transitions.length;
    const A = transitions[0]?.length ?? 0;
    if (S === 0 || A === 0)
      throw new TypeError(`${fn}: transitions must be S x A x S with S, A >= 1`);
    if (rewards.length !== S)
      throw new TypeError(`${fn}: rewards must have ${S} rows, got ${rewards.length}`);
    const rowStart = new Int32Array(S * A + 1);
    const next: number[] = [];
    const prob: number[] = [];
    const reward = new Float64Array(S * A);
    for (let s = 0; s < S; s++) {
      if (transitions[s]?.length !== A)
        throw new TypeError(`${fn}: transitions[${s}] must have ${A} actions`);
      for (let a = 0; a < A; a++) {
        const row = transitions[s]![a]!;
        if (row?.length !== S)
          throw new TypeError(`${fn}: transitions[${s}][${a}] must have length ${S}`);
        const r = (rewards[s] as ArrayLike<number | ArrayLike<number>>)?.[a];
        let expected = 0;
        for (let j = 0; j < S; j++) {
          const p = row[j]!;
          if (p !== 0) {
            next.push(j);
            prob.push(p);
          }
          if (typeof r === 'object' && r !== null) {
            const rj = (r as ArrayLike<number>)[j]!;
            if (p !== 0) expected += p * rj;
            if (!Number.isFinite(rj))
              throw new RangeError(
                `${fn}: reward of state ${s}, action ${a}, next ${j} must be finite, got ${formatValue(rj)}`,
              );
          }
        }
        reward[s * A + a] = typeof r === 'object' && r !== null ? expected : (r as number);
        rowStart[s * A + a + 1] = next.length;
      }
    }
    return new Mdp({ states: S, actions: A, rowStart, next, prob, reward }, options);
  }

  /**
   * The model as plain arrays, so that `JSON.stringify` writes it and `new Mdp(JSON.parse(text))`
   * rebuilds it (validated again): for shipping a model from a server to a browser demo, or
   * saving it beside a learner's state.
   */
  toJSON(): {
    states: number;
    actions: number;
    rowStart: number[];
    next: number[];
    prob: number[];
    reward: number[];
  } {
    return {
      states: this.states,
      actions: this.actions,
      rowStart: Array.from(this.rowStart),
      next: Array.from(this.next),
      prob: Array.from(this.prob),
      reward: Array.from(this.reward),
    };
  }

  /** Number of stored transitions (non-zeros). */
  get nonZeros(): number {
    return this.next.length;
  }

  /** A successor drawn from $P(\cdot \mid s, a)$ (one uniform, a scan of the sparse row). */
  sampleNext(rng: Rng, s: number, a: number): number {
    assertRng('Mdp.sampleNext', rng);
    this.#assertPair('Mdp.sampleNext', s, a);
    const r = s * this.actions + a;
    const u = rng.nextFloat64();
    let acc = 0;
    const end = this.rowStart[r + 1]!;
    for (let k = this.rowStart[r]!; k < end; k++) {
      acc += this.prob[k]!;
      if (u < acc) return this.next[k]!;
    }
    return this.next[end - 1]!; // rounding: u landed in [acc, 1)
  }

  /** $\sum_{s'} P(s' \mid s, a) V(s')$. */
  expectedNext(s: number, a: number, values: ArrayLike<number>): number {
    const fn = 'Mdp.expectedNext';
    this.#assertPair(fn, s, a);
    assertArrayLike(fn, 'values', values);
    if (values.length !== this.states)
      throw new TypeError(`${fn}: values must have length ${this.states}, got ${values.length}`);
    const r = s * this.actions + a;
    const end = this.rowStart[r + 1]!;
    let v = 0;
    for (let k = this.rowStart[r]!; k < end; k++) {
      const x = values[this.next[k]!];
      // Only the entries read are checked, so a valid call costs O(1) more.
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new RangeError(
          `${fn}: values[${this.next[k]}] must be a finite number, got ${formatValue(x)}`,
        );
      v += this.prob[k]! * x;
    }
    return v;
  }

  /** Checks a state and an action index. */
  #assertPair(fn: string, s: number, a: number): void {
    assertInteger(fn, 's', s, 0, this.states - 1);
    assertInteger(fn, 'a', a, 0, this.actions - 1);
  }
}
