import { asCaller, formatValue } from '@x/linalg/validate';
import { Exp3 } from '../adversarial/Exp3.ts';
import { Exp4 } from '../adversarial/Exp4.ts';
import { BetaThompsonSampling } from '../bayesian/BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from '../bayesian/GaussianThompsonSampling.ts';
import { InformationDirectedSampling } from '../bayesian/InformationDirectedSampling.ts';
import { NormalGammaThompsonSampling } from '../bayesian/NormalGammaThompsonSampling.ts';
import { LinearThompsonSampling } from '../contextual/LinearThompsonSampling.ts';
import { LinUcb } from '../contextual/LinUcb.ts';
import { SquareCb } from '../contextual/SquareCb.ts';
import { BayesUcb } from '../stochastic/BayesUcb.ts';
import { EpsilonGreedy } from '../stochastic/EpsilonGreedy.ts';
import { ExploreFirst } from '../stochastic/ExploreFirst.ts';
import { KlUcb } from '../stochastic/KlUcb.ts';
import { Moss } from '../stochastic/Moss.ts';
import { SuccessiveElimination } from '../stochastic/SuccessiveElimination.ts';
import { Ucb1 } from '../stochastic/Ucb1.ts';
import { UcbV } from '../stochastic/UcbV.ts';
import type { BanditPolicy, PolicyState } from './BanditPolicy.ts';

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
