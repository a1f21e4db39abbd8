import { formatValue } from '@x/linalg/validate';
import { Mdp } from './Mdp.ts';

/**
 * Checks that `mdp` is an {@link Mdp} (built, and so validated, by its constructor), and that
 * its value scale $\max|R| / (1 - \gamma)$ is representable when a discount is given: planners
 * fail with the caller's name instead of returning an empty "converged" result for `{}` or
 * values that overflowed to Infinity.
 * @throws TypeError if mdp is not an Mdp; RangeError if the value scale overflows
 * @internal
 */
export function assertMdp(fn: string, mdp: unknown, gamma?: number): asserts mdp is Mdp {
  if (!(mdp instanceof Mdp))
    throw new TypeError(
      `${fn}: mdp must be an Mdp (new Mdp(...) or Mdp.fromDense), got ${formatValue(mdp)}`,
    );
  if (gamma === undefined || !(gamma >= 0 && gamma < 1)) return;
  let rmax = 0;
  for (let i = 0; i < mdp.reward.length; i++) rmax = Math.max(rmax, Math.abs(mdp.reward[i]!));
  // Values and their Bellman sums stay below max|R| / (1 - gamma): keep a factor 4 of headroom.
  if (!(rmax / (1 - gamma) <= Number.MAX_VALUE / 4))
    throw new RangeError(
      `${fn}: the value scale max|R| / (1 - gamma) = ${rmax / (1 - gamma)} overflows double precision`,
    );
}
