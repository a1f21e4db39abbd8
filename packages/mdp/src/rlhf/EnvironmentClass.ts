import { exp, log } from '@x/linalg/math';
import {
  asCaller,
  assertFiniteVector,
  assertInteger,
  formatValue,
  MAX_ARRAY_LENGTH,
  normalizedWeights,
  readObject,
} from '@x/linalg/validate';
import { Mdp, type SparseMdpData } from '../model/Mdp.ts';
import { backwardInduction, backwardPass } from '../planning/backwardInduction.ts';

/** The data of an {@link EnvironmentClass}. */
export interface EnvironmentClassData {
  /**
   * The candidate environments: MDPs with the same S and A and mean rewards in [0, 1] (`Mdp`s,
   * or their data, such as `JSON.parse` gives back, which is validated into `Mdp`s).
   */
  readonly environments: readonly (Mdp | SparseMdpData)[];
  /** Prior weights (normalised here); uniform when omitted. */
  readonly prior?: ArrayLike<number>;
  /** H, steps per episode. */
  readonly horizon: number;
  /** The state every episode starts in. @default 0 */
  readonly start?: number;
  /**
   * The baseline policy whose trajectory the agent's is compared with: `baseline[(h * S + s) * A
   * + a]` is its probability of a at step h in state s. Uniform when omitted.
   */
  readonly baseline?: ArrayLike<number>;
}

/**
 * A finite class of episodic tabular environments with a prior: the Bayesian setting of RLHF by
 * information-directed sampling (a finite class, or a finite epsilon-cover of a continuous one).
 * Precomputes what every learner needs: dense log-transition tables, each environment's optimal
 * (non-stationary) policy, and the value of every such policy in every environment, so a
 * posterior expectation of a candidate's value is one weighted sum.
 *
 * @example
 * const envs = randomEnvironmentClass(createRng(1), { states: 3, actions: 2, horizon: 3, size: 4 });
 * const copy = new EnvironmentClass(JSON.parse(JSON.stringify(envs))); // it travels as JSON
 * copy.size; // 4
 *
 * References: Qi, Yang, Zhang and Yang, "Sample-Efficient Reinforcement Learning from Human
 * Feedback via Information-Directed Sampling", arXiv:2502.05434 (the Bayesian
 * episodic setting with a finite environment class).
 */
export class EnvironmentClass {
  readonly environments: readonly Mdp[];
  readonly size: number;
  readonly states: number;
  readonly actions: number;
  readonly horizon: number;
  readonly start: number;
  /** Normalised prior. */
  readonly prior: Float64Array;
  /** Baseline policy, H x S x A. */
  readonly baseline: Float64Array;
  /** $\log P_i(s' \mid s, a)$ at `((i * S + s) * A + a) * S + s'` (-Infinity for impossible moves). */
  readonly logTransition: Float64Array;
  /** Mean rewards $r_i(s, a)$ at `(i * S + s) * A + a`. */
  readonly reward: Float64Array;
  /** The optimal policy of each environment, `policy[h * S + s]` (step h counted from the start). */
  readonly optimalPolicies: readonly Int32Array[];
  /** $V_i^{\pi_j}$ from the start at `i * size + j`: environment i, the optimal policy of environment j. */
  readonly policyValues: Float64Array;
  /** $V_i^{\pi_0}$ of the baseline in each environment. */
  readonly baselineValues: Float64Array;

  /** @throws TypeError or RangeError on mismatched sizes, rewards outside [0, 1] or a bad prior or baseline */
  constructor(data: EnvironmentClassData) {
    const fn = 'EnvironmentClass';
    const {
      environments: given,
      prior,
      horizon,
      start = 0,
      baseline,
    } = readObject(fn, 'data', data);
    if (!Array.isArray(given) || given.length < 1)
      throw new TypeError(
        `${fn}: environments must be an array of at least one MDP, got ${formatValue(given)}`,
      );
    const environments = given.map((e, i) =>
      e instanceof Mdp ? e : asCaller(`${fn}: environments[${i}]`, () => new Mdp(e)),
    );
    const M = environments.length;
    const S = environments[0]!.states;
    const A = environments[0]!.actions;
    assertInteger(fn, 'horizon', horizon, 1, 1 << 12);
    assertInteger(fn, 'start', start, 0, S - 1);
    if (M * S * A * S > MAX_ARRAY_LENGTH || horizon * S * A > MAX_ARRAY_LENGTH)
      throw new RangeError(
        `${fn}: size x S x A x S and H x S x A must be at most ${MAX_ARRAY_LENGTH}, got ${M * S * A * S} and ${horizon * S * A}`,
      );
    this.environments = environments;
    this.size = M;
    this.states = S;
    this.actions = A;
    this.horizon = horizon;
    this.start = start;
    this.logTransition = new Float64Array(M * S * A * S).fill(Number.NEGATIVE_INFINITY);
    this.reward = new Float64Array(M * S * A);
    for (const [i, mdp] of environments.entries()) {
      if (mdp.states !== S || mdp.actions !== A)
        throw new TypeError(
          `${fn}: environment ${i} has ${mdp.states} states and ${mdp.actions} actions, not ${S} and ${A}`,
        );
      for (let row = 0; row < S * A; row++) {
        const r = mdp.reward[row]!;
        if (!(r >= 0 && r <= 1))
          throw new RangeError(
            `${fn}: environment ${i} reward at state ${Math.floor(row / A)}, action ${row % A} must be in [0, 1], got ${formatValue(r)}`,
          );
        this.reward[i * S * A + row] = r;
        for (let k = mdp.rowStart[row]!; k < mdp.rowStart[row + 1]!; k++) {
          const at = (i * S * A + row) * S + mdp.next[k]!;
          const p = mdp.prob[k]!;
          // Duplicate successors in a row add up.
          this.logTransition[at] = log(exp(this.logTransition[at]!) + p);
        }
      }
    }
    this.prior = normalizedWeights(fn, 'prior', prior, M);
    if (baseline === undefined) this.baseline = new Float64Array(horizon * S * A).fill(1 / A);
    else {
      assertFiniteVector(fn, 'baseline', baseline, horizon * S * A);
      this.baseline = Float64Array.from(baseline);
      for (let row = 0; row < horizon * S; row++) {
        let sum = 0;
        for (let a = 0; a < A; a++) {
          const p = this.baseline[row * A + a]!;
          if (!(p >= 0 && p <= 1))
            throw new RangeError(
              `${fn}: baseline at step ${Math.floor(row / S)}, state ${row % S} has probability ${formatValue(p)}`,
            );
          sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9 * A)
          throw new RangeError(
            `${fn}: baseline at step ${Math.floor(row / S)}, state ${row % S} sums to ${sum}, not 1`,
          );
      }
    }
    this.optimalPolicies = environments.map(
      (mdp) => asCaller(fn, () => backwardInduction(mdp, horizon)).policy,
    );
    this.policyValues = new Float64Array(M * M);
    this.baselineValues = new Float64Array(M);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < M; j++)
        this.policyValues[i * M + j] = backwardPass(
          environments[i]!,
          horizon,
          this.optimalPolicies[j]!,
          null,
          null,
        )[start]!;
      this.baselineValues[i] = this.#baselineValue(environments[i]!);
    }
  }

  /**
   * The class's data as plain arrays: `new EnvironmentClass(JSON.parse(JSON.stringify(envs)))`
   * rebuilds it (validated again), for example on another machine before `RlhfIds.fromJSON`.
   */
  toJSON(): {
    environments: SparseMdpData[];
    prior: number[];
    horizon: number;
    start: number;
    baseline: number[];
  } {
    return {
      environments: this.environments.map((mdp) => mdp.toJSON()),
      prior: Array.from(this.prior),
      horizon: this.horizon,
      start: this.start,
      baseline: Array.from(this.baseline),
    };
  }

  /** Value of the (randomised) baseline policy from the start, by backward induction. */
  #baselineValue(mdp: Mdp): number {
    const { states: S, actions: A, horizon: H } = this;
    let next = new Float64Array(S);
    let v = new Float64Array(S);
    for (let h = H - 1; h >= 0; h--) {
      for (let s = 0; s < S; s++) {
        let total = 0;
        for (let a = 0; a < A; a++) {
          const p = this.baseline[(h * S + s) * A + a]!;
          if (p > 0) total += p * (mdp.reward[s * A + a]! + mdp.expectedNext(s, a, next));
        }
        v[s] = total;
      }
      [next, v] = [v, next];
    }
    return next[this.start]!;
  }
}
