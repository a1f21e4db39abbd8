import { fc, test } from '@fast-check/vitest';
import { createRng, type Rng } from '@x/linalg';
import { describe } from 'vitest';
import {
  call,
  callSequences,
  checkStatePromise,
  numberLike,
  type StatefulCase,
} from '../../../test/stateful.ts';
import { LinearContractLearner } from './online/LinearContractLearner.ts';

const learner: StatefulCase<LinearContractLearner> = {
  name: 'LinearContractLearner',
  createRng,
  make: () => new LinearContractLearner({ rounds: 27, rewardMax: 1 }),
  restore: (s) => LinearContractLearner.fromJSON(s),
  call: fc.oneof(
    fc
      .tuple(fc.oneof(fc.constantFrom(0, 1 / 3, 2 / 3, 1), numberLike), numberLike)
      .map(([share, u]) =>
        call(`update(${String(share)}, ${String(u)})`, (l: LinearContractLearner) =>
          l.update(share as number, u as number),
        ),
      ),
    fc.constant(call('select', (l: LinearContractLearner, rng: Rng) => l.select(rng))),
  ),
  decide: (l: LinearContractLearner, rng: Rng) => {
    const share = l.select(rng);
    l.update(share, (1 - share) * 0.8);
    return share;
  },
};

describe('LinearContractLearner: the state promise', () => {
  test.prop(callSequences(learner), { seed: 12, numRuns: 40 })(
    'after any accepted and rejected calls the state round-trips through JSON and decides alike',
    (calls, seed) => checkStatePromise(learner, calls, seed),
  );
});
