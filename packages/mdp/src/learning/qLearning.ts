import type { Rng } from '@x/linalg';
import { pow } from '@x/linalg/math';
import { assertInRange, assertRng, sampleIntUnchecked } from '@x/linalg/validate';
import type { Mdp } from '../model/Mdp.ts';
import {
  assertTemporalDifferenceOptions,
  type TemporalDifferenceOptions,
} from './temporalDifferenceOptions.ts';

/** Options of {@link qLearning}. */
export interface QLearningOptions extends TemporalDifferenceOptions {
  /** Exploration probability of the epsilon-greedy behaviour policy. @default 0.2 */
  readonly epsilon?: number;
}

/**
 * Q-learning along one epsilon-greedy trajectory: $Q(s,a) \leftarrow Q(s,a) + \alpha[r + \gamma
 * \max_{a'} Q(s', a') - Q(s,a)]$ with $\alpha = n(s,a)^{-\text{decay}}$. Converges to $Q^*$ when
 * every pair is visited infinitely often.
 *
 * @returns Q (row-major S x A) and its greedy policy
 * @throws RangeError on bad arguments
 *
 * @example
 * const { policy } = qLearning(createRng(1), chain(5, 0.2), 0.9, { steps: 100_000, epsilon: 0.2 });
 * policy; // valueIteration(chain(5, 0.2), 0.9).policy, learned from interaction
 *
 * References: Watkins and Dayan, "Q-learning", Machine Learning 8, 1992; Even-Dar and Mansour,
 * "Learning Rates for Q-learning", JMLR 5, 2003 (polynomial step sizes).
 */
export function qLearning(
  rng: Rng,
  mdp: Mdp,
  gamma: number,
  options: QLearningOptions,
): { q: Float64Array; policy: Int32Array } {
  assertRng('qLearning', rng);
  const fn = 'qLearning';
  assertTemporalDifferenceOptions(fn, mdp, gamma, options);
  const epsilon = options.epsilon ?? 0.2;
  assertInRange(fn, 'epsilon', epsilon, 0, 1);
  const S = mdp.states;
  const A = mdp.actions;
  const decay = options.decay ?? 0.7;
  const q = new Float64Array(S * A);
  const visits = new Float64Array(S * A);
  const greedy = (s: number): number => {
    let best = 0;
    for (let a = 1; a < A; a++) if (q[s * A + a]! > q[s * A + best]!) best = a;
    return best;
  };
  let s = options.start ?? 0;
  for (let t = 0; t < options.steps; t++) {
    const a = rng.nextFloat64() < epsilon ? sampleIntUnchecked(rng, A) : greedy(s);
    const next = mdp.sampleNext(rng, s, a);
    const i = s * A + a;
    visits[i] = visits[i]! + 1;
    const target = mdp.reward[i]! + gamma * q[next * A + greedy(next)]!;
    q[i] = q[i]! + pow(visits[i]!, -decay) * (target - q[i]!);
    s = next;
  }
  return { q, policy: Int32Array.from({ length: S }, (_, j) => greedy(j)) };
}
