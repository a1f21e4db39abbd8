import { restoreByType } from '@x/linalg/validate';
import { LagrangeBwk } from '../knapsacks/LagrangeBwk.ts';
import { BisectionContractLearner } from './BisectionContractLearner.ts';
import { LinearContractLearner } from './LinearContractLearner.ts';

/** Every learner of `@x/contracts`. */
export type ContractsLearner = BisectionContractLearner | LagrangeBwk | LinearContractLearner;

/**
 * Restores any learner of the package from its stored state `{ type, version, params, stats }`
 * (untrusted input: the type is read from own keys only and every field is checked).
 * @throws TypeError naming the known types on an unknown one; the learner's own errors otherwise
 *
 * @example
 * const saved = JSON.stringify(new LinearContractLearner({ rounds: 1000, rewardMax: 10 }));
 * const learner = learnerFromJSON(JSON.parse(saved)); // a LinearContractLearner again
 */
export function learnerFromJSON(state: unknown): ContractsLearner {
  return restoreByType<ContractsLearner>('learnerFromJSON', state, {
    BisectionContractLearner,
    LagrangeBwk,
    LinearContractLearner,
  });
}
