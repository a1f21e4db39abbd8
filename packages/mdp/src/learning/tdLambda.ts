import type { Rng } from '@x/linalg';
import { pow } from '@x/linalg/math';
import { assertInRange, assertRng } from '@x/linalg/validate';
import { assertPolicy } from '../model/assertPolicy.ts';
import type { Mdp } from '../model/Mdp.ts';
import {
  assertTemporalDifferenceOptions,
  type TemporalDifferenceOptions,
} from './temporalDifferenceOptions.ts';

/**
 * TD($\lambda$) policy evaluation with accumulating eligibility traces along one trajectory of a
 * stationary policy: $\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t)$, $e \leftarrow \gamma\lambda e +
 * \mathbb 1_{s_t}$, $V \leftarrow V + \alpha\, \delta_t\, e$ (TD(0) is $\lambda = 0$). Rewards are the
 * expected rewards R(s, a); transitions are sampled. Converges to $V^\pi$ with
 * Robbins-Monro step sizes when the chain visits every state.
 *
 * @param rng - the random source
 * @param mdp - the model (used only to sample transitions)
 * @param gamma - discount, in [0, 1)
 * @param policy - an action per state
 * @param lambda - trace decay, in [0, 1]
 * @throws RangeError or TypeError on bad arguments
 *
 * @example
 * const mdp = chain(5, 0.2);
 * const policy = Int32Array.of(0, 0, 0, 0, 1); // forward, and back from the end
 * tdLambda(createRng(1), mdp, 0.9, policy, 0.8, { steps: 50_000 }); // evaluatePolicy's within 2e-3
 *
 * References: Sutton, "Learning to Predict by the Methods of Temporal Differences", Machine
 * Learning 3, 1988; Sutton and Barto, Reinforcement Learning: An Introduction, 2nd ed., 2018,
 * Sections 6.1 and 12.2.
 */
export function tdLambda(
  rng: Rng,
  mdp: Mdp,
  gamma: number,
  policy: ArrayLike<number>,
  lambda: number,
  options: TemporalDifferenceOptions,
): Float64Array {
  assertRng('tdLambda', rng);
  const fn = 'tdLambda';
  assertTemporalDifferenceOptions(fn, mdp, gamma, options);
  assertPolicy(fn, mdp, policy);
  assertInRange(fn, 'lambda', lambda, 0, 1);
  const S = mdp.states;
  const A = mdp.actions;
  const decay = options.decay ?? 0.7;
  const v = new Float64Array(S);
  const e = new Float64Array(S);
  const visits = new Float64Array(S);
  let s = options.start ?? 0;
  for (let t = 0; t < options.steps; t++) {
    const a = policy[s]!;
    const next = mdp.sampleNext(rng, s, a);
    const delta = mdp.reward[s * A + a]! + gamma * v[next]! - v[s]!;
    visits[s] = visits[s]! + 1;
    const alpha = pow(visits[s]!, -decay);
    if (lambda === 0) {
      v[s] = v[s]! + alpha * delta;
    } else {
      for (let j = 0; j < S; j++) e[j] = gamma * lambda * e[j]!;
      e[s] = e[s]! + 1;
      for (let j = 0; j < S; j++) if (e[j] !== 0) v[j] = v[j]! + alpha * delta * e[j]!;
    }
    s = next;
  }
  return v;
}
