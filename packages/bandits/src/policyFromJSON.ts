import { asCaller, formatValue } from '@x/linalg/validate';
import type { BanditPolicy, PolicyState } from './BanditPolicy.ts';
import { InformationDirectedSampling } from './ids/InformationDirectedSampling.ts';
import { LinearThompsonSampling } from './linear/LinearThompsonSampling.ts';
import { LinUcb } from './linear/LinUcb.ts';
import { SquareCb } from './linear/SquareCb.ts';
import { BayesUcb } from './policies/BayesUcb.ts';
import { BetaThompsonSampling } from './policies/BetaThompsonSampling.ts';
import { EpsilonGreedy } from './policies/EpsilonGreedy.ts';
import { Exp3 } from './policies/Exp3.ts';
import { Exp4 } from './policies/Exp4.ts';
import { ExploreFirst } from './policies/ExploreFirst.ts';
import { GaussianThompsonSampling } from './policies/GaussianThompsonSampling.ts';
import { KlUcb } from './policies/KlUcb.ts';
import { Moss } from './policies/Moss.ts';
import { NormalGammaThompsonSampling } from './policies/NormalGammaThompsonSampling.ts';
import { SuccessiveElimination } from './policies/SuccessiveElimination.ts';
import { Ucb1 } from './policies/Ucb1.ts';
import { UcbV } from './policies/UcbV.ts';

const LOADERS: Readonly<Record<string, (state: PolicyState) => BanditPolicy>> = {
  BayesUcb: BayesUcb.fromJSON,
  BetaThompsonSampling: BetaThompsonSampling.fromJSON,
  EpsilonGreedy: EpsilonGreedy.fromJSON,
  Exp3: Exp3.fromJSON,
  Exp4: Exp4.fromJSON,
  ExploreFirst: ExploreFirst.fromJSON,
  GaussianThompsonSampling: GaussianThompsonSampling.fromJSON,
  InformationDirectedSampling: InformationDirectedSampling.fromJSON,
  KlUcb: KlUcb.fromJSON,
  LinearThompsonSampling: LinearThompsonSampling.fromJSON,
  LinUcb: LinUcb.fromJSON,
  Moss: Moss.fromJSON,
  NormalGammaThompsonSampling: NormalGammaThompsonSampling.fromJSON,
  SquareCb: SquareCb.fromJSON,
  SuccessiveElimination: SuccessiveElimination.fromJSON,
  Ucb1: Ucb1.fromJSON,
  UcbV: UcbV.fromJSON,
};

/**
 * Restores any policy of this package from its `toJSON()` output, dispatching on `state.type`:
 * for stores that hold policies of several kinds.
 *
 * @throws TypeError on an unknown type or a malformed state; RangeError on inconsistent values
 */
export function policyFromJSON(state: PolicyState): BanditPolicy {
  const type = state?.type;
  // Own keys only: stored state is untrusted, and 'constructor' or 'toString' are inherited.
  const load = typeof type === 'string' && Object.hasOwn(LOADERS, type) ? LOADERS[type] : undefined;
  if (load === undefined) {
    throw new TypeError(
      `policyFromJSON: unknown policy type ${formatValue(type)}; known: ${Object.keys(LOADERS).join(', ')}`,
    );
  }
  return asCaller('policyFromJSON', () => load(state));
}
