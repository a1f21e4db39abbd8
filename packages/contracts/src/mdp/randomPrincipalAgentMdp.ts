import { type Rng, sampleDirichlet } from '@x/linalg';
import { assertInteger, assertNonNegative, assertRng, readObject } from '@x/linalg/validate';
import { PrincipalAgentMdp } from './PrincipalAgentMdp.ts';

/** The sizes and scales of {@link randomPrincipalAgentMdp}. */
export interface RandomPrincipalAgentMdpOptions {
  readonly states: number;
  readonly actions: number;
  readonly horizon: number;
  /** Costs are uniform in [0, maxCost), action 0 free in every state. @default 0.3 */
  readonly maxCost?: number;
}

/**
 * A random principal-agent MDP for experiments: each transition row drawn from Dirichlet(1),
 * the agent's costs uniform in [0, maxCost) with action 0 free (the outside option), the
 * principal's rewards $r(s, s')$ uniform in [0, 1), episodes from state 0.
 *
 * @throws RangeError on bad sizes or maxCost; TypeError on a bad rng
 *
 * @example
 * const problem = randomPrincipalAgentMdp(createRng(1), { states: 4, actions: 3, horizon: 5 });
 * const plan = await planContracts(problem);
 */
export function randomPrincipalAgentMdp(
  rng: Rng,
  options: RandomPrincipalAgentMdpOptions,
): PrincipalAgentMdp {
  const fn = 'randomPrincipalAgentMdp';
  assertRng(fn, rng);
  const { states: S, actions: A, horizon, maxCost = 0.3 } = readObject(fn, 'options', options);
  assertInteger(fn, 'states', S, 1, 1 << 12);
  assertInteger(fn, 'actions', A, 1, 1 << 12);
  assertInteger(fn, 'horizon', horizon, 1, 1 << 16);
  assertNonNegative(fn, 'maxCost', maxCost);
  if (S * A * S > 1 << 24)
    throw new RangeError(`${fn}: S x A x S must be at most 2^24, got ${S * A * S}`);
  const ones = new Float64Array(S).fill(1);
  const transitions = new Float64Array(S * A * S);
  for (let i = 0; i < S * A; i++) transitions.set(sampleDirichlet(rng, ones), i * S);
  return new PrincipalAgentMdp({
    states: S,
    actions: A,
    horizon,
    transitions,
    costs: Array.from({ length: S * A }, (_, i) => (i % A === 0 ? 0 : maxCost * rng.nextFloat64())),
    rewards: Array.from({ length: S * S }, () => rng.nextFloat64()),
  });
}
