import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import {
  expectCorruptStatesRejected,
  expectInheritedTypesRejected,
} from '../../../../test/stateful.ts';
import { LEARNER_CASES } from '../../test/learners.ts';
import { learnerFromJSON } from './learnerFromJSON.ts';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe.each(LEARNER_CASES)('$name: the learner contract', (c) => {
  test.prop([fc.nat({ max: 40 }), fc.nat()], { seed: 1, numRuns: 15 })(
    'after any history, copies restored by its class and by learnerFromJSON decide alike and stay alike',
    (rounds, seed) => {
      const learner = c.make();
      if (rounds > 0) c.play(createRng(seed), learner, { rounds });
      const state = copy(learner.toJSON());
      const copies = [c.restore(copy(state)), c.restoreAny(copy(state))];
      for (const other of copies) expect(other.toJSON()).toEqual(learner.toJSON());
      // A decision may change the state (Ucrl2 starts an episode): each decides once.
      const [mine, ...theirs] = [learner, ...copies].map((l) => c.decide(createRng(seed + 1), l));
      for (const decision of theirs) expect(decision).toEqual(mine);
      // The same further rounds from the same generator leave all three in the same state.
      for (const l of [learner, ...copies]) c.play(createRng(seed + 2), l, { rounds: 5 });
      for (const other of copies) expect(other.toJSON()).toEqual(learner.toJSON());
    },
  );

  it.each(c.bad.map(([what, run]) => ({ what, run })))(
    'rejects $what with its own name, leaving its state as it was',
    ({ run }) => {
      const learner = c.make();
      c.play(createRng(2), learner, { rounds: 3 });
      const before = JSON.stringify(learner.toJSON());
      let error: unknown;
      try {
        run(learner);
      } catch (e) {
        error = e;
      }
      expect(error instanceof TypeError || error instanceof RangeError).toBe(true);
      expect((error as Error).message).toMatch(new RegExp(`^${c.type}\\.[a-zA-Z]+: `));
      expect(JSON.stringify(learner.toJSON())).toBe(before);
    },
  );

  it('rejects a stored state of another type or version, or missing or mistyping any field', () => {
    const learner = c.make();
    c.play(createRng(3), learner, { rounds: 4 });
    const good = copy(learner.toJSON());
    expectCorruptStatesRejected(c.type, c.restore, good);
    expect(() => learnerFromJSON({ ...good, type: 'Nope' })).toThrow(/unknown learner type "Nope"/);
  });

  it('learns: after its warm-up, its regret per round is at most 1% of the largest possible', () => {
    // One run (the RLHF simulator draws its true environment once per run), regret recorded at
    // the end of the warm-up and after a window of further rounds.
    const window = 100;
    const rounds = c.learnsWithin + window;
    const { mean } = c.play(createRng(4), c.make(), {
      rounds,
      checkpoints: [c.learnsWithin, rounds],
    }).series.regret;
    // Rewards lie in [0, 1]: a round costs at most H (an episode) or 1 (a step of Ucrl2).
    expect((mean[1]! - mean[0]!) / window).toBeLessThanOrEqual(0.01 * c.maxRoundRegret);
  });
});

describe('learnerFromJSON reads untrusted state', () => {
  it('rejects an inherited key (constructor, __proto__, ...) as a type', () => {
    expectInheritedTypesRejected(learnerFromJSON);
  });
});
