import type { Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  assertInRange,
  assertInteger,
  assertOneOf,
  assertPositive,
  assertRng,
  MAX_ROUNDS,
  readOptions,
} from '@x/linalg/validate';
import { CountingAgent } from './CountingAgent.ts';
import { type EpisodicShape, readEpisodicShape } from './EpisodicAgent.ts';

/** Options of {@link Ucbvi}. */
export interface UcbviOptions {
  /** Confidence parameter delta. @default 0.1 */
  readonly delta?: number;
  /** Scale c of the Hoeffding bonus $c H \sqrt{L / N(s,a)}$, $L = \log(5SAHK/\delta)$. @default 1 (the paper's proof uses 7) */
  readonly bonusScale?: number;
  /** The number of episodes K the learner is tuned for, in its log term. @default 10000 */
  readonly rounds?: number;
  /**
   * `'hoeffding'`: $b = cH\sqrt{L/N}$ (UCBVI-CH). `'bernstein'`: $b = c(\sqrt{8L\,
   * \mathrm{Var}_{\hat P}(V_{h+1})/N} + 14HL/(3N))$, the first two terms of UCBVI-BF, which adapt
   * to the variance of the next value. @default 'hoeffding'
   */
  readonly bonus?: 'hoeffding' | 'bernstein';
}

/**
 * UCBVI with Hoeffding bonuses for episodic MDPs with horizon H and rewards in [0, 1]: each
 * episode, optimistic backward induction on the empirical model, $Q_h(s,a) = \min(H - h, \hat
 * r(s,a) + \hat P(\cdot|s,a)^\top V_{h+1} + b(s,a))$ with $b = cH\sqrt{L/N(s,a)}$ and $Q = H - h$
 * for unvisited pairs; act greedily. Regret $\tilde O(H\sqrt{SAT})$ (plus lower-order terms).
 *
 * Choices made: rewards are estimated (not assumed known), and the bonus constant c is a
 * parameter (the proof's constant 7 explores far more than needed in practice). The Bernstein
 * variant keeps UCBVI-BF's variance and range terms with the paper's constants but omits its
 * third term, which corrects for the error of the estimated next values inside the variance
 * (it needs a second set of pessimistic values); the optimism it guards is then heuristic.
 *
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * simulateEpisodic(createRng(1), problem, (p) => new Ucbvi(p, { rounds: 1000 }), { rounds: 1000 });
 *
 * References: Azar, Osband and Munos, "Minimax Regret Bounds for Reinforcement Learning", ICML
 * 2017, arXiv:1703.05449, Algorithm 1 (UCBVI-CH) and Algorithm 4 (UCBVI-BF).
 */
export class Ucbvi extends CountingAgent {
  readonly #log: number;
  readonly #scale: number;
  readonly #bernstein: boolean;

  /**
   * @param states - S
   * @param actions - A
   * @param horizon - H
   * @throws RangeError on bad sizes or options
   */
  constructor(problem: EpisodicShape, options: UcbviOptions = {}) {
    const { states, actions, horizon } = readEpisodicShape('Ucbvi', problem, 1 << 16, 1 << 12);
    const {
      delta = 0.1,
      bonusScale = 1,
      rounds = 10_000,
      bonus = 'hoeffding',
    } = readOptions('Ucbvi', options);
    assertInRange('Ucbvi', 'delta', delta, 0, 1, { loOpen: true, hiOpen: true });
    assertPositive('Ucbvi', 'bonusScale', bonusScale);
    assertInteger('Ucbvi', 'rounds', rounds, 1, MAX_ROUNDS);
    assertOneOf('Ucbvi', 'bonus', bonus, ['hoeffding', 'bernstein']);
    super('Ucbvi', { states, actions, horizon }, { delta, bonusScale, rounds, bonus });
    this.#log = log((5 * states * actions * horizon * rounds) / delta);
    this.#scale = bonusScale;
    this.#bernstein = bonus === 'bernstein';
  }

  /** Optimistic backward induction; equal Q values (common while they sit at the cap) are broken at random. */
  plan(rng: Rng): Int32Array {
    assertRng('Ucbvi.plan', rng);
    const { states: S, actions: A, visits, transitions, rewardSums } = this.counts;
    const H = this.horizon;
    const policy = new Int32Array(H * S);
    let next = new Float64Array(S);
    let v = new Float64Array(S);
    for (let h = H - 1; h >= 0; h--) {
      const cap = H - h;
      for (let s = 0; s < S; s++) {
        let best = Number.NEGATIVE_INFINITY;
        let ties = 0;
        for (let a = 0; a < A; a++) {
          const i = s * A + a;
          const n = visits[i]!;
          let q = cap;
          if (n > 0) {
            let e = 0;
            let e2 = 0;
            for (let j = 0; j < S; j++) {
              const c = transitions[i * S + j]!;
              e += c * next[j]!;
              e2 += c * next[j]! * next[j]!;
            }
            const L = this.#log;
            const variance = Math.max(0, e2 / n - (e / n) * (e / n));
            const bonus = this.#bernstein
              ? Math.sqrt((8 * L * variance) / n) + (14 * H * L) / (3 * n)
              : H * Math.sqrt(L / n);
            q = Math.min(cap, rewardSums[i]! / n + e / n + this.#scale * bonus);
          }
          if (q > best) {
            best = q;
            ties = 1;
            policy[h * S + s] = a;
          } else if (q === best && rng.nextFloat64() * ++ties < 1) {
            policy[h * S + s] = a;
          }
        }
        v[s] = best;
      }
      [next, v] = [v, next];
    }
    return policy;
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): Ucbvi {
    return CountingAgent.restore(
      'Ucbvi',
      state,
      (shape, params) =>
        new Ucbvi(shape, {
          delta: params.number('delta'),
          bonusScale: params.number('bonusScale'),
          rounds: params.number('rounds'),
          bonus: params.oneOf('bonus', ['hoeffding', 'bernstein']),
        }),
    );
  }
}
