import type { LearnerState } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertInRange,
  assertInteger,
  LEARNER_STATE_VERSION,
  readLearnerState,
  readObject,
  readOptions,
} from '@x/linalg/validate';
import { TabularCounts } from './TabularCounts.ts';

/** Options of {@link Ucrl2}. */
export interface Ucrl2Options {
  /** Confidence parameter delta. @default 0.05 */
  readonly delta?: number;
  /** Scale of both confidence radii (1 is the paper's). @default 1 */
  readonly confidenceScale?: number;
}

/**
 * UCRL2 for average-reward (communicating) MDPs with rewards in [0, 1]. Time is split into
 * episodes; at the start of episode k (time $t_k$), with counts $N(s,a)$ and empirical $\hat
 * r, \hat p$, the plausible MDPs are those with $|\tilde r - \hat r| \le \sqrt{7\log(2SAt_k/\delta)
 * / (2\max(1,N))}$ and $\|\tilde p - \hat p\|_1 \le \sqrt{14 S \log(2At_k/\delta)/\max(1,N)}$;
 * extended value iteration finds the optimistic MDP and its gain-optimal policy (stopping when
 * the span of $u_{i+1} - u_i$ is below $1/\sqrt{t_k}$), which is followed until some pair's visits
 * within the episode reach $\max(1, N(s,a))$. Regret at most $34 DS\sqrt{AT\log(T/\delta)}$ with
 * probability $1 - \delta$ (D the diameter).
 *
 * Choices made: the inner maximisation over the L1 ball is the paper's Figure 2 (move mass to
 * the best state, remove it from the worst); `confidenceScale` (default 1, the paper's radii)
 * is exposed because the proof's radii explore for a long time on small problems.
 *
 * @example
 * const mdp = riverSwim(6);
 * simulateAverageReward(createRng(1), mdp, (m) => new Ucrl2(m), { rounds: 20_000 });
 *
 * References: Jaksch, Ortner and Auer, "Near-optimal Regret Bounds for Reinforcement Learning",
 * JMLR 11, 2010, Figures 1-2 and Theorem 2.
 */
export class Ucrl2 {
  readonly #counts: TabularCounts;
  readonly #episodeVisits: Float64Array;
  readonly #startVisits: Float64Array;
  readonly #delta: number;
  readonly #scale: number;
  readonly #policy: Int32Array;
  #t = 1;
  #planned = false;
  #episodes = 0;

  /**
   * @param states - S
   * @param actions - A
   * @throws RangeError on bad sizes or options
   */
  constructor(
    mdp: { readonly states: number; readonly actions: number },
    options: Ucrl2Options = {},
  ) {
    const { states, actions } = readObject('Ucrl2', 'mdp', mdp);
    assertInteger('Ucrl2', 'states', states, 1, 1 << 12);
    assertInteger('Ucrl2', 'actions', actions, 1, 1 << 12);
    const { delta = 0.05, confidenceScale = 1 } = readOptions('Ucrl2', options);
    assertInRange('Ucrl2', 'delta', delta, 0, 1, { loOpen: true, hiOpen: true });
    assertInRange('Ucrl2', 'confidenceScale', confidenceScale, 0, Number.MAX_VALUE, {
      loOpen: true,
    });
    this.#counts = new TabularCounts(states, actions);
    this.#episodeVisits = new Float64Array(states * actions);
    this.#startVisits = new Float64Array(states * actions);
    this.#delta = delta;
    this.#scale = confidenceScale;
    this.#policy = new Int32Array(states);
  }

  /** Episodes started so far. */
  get episodes(): number {
    return this.#episodes;
  }

  /** A copy of the current episode's policy (all zeros before the first action). */
  get policy(): Int32Array {
    return this.#policy.slice();
  }

  /**
   * The action in state s (starts a new episode, with a fresh optimistic plan, when needed).
   * @throws RangeError if s is not a state
   */
  act(s: number): number {
    const { states: S, actions: A } = this.#counts;
    assertInteger('Ucrl2.act', 's', s, 0, S - 1);
    const i = s * A + this.#policy[s]!;
    if (!this.#planned || this.#episodeVisits[i]! >= Math.max(1, this.#startVisits[i]!))
      this.#plan();
    return this.#policy[s]!;
  }

  /**
   * Records a transition.
   * @throws RangeError on an out-of-range transition or a reward outside [0, 1] (nothing is recorded)
   */
  observe(s: number, a: number, reward: number, next: number): void {
    this.#counts.addEpisode('Ucrl2.observe', [{ state: s, action: a, reward, next }], 1);
    const i = s * this.#counts.actions + a;
    this.#episodeVisits[i] = this.#episodeVisits[i]! + 1;
    this.#t++;
  }

  /** Extended value iteration on the optimistic model (JOA 2010, Figure 2). */
  #plan(): void {
    const { states: S, actions: A, visits, transitions, rewardSums } = this.#counts;
    // N_k(s, a): the counts at the start of the episode, for its stopping rule.
    this.#startVisits.set(visits);
    this.#episodeVisits.fill(0);
    this.#planned = true;
    this.#episodes++;
    const t = this.#t;
    const logR = log((2 * S * A * t) / this.#delta);
    const logP = log((2 * A * t) / this.#delta);
    const rTilde = new Float64Array(S * A);
    const radius = new Float64Array(S * A);
    for (let i = 0; i < S * A; i++) {
      const n = Math.max(1, visits[i]!);
      rTilde[i] = Math.min(1, rewardSums[i]! / n + this.#scale * Math.sqrt((7 * logR) / (2 * n)));
      radius[i] = this.#scale * Math.sqrt((14 * S * logP) / n);
    }
    let u = new Float64Array(S);
    let next = new Float64Array(S);
    const order = new Int32Array(S);
    const p = new Float64Array(S);
    const tolerance = 1 / Math.sqrt(t);
    for (let iter = 0; iter < 100_000; iter++) {
      for (let j = 0; j < S; j++) order[j] = j;
      order.sort((x, y) => u[y]! - u[x]!);
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let s = 0; s < S; s++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let a = 0; a < A; a++) {
          const i = s * A + a;
          const value =
            rTilde[i]! + this.#optimisticNext(i, u, order, p, transitions, visits[i]!, radius[i]!);
          if (value > best) {
            best = value;
            this.#policy[s] = a;
          }
        }
        next[s] = best;
        lo = Math.min(lo, best - u[s]!);
        hi = Math.max(hi, best - u[s]!);
      }
      [u, next] = [next, u];
      // Shift to keep u bounded; spans and the greedy policy are unchanged.
      const base = u[0]!;
      for (let s = 0; s < S; s++) u[s] = u[s]! - base;
      if (hi - lo < tolerance) break;
    }
  }

  /** $\max_{\tilde p:\|\tilde p - \hat p\|_1 \le d} \tilde p^\top u$ for pair i, with `order` sorting u descending. */
  #optimisticNext(
    i: number,
    u: Float64Array,
    order: Int32Array,
    p: Float64Array,
    transitions: Float64Array,
    n: number,
    d: number,
  ): number {
    const S = u.length;
    if (n === 0) p.fill(0);
    else for (let j = 0; j < S; j++) p[j] = transitions[i * S + j]! / n;
    if (n === 0) p[order[0]!] = 1;
    else p[order[0]!] = Math.min(1, p[order[0]!]! + d / 2);
    let total = 0;
    for (let j = 0; j < S; j++) total += p[j]!;
    for (let l = S - 1; l > 0 && total > 1; l--) {
      const j = order[l]!;
      const cut = Math.min(p[j]!, total - 1);
      p[j] = p[j]! - cut;
      total -= cut;
    }
    let value = 0;
    for (let j = 0; j < S; j++) value += p[j]! * u[j]!;
    return value;
  }

  /** The learner as JSON data (parameters, counts and the current episode), for saving and resuming. */
  toJSON(): LearnerState {
    return {
      type: 'Ucrl2',
      version: LEARNER_STATE_VERSION,
      params: {
        states: this.#counts.states,
        actions: this.#counts.actions,
        delta: this.#delta,
        confidenceScale: this.#scale,
      },
      stats: {
        ...this.#counts.toJSON(),
        episodeVisits: Array.from(this.#episodeVisits),
        startVisits: Array.from(this.#startVisits),
        policy: Array.from(this.#policy),
        t: this.#t,
        planned: this.#planned,
        episodes: this.#episodes,
      },
    };
  }

  /**
   * Restores a learner saved by {@link Ucrl2.toJSON}, checking every field; it resumes in the same
   * episode with the same policy.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Ucrl2 {
    const fn = 'Ucrl2.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'Ucrl2');
    const size = { min: 1, integer: true };
    const agent = asCaller(
      fn,
      () =>
        new Ucrl2(
          { states: params.number('states', size), actions: params.number('actions', size) },
          { delta: params.number('delta'), confidenceScale: params.number('confidenceScale') },
        ),
    );
    const S = agent.#counts.states;
    const A = agent.#counts.actions;
    const count = { min: 0, integer: true };
    const episodeVisits = stats.numbers('episodeVisits', S * A, count);
    const startVisits = stats.numbers('startVisits', S * A, count);
    const policy = stats.numbers('policy', S, { min: 0, max: A - 1, integer: true });
    const t = stats.number('t', count);
    const episodes = stats.number('episodes', count);
    const planned = stats.boolean('planned');
    agent.#counts.load(stats);
    agent.#episodeVisits.set(episodeVisits);
    agent.#startVisits.set(startVisits);
    agent.#policy.set(policy);
    agent.#t = Math.max(1, t);
    agent.#planned = planned;
    agent.#episodes = episodes;
    return agent;
  }
}
