import { assertInRange, assertInteger, MAX_ROUNDS, readObject } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
import type { Mdp } from '../model/Mdp.ts';

/** Options of the temporal-difference learners. */
export interface TemporalDifferenceOptions {
  /** Number of transitions to learn from. */
  readonly steps: number;
  /** Step size $\alpha_n = n^{-\text{decay}}$ with n the visits of the updated state (or pair); in (0.5, 1] for convergence. @default 0.7 */
  readonly decay?: number;
  /** The starting state. @default 0 */
  readonly start?: number;
}

/** Validates the options shared by {@link tdLambda} and {@link qLearning}. */
export function assertTemporalDifferenceOptions(
  fn: string,
  mdp: Mdp,
  gamma: number,
  o: TemporalDifferenceOptions,
): void {
  assertMdp(fn, mdp);
  readObject(fn, 'options', o);
  assertInRange(fn, 'gamma', gamma, 0, 1, { hiOpen: true });
  assertInteger(fn, 'steps', o.steps, 1, MAX_ROUNDS);
  assertInRange(fn, 'decay', o.decay ?? 0.7, 0.5, 1, { loOpen: true });
  assertInteger(fn, 'start', o.start ?? 0, 0, mdp.states - 1);
}
