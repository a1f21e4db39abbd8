import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertInRange, assertPositive } from '../validate/assert.ts';

/**
 * Quantile of Student's t distribution with $\nu$ degrees of freedom (stdlib).
 *
 * @param p - probability, in [0, 1]
 * @param dof - $\nu$, > 0
 * @throws RangeError if p is outside [0, 1] or dof is not finite and positive
 *
 * @example
 * studentTQuantile(0.975, 10) // 2.2281388519862744
 */
export function studentTQuantile(p: number, dof: number): number {
  assertInRange('studentTQuantile', 'p', p, 0, 1);
  assertPositive('studentTQuantile', 'dof', dof);
  return tQuantile(p, dof);
}
