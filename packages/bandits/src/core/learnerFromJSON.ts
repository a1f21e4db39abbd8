import { restoreByType } from '@x/linalg/validate';
import { Exp3 } from '../adversarial/Exp3.ts';
import { Exp4 } from '../adversarial/Exp4.ts';
import { Hedge } from '../adversarial/Hedge.ts';
import { BetaThompsonSampling } from '../bayesian/BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from '../bayesian/GaussianThompsonSampling.ts';
import { InformationDirectedSampling } from '../bayesian/InformationDirectedSampling.ts';
import { NormalGammaThompsonSampling } from '../bayesian/NormalGammaThompsonSampling.ts';
import { CascadeUcb } from '../cascading/CascadeUcb.ts';
import { LinearThompsonSampling } from '../contextual/LinearThompsonSampling.ts';
import { LinUcb } from '../contextual/LinUcb.ts';
import { SquareCb } from '../contextual/SquareCb.ts';
import { DoubleThompsonSampling } from '../dueling/DoubleThompsonSampling.ts';
import { PreferenceIds } from '../dueling/PreferenceIds.ts';
import { PreferenceOptimizer } from '../preference/PreferenceOptimizer.ts';
import { BayesUcb } from '../stochastic/BayesUcb.ts';
import { EpsilonGreedy } from '../stochastic/EpsilonGreedy.ts';
import { ExploreFirst } from '../stochastic/ExploreFirst.ts';
import { KlUcb } from '../stochastic/KlUcb.ts';
import { Moss } from '../stochastic/Moss.ts';
import { SuccessiveElimination } from '../stochastic/SuccessiveElimination.ts';
import { Ucb1 } from '../stochastic/Ucb1.ts';
import { UcbV } from '../stochastic/UcbV.ts';
import { TallyingSuccessiveElimination } from '../tallying/TallyingSuccessiveElimination.ts';

/** Every learner of the package, by the `type` its state carries. */
const LEARNERS = {
  BayesUcb,
  BetaThompsonSampling,
  CascadeUcb,
  DoubleThompsonSampling,
  EpsilonGreedy,
  Exp3,
  Exp4,
  ExploreFirst,
  GaussianThompsonSampling,
  Hedge,
  InformationDirectedSampling,
  KlUcb,
  LinearThompsonSampling,
  LinUcb,
  Moss,
  NormalGammaThompsonSampling,
  PreferenceIds,
  PreferenceOptimizer,
  SquareCb,
  SuccessiveElimination,
  TallyingSuccessiveElimination,
  Ucb1,
  UcbV,
} as const;

/** A learner of this package: any class `learnerFromJSON` restores. */
export type BanditLearner = InstanceType<(typeof LEARNERS)[keyof typeof LEARNERS]>;

/**
 * Restores any learner of this package (bandit, adversarial, contextual, duelling, cascading
 * and tallying policies, Hedge, the preference optimiser) from its `toJSON()` output,
 * dispatching on `state.type`: for stores that hold learners of several kinds. Stored state is
 * untrusted input: the type is looked up among own keys only, and the class's `fromJSON`
 * validates every field.
 *
 * @throws TypeError on an unknown type or a malformed state; RangeError on inconsistent values
 *
 * @example
 * const saved = JSON.stringify(new Ucb1(3).toJSON());
 * const policy = learnerFromJSON(JSON.parse(saved)); // a Ucb1, in the same state
 */
export function learnerFromJSON(state: unknown): BanditLearner {
  return restoreByType<BanditLearner>('learnerFromJSON', state, LEARNERS);
}
