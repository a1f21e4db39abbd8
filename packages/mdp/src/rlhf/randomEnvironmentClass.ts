import { type Rng, sampleDirichlet } from '@x/linalg';
import { assertInRange, assertInteger, assertRng, readObject } from '@x/linalg/validate';
import { Mdp } from '../model/Mdp.ts';
import { EnvironmentClass } from './EnvironmentClass.ts';

/** Options of {@link randomEnvironmentClass}. */
export interface RandomEnvironmentClassOptions {
  readonly states: number;
  readonly actions: number;
  readonly horizon: number;
  /** Number of environments M. */
  readonly size: number;
  /** How far each environment's rewards stray from the shared base, in [0, 1]. @default 0.5 */
  readonly spread?: number;
  /** How far each environment's transitions stray from the shared base, in [0, 1] (0: all share the dynamics, so only rewards, seen through preferences, tell them apart). @default spread */
  readonly transitionSpread?: number;
}

/**
 * A random finite environment class around a shared base MDP: base transitions Dirichlet(1) per
 * row and base rewards uniform on [0, 1]; environment i mixes them with its own draws,
 * $P_i = (1 - \rho_P)P_0 + \rho_P D_i$ and $r_i = (1 - \rho)r_0 + \rho u_i$, so small spreads
 * make environments hard to tell apart. The prior is uniform and the baseline policy
 * uniform.
 *
 * @throws RangeError on bad sizes or spread
 *
 * @example
 * const envs = randomEnvironmentClass(createRng(1), { states: 3, actions: 2, horizon: 3, size: 20 });
 * simulateRlhf(createRng(2), envs, (e) => new RlhfIds(e), { rounds: 200 });
 */
export function randomEnvironmentClass(
  rng: Rng,
  options: RandomEnvironmentClassOptions,
): EnvironmentClass {
  const fn = 'randomEnvironmentClass';
  assertRng(fn, rng);
  const {
    states: S,
    actions: A,
    horizon,
    size,
    spread = 0.5,
    transitionSpread = spread,
  } = readObject(fn, 'options', options);
  assertInteger(fn, 'states', S, 1, 256);
  assertInteger(fn, 'actions', A, 1, 64);
  assertInteger(fn, 'size', size, 1, 4096);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 12);
  assertInRange(fn, 'spread', spread, 0, 1);
  assertInRange(fn, 'transitionSpread', transitionSpread, 0, 1);
  const ones = new Float64Array(S).fill(1);
  const baseP = Array.from({ length: S * A }, () => sampleDirichlet(rng, ones));
  const baseR = Float64Array.from({ length: S * A }, () => rng.nextFloat64());
  const environments = Array.from({ length: size }, () => {
    const transitions = Array.from({ length: S }, (_, s) =>
      Array.from({ length: A }, (_, a) => {
        const own = sampleDirichlet(rng, ones);
        return baseP[s * A + a]!.map(
          (p, j) => (1 - transitionSpread) * p + transitionSpread * own[j]!,
        );
      }),
    );
    const rewards = Array.from({ length: S }, (_, s) =>
      Array.from(
        { length: A },
        (_, a) => (1 - spread) * baseR[s * A + a]! + spread * rng.nextFloat64(),
      ),
    );
    return Mdp.fromDense(transitions, rewards);
  });
  return new EnvironmentClass({ environments, horizon });
}
