import { fc } from '@fast-check/vitest';
import { createRng, type Rng } from '@x/linalg';
import {
  call,
  describeStatePromise,
  numberLike,
  type Stateful,
  type StatefulCase,
} from '../../../test/stateful.ts';
import { LagrangeBwk } from './knapsacks/LagrangeBwk.ts';
import { BisectionContractLearner } from './online/BisectionContractLearner.ts';
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

const bwk: StatefulCase<LagrangeBwk> = {
  name: 'LagrangeBwk',
  createRng,
  make: () => new LagrangeBwk({ arms: 3, resources: 2, budget: 6, rounds: 30 }),
  restore: (s) => LagrangeBwk.fromJSON(s),
  call: fc.oneof(
    fc
      .tuple(
        fc.oneof(fc.nat({ max: 2 }), fc.constantFrom(-1, 3, 0.5, null)),
        numberLike,
        fc.tuple(numberLike, numberLike),
      )
      .map(([arm, reward, used]) =>
        call(
          `update(${String(arm)}, ${String(reward)}, ${JSON.stringify(used)})`,
          (l: LagrangeBwk) => l.update(arm as number, reward as number, used as number[]),
        ),
      ),
    fc.constant(call('select', (l: LagrangeBwk, rng: Rng) => l.select(rng))),
  ),
  decide: (l: LagrangeBwk, rng: Rng) => {
    const arm = l.select(rng);
    l.update(arm, 0.5, [arm === 0 ? 0.5 : 0, 0.25]);
    return arm;
  },
};

const bisection: StatefulCase<BisectionContractLearner> = {
  name: 'BisectionContractLearner',
  createRng,
  make: () =>
    new BisectionContractLearner({ rounds: 50, rewardMax: 1, samplesPerProbe: 2, precision: 0.2 }),
  restore: (s) => BisectionContractLearner.fromJSON(s),
  call: fc.oneof(
    // The share on offer (read from the learner) or another one, with a utility good or bad.
    fc
      .tuple(fc.boolean(), numberLike)
      .map(([offered, u]) =>
        call(
          `update(${offered ? 'offered' : '0.123'}, ${String(u)})`,
          (l: BisectionContractLearner, rng: Rng) =>
            l.update(offered ? l.select(rng) : 0.123, u as number),
        ),
      ),
    fc.constant(call('select', (l: BisectionContractLearner, rng: Rng) => l.select(rng))),
  ),
  decide: (l: BisectionContractLearner, rng: Rng) => {
    const share = l.select(rng);
    l.update(share, (1 - share) * (share > 0.4 ? 0.9 : 0.2));
    return share;
  },
};

describeStatePromise([learner, bwk, bisection] as unknown as StatefulCase<Stateful>[], {
  seed: 12,
  numRuns: 40,
});
