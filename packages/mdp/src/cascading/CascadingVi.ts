import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertInRange,
  assertInteger,
  assertPositive,
  formatValue,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readObject,
  readOptions,
} from '@x/linalg/validate';
import { TabularCounts } from '../learning/TabularCounts.ts';
import { bestPermUnchecked } from './bestPerm.ts';
import type { CascadeStep, CascadingAgent } from './CascadingAgent.ts';
import type { CascadingProblem } from './CascadingProblem.ts';
import { assertList } from './evaluateCascadingPolicy.ts';

/** The sizes a cascading learner is built for: a {@link CascadingProblem} has them. */
export interface CascadingShape {
  /** S, the number of states. */
  readonly states: number;
  /** N, the number of items. */
  readonly items: number;
  /** m, the most items a list shows (at most N). */
  readonly maxLength: number;
  /** H, the steps per episode. */
  readonly horizon: number;
}

/** Options of {@link CascadingVi}. */
export interface CascadingViOptions {
  /** Confidence parameter delta. @default 0.1 */
  readonly delta?: number;
  /** Scale c of both bonuses (1 is the analysis' shape; smaller explores less). @default 1 */
  readonly bonusScale?: number;
  /** The number of episodes K the learner is tuned for, in its log term. @default 10000 */
  readonly rounds?: number;
}

/**
 * CascadingVI: optimistic value iteration for episodic cascading MDPs whose attraction
 * probabilities, rewards and transitions are unknown. Each episode it plans backward with the
 * BestPerm oracle on optimistic estimates and shows the resulting lists:
 *
 * - attraction, from every item the user examined (the items up to the click, or the whole list
 *   with no click): $\bar q = \min(1, \hat q + c(\sqrt{2\hat q(1-\hat q)L/n} + 3L/n))$, an
 *   empirical-Bernstein bound, and $\bar q = 1$ for an item never examined;
 * - value of a click on a (and of no click): $\bar w = \min(H - h, \hat r + \hat P^\top \bar
 *   V_{h+1} + cH\sqrt{L/N})$, and $H - h$ when never observed;
 * - $\bar V_h(s) = \min(H - h, \mathrm{BestPerm}(\bar q, \bar w, \bar w_\perp, m))$,
 *
 * with $L = \log(5SNHK/\delta)$. The optimistic problem stays a cascading problem, so the
 * planning cost per episode is that of BestPerm at each (h, s), $O(HS(N\log N + Nm + SN))$, not
 * the $N!/(N-m)!$ lists a generic agent would enumerate. Regret $\tilde O(H\sqrt{HSNK})$.
 *
 * Choices made: rewards are estimated rather than known; the bonuses have the shape of the
 * analysis with one scale c (as in `Ucbvi`); the transition bonus is Hoeffding's, where the
 * paper's refined bound uses a variance-aware one. Raising q is optimistic for items worth more
 * than continuing past them, which holds for the items of the optimal list.
 *
 * @example
 * const mdp = garnet(createRng(1), 3, 5, 2);
 * const attraction = Array.from({ length: 3 * 4 }, (_, i) => (i % 4) / 8);
 * const problem = new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 3 });
 * simulateCascadingMdp(createRng(2), problem, (p) => new CascadingVi(p, { rounds: 500 }), {
 *   rounds: 500,
 * });
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", ICLR 2024,
 * arXiv:2401.08961, Section 5 (CascadingVI and its regret).
 */
export class CascadingVi implements CascadingAgent {
  readonly #states: number;
  readonly #items: number;
  readonly #maxLength: number;
  readonly #horizon: number;
  readonly #log: number;
  readonly #scale: number;
  /** Click and no-click transitions (N + 1 actions). */
  readonly #counts: TabularCounts;
  readonly #examined: Float64Array;
  readonly #clicks: Float64Array;
  readonly #params: Record<string, JsonValue>;

  /**
   * @param problem - the sizes: S, N items, m (the most items a list shows) and H; a
   *   {@link CascadingProblem} has them
   * @throws RangeError on bad sizes or options
   */
  constructor(problem: CascadingShape, options: CascadingViOptions = {}) {
    const fn = 'CascadingVi';
    const { states, items, maxLength, horizon } = readObject(fn, 'problem', problem);
    const { delta = 0.1, bonusScale = 1, rounds = 10_000 } = readOptions(fn, options);
    assertInteger(fn, 'states', states, 1, 1 << 16);
    assertInteger(fn, 'items', items, 1, 1 << 12);
    assertInteger(fn, 'maxLength', maxLength, 1, items);
    assertInteger(fn, 'horizon', horizon, 1, 1 << 16);
    assertInRange(fn, 'delta', delta, 0, 1, { loOpen: true, hiOpen: true });
    assertPositive(fn, 'bonusScale', bonusScale);
    assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
    this.#states = states;
    this.#items = items;
    this.#maxLength = maxLength;
    this.#horizon = horizon;
    this.#log = log((5 * states * items * horizon * rounds) / delta);
    this.#scale = bonusScale;
    this.#counts = new TabularCounts(states, items + 1);
    this.#examined = new Float64Array(states * items);
    this.#clicks = new Float64Array(states * items);
    this.#params = { states, items, maxLength, horizon, delta, bonusScale, rounds };
  }

  /** Optimistic backward induction with BestPerm; lists at `h * S + s`. */
  plan(_rng: Rng): readonly Int32Array[] {
    const S = this.#states;
    const N = this.#items;
    const H = this.#horizon;
    const L = this.#log;
    const c = this.#scale;
    const { visits, transitions, rewardSums } = this.#counts;
    const qBar = new Float64Array(S * N);
    for (let i = 0; i < S * N; i++) {
      const n = this.#examined[i]!;
      if (n === 0) {
        qBar[i] = 1;
        continue;
      }
      const q = this.#clicks[i]! / n;
      qBar[i] = Math.min(1, q + c * (Math.sqrt((2 * q * (1 - q) * L) / n) + (3 * L) / n));
    }
    const lists: Int32Array[] = new Array(H * S);
    const w = new Float64Array(N + 1);
    let next = new Float64Array(S);
    let v = new Float64Array(S);
    for (let h = H - 1; h >= 0; h--) {
      const cap = H - h;
      for (let s = 0; s < S; s++) {
        for (let a = 0; a <= N; a++) {
          const i = s * (N + 1) + a;
          const n = visits[i]!;
          if (n === 0) {
            w[a] = cap;
            continue;
          }
          let expected = 0;
          for (let t = 0; t < S; t++) expected += transitions[i * S + t]! * next[t]!;
          w[a] = Math.min(cap, (rewardSums[i]! + expected) / n + c * H * Math.sqrt(L / n));
        }
        const best = bestPermUnchecked(
          qBar.subarray(s * N, (s + 1) * N),
          w.subarray(0, N),
          w[N]!,
          this.#maxLength,
        );
        lists[h * S + s] = best.list;
        v[s] = Math.min(cap, best.value);
      }
      [next, v] = [v, next];
    }
    return lists;
  }

  /**
   * Records an episode after validating every step (nothing is recorded if one is bad).
   * @throws RangeError naming the bad step
   */
  observe(episode: readonly CascadeStep[]): void {
    const fn = 'CascadingVi.observe';
    const S = this.#states;
    const N = this.#items;
    if (!Array.isArray(episode))
      throw new TypeError(`${fn}: episode must be an array of steps, got ${formatValue(episode)}`);
    if (episode.length > this.#horizon)
      throw new RangeError(
        `${fn}: episode has ${episode.length} steps, more than the horizon H = ${this.#horizon}`,
      );
    for (const [k, step] of episode.entries()) {
      readObject(fn, `episode[${k}]`, step);
      assertInteger(fn, `episode[${k}].state`, step.state, 0, S - 1);
      assertInteger(fn, `episode[${k}].next`, step.next, 0, S - 1);
      assertList(fn, step.list, N, this.#maxLength, `episode[${k}].list`);
      assertInteger(fn, `episode[${k}].clicked`, step.clicked, -1, step.list.length - 1);
      assertInRange(fn, `episode[${k}].reward`, step.reward, 0, 1);
    }
    for (const step of episode) {
      const examined = step.clicked === -1 ? step.list.length : step.clicked + 1;
      for (let i = 0; i < examined; i++) {
        const j = step.state * N + step.list[i]!;
        this.#examined[j] = this.#examined[j]! + 1;
        if (i === step.clicked) this.#clicks[j] = this.#clicks[j]! + 1;
      }
      const action = step.clicked === -1 ? N : step.list[step.clicked]!;
      this.#counts.add(step.state, action, step.reward, step.next);
    }
  }

  /** The learner as JSON data (parameters, transition counts and attraction counts). */
  toJSON(): LearnerState {
    return {
      type: 'CascadingVi',
      version: LEARNER_STATE_VERSION,
      params: { ...this.#params },
      stats: {
        ...this.#counts.toJSON(),
        examined: Array.from(this.#examined),
        clicks: Array.from(this.#clicks),
      },
    };
  }

  /**
   * Restores a learner saved by {@link CascadingVi.toJSON}, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): CascadingVi {
    const fn = 'CascadingVi.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'CascadingVi');
    const size = { min: 1, integer: true };
    const agent = asCaller(
      fn,
      () =>
        new CascadingVi(
          {
            states: params.number('states', size),
            items: params.number('items', size),
            maxLength: params.number('maxLength', size),
            horizon: params.number('horizon', size),
          },
          {
            delta: params.number('delta'),
            bonusScale: params.number('bonusScale'),
            rounds: params.number('rounds'),
          },
        ),
    );
    const n = agent.#examined.length;
    const examined = stats.numbers('examined', n, { min: 0, integer: true });
    const clicks = stats.numbers('clicks', n, { min: 0, integer: true });
    for (let i = 0; i < n; i++)
      if (clicks[i]! > examined[i]!) throw stats.error(`clicks[${i}] exceeds examined[${i}]`);
    agent.#counts.load(stats);
    agent.#examined.set(examined);
    agent.#clicks.set(clicks);
    return agent;
  }
}
