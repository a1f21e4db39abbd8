import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { expectCorruptStatesRejected } from '../../../../test/stateful.ts';
import { DUELING_CASES } from '../../test/duelingPolicies.ts';
import { learnerFromJSON } from '../core/learnerFromJSON.ts';
import { simulateDuel } from './simulateDuel.ts';

const K = 4;
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
/** A history of comparisons between arms of K. */
const history = fc.array(fc.tuple(fc.nat({ max: K - 1 }), fc.nat({ max: K - 1 }), fc.boolean()), {
  maxLength: 40,
});

describe.each(DUELING_CASES)('$name: the DuelingPolicy contract', (c) => {
  test.prop([history, fc.nat()], { seed: 1, numRuns: 30 })(
    'proposes arms in range, and copies restored by its class and by learnerFromJSON propose alike',
    (h, seed) => {
      const p = c.make();
      for (const [i, j, w] of h) p.update(i, j, w);
      const state = copy(p.toJSON());
      const copies = [c.restore(copy(state)), c.restoreAny(copy(state))];
      const rngs = [p, ...copies].map(() => createRng(seed));
      for (let t = 0; t < 10; t++) {
        const [mine, ...theirs] = [p, ...copies].map((q, k) => q.selectPair(rngs[k]!));
        for (const arm of mine!) expect(Number.isInteger(arm) && arm >= 0 && arm < K).toBe(true);
        for (const pair of theirs) expect(pair).toEqual(mine);
        for (const q of [p, ...copies]) q.update(mine![0], mine![1], t % 3 === 0);
      }
      for (const q of copies) expect(q.toJSON()).toEqual(p.toJSON());
    },
  );

  it('rejects bad comparisons with its own name, leaving its state as it was', () => {
    const p = c.make();
    p.update(0, 1, true);
    const before = JSON.stringify(p.toJSON());
    const own = new RegExp(`^${c.name}\\.update: `);
    expect(() => p.update(K, 0, true)).toThrow(own);
    expect(() => p.update(0, -1, true)).toThrow(own);
    expect(() => p.update(0.5, 1, true)).toThrow(own);
    expect(() => p.update(0, 1, 1 as never)).toThrow(own);
    expect(() => p.update(0, 1, 'true' as never)).toThrow(own);
    expect(() => p.selectPair({} as never)).toThrow(new RegExp(`^${c.name}\\.selectPair: `));
    expect(JSON.stringify(p.toJSON())).toBe(before);
  });

  it('rejects a stored state of another type or version, or missing or mistyping any field', () => {
    const p = c.make();
    p.update(2, 1, false);
    const good = copy(p.toJSON());
    expectCorruptStatesRejected(c.name, c.restore, good);
    expect(() => learnerFromJSON({ ...good, type: 'Nope' })).toThrow(/unknown learner type "Nope"/);
  });

  it('reset forgets every comparison and keeps the parameters', () => {
    const p = c.make();
    const fresh = JSON.stringify(p.toJSON());
    p.update(0, 1, true);
    p.update(3, 2, false);
    expect(JSON.stringify(p.toJSON())).not.toBe(fresh);
    p.reset();
    expect(JSON.stringify(p.toJSON())).toBe(fresh);
  });

  it('learns: after its warm-up, its Condorcet regret per round is at most 2% of the largest possible', () => {
    const env = c.environment;
    const window = 200;
    const rounds = c.learnsWithin + window;
    const { mean } = simulateDuel(createRng(4), env, () => c.make(), {
      rounds,
      checkpoints: [c.learnsWithin, rounds],
    }).series.condorcetRegret;
    // A round's Condorcet regret is at most the largest epsilon(a*, a) = P(a* beats a) - 1/2.
    let largest = 0;
    for (let a = 0; a < K; a++) largest = Math.max(largest, env.condorcetRegret(a, a));
    expect((mean[1]! - mean[0]!) / window).toBeLessThanOrEqual(0.02 * largest);
  });
});
