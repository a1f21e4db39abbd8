import { fc, test } from '@fast-check/vitest';
import { chiSquareTestDiscrete, createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { expectInheritedTypesRejected } from '../../../../test/stateful.ts';
import { asSeen, POLICY_CASES } from '../../test/policies.ts';
import type { BanditPolicy } from './BanditPolicy.ts';
import { learnerFromJSON } from './learnerFromJSON.ts';

/** A history of (arm, reward) pairs with 0/1 rewards, for K arms. */
const history = (k: number) =>
  fc.array(fc.tuple(fc.nat({ max: k - 1 }), fc.constantFrom(0, 1)), { maxLength: 60 });

describe.each(POLICY_CASES)('$name: the BanditPolicy contract', (c) => {
  const K = 5;
  const { randomized } = c;
  const make = (k: number) => asSeen(c, c.make(k));
  const restore = (state: unknown) => asSeen(c, c.restore(state));

  test.prop([history(K), fc.nat()], { seed: 1, numRuns: 40 })(
    'a restored policy makes the same decisions from the same RNG state',
    (h, seed) => {
      const p = make(K);
      for (const [a, r] of h) p.update(a, r);
      const q = restore(JSON.parse(JSON.stringify(p.toJSON())));
      const q2 = asSeen(c, learnerFromJSON(JSON.parse(JSON.stringify(p.toJSON()))) as BanditPolicy);
      const r1 = createRng(seed);
      const r2 = createRng(seed);
      const r3 = createRng(seed);
      for (let i = 0; i < 20; i++) {
        const a = p.select(r1);
        expect(q.select(r2)).toBe(a);
        expect(q2.select(r3)).toBe(a);
        p.update(a, i % 2);
        q.update(a, i % 2);
        q2.update(a, i % 2);
      }
      expect(q.toJSON()).toEqual(p.toJSON());
    },
  );

  test.prop(
    [history(K), fc.nat(), fc.uniqueArray(fc.nat({ max: K - 1 }), { minLength: 1, maxLength: K })],
    { seed: 2, numRuns: 40 },
  )('select, selectMany and selectSlate stay within the available arms', (h, seed, available) => {
    const p = make(K);
    for (const [a, r] of h) p.update(a, r);
    const rng = createRng(seed);
    expect(available).toContain(p.select(rng, { available }));
    const many = p.selectMany(rng, 7, { available });
    expect(many.length).toBe(7);
    for (const a of many) expect(available).toContain(a);
    const slate = p.selectSlate(rng, available.length, { available });
    expect([...slate].sort()).toEqual([...available].sort());
  });

  test.prop([history(K), fc.nat()], { seed: 3, numRuns: 25 })(
    'action probabilities are a distribution over the available arms',
    (h, seed) => {
      const p = make(K);
      for (const [a, r] of h) p.update(a, r);
      const available = [0, 2, 3];
      const probs = p.actionProbabilities(createRng(seed), { available, samples: 500 });
      expect(Math.abs(probs.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
      expect(probs[1]).toBe(0);
      expect(probs[4]).toBe(0);
    },
  );

  it.skipIf(c.freshUniform === false)(
    'breaks ties uniformly at random, never by the lowest index',
    () => {
      // A fresh policy sees all arms as equal: its first choice must be uniform.
      const rng = createRng(4);
      const draws = Float64Array.from({ length: 5000 }, () => make(K).select(rng));
      expect(chiSquareTestDiscrete(draws, (a) => (a < K ? 1 / K : 0)).pValue).toBeGreaterThan(1e-4);
    },
  );

  it('matches its reported propensities (frequencies within 4 standard errors)', () => {
    const p = make(K);
    const setup = createRng(5);
    for (let i = 0; i < 40; i++) p.update(i % K, setup.nextFloat64() < 0.2 * (i % K) ? 1 : 0);
    const probs = p.actionProbabilities(createRng(6), { samples: 20_000 });
    const n = 4000;
    const counts = new Float64Array(K);
    const rng = createRng(7);
    for (let i = 0; i < n; i++) counts[p.select(rng)]! += 1;
    for (let a = 0; a < K; a++) {
      // Monte Carlo propensities carry their own error: add both variances.
      const v =
        (probs[a]! * (1 - probs[a]!)) / n +
        (randomized ? (probs[a]! * (1 - probs[a]!)) / 20_000 : 0);
      expect(Math.abs(counts[a]! / n - probs[a]!)).toBeLessThanOrEqual(4 * Math.sqrt(v) + 1e-12);
    }
  });

  it('rejects bad arms, rewards and options, leaving its state unchanged', () => {
    const p = make(K);
    p.update(1, 1);
    const before = JSON.stringify(p.toJSON());
    const rng = createRng(8);
    expect(() => p.update(K, 1)).toThrow(RangeError);
    expect(() => p.update(-1, 1)).toThrow(/arm must be an integer in \[0, 4\], got -1/);
    expect(() => p.update(0, Number.NaN)).toThrow(/reward must be finite, got NaN/);
    expect(() => p.update(0.5, 1)).toThrow(RangeError);
    expect(() => p.updateMany([0, 1, 9], [1, 0, 1])).toThrow(/at index 2; nothing was applied/);
    expect(() => p.updateMany([0], [1, 0])).toThrow(TypeError);
    expect(() => p.select(rng, { available: [] })).toThrow(/available must not be empty/);
    expect(() => p.select(rng, { available: [1, 1] })).toThrow(/available lists arm 1 twice/);
    expect(() => p.select(rng, { available: [7] })).toThrow(
      /available\[0\] must be an arm index in \[0, 4\], got 7/,
    );
    expect(() => p.selectSlate(rng, 6)).toThrow(RangeError);
    expect(JSON.stringify(p.toJSON())).toBe(before);
  });

  it('rejects corrupted states with clear errors', () => {
    const p = make(K);
    p.update(0, 1);
    const good = p.toJSON();
    expect(() => restore({ ...good, type: 'Other' })).toThrow(TypeError);
    expect(() => restore({ ...good, version: 2 })).toThrow(/version must be 1/);
    expect(() => restore({ ...good, params: { ...good.params, arms: 0 } })).toThrow(RangeError);
    const statName = Object.keys(good.stats)[0]!;
    expect(() => restore({ ...good, stats: { ...good.stats, [statName]: [1, 2] } })).toThrow(
      TypeError,
    );
    expect(() => learnerFromJSON({ ...good, type: 'Nope' })).toThrow(/unknown learner type "Nope"/);
  });

  it('rejects a state missing any parameter, or with a parameter of the wrong type', () => {
    const good = make(K).toJSON();
    for (const key of Object.keys(good.params)) {
      const { [key]: _dropped, ...rest } = good.params;
      expect(() => restore({ ...good, params: rest })).toThrow(
        new RegExp(`state.params.${key} is missing`),
      );
      expect(() => restore({ ...good, params: { ...good.params, [key]: '1' as never } })).toThrow(
        /^[A-Za-z0-9]+\.fromJSON: /,
      );
    }
  });

  it('reset forgets everything and keeps the hyper-parameters', () => {
    const p = make(K);
    const fresh = JSON.stringify(p.toJSON());
    p.updateMany([0, 1, 2], [1, 0, 1]);
    expect(JSON.stringify(p.toJSON())).not.toBe(fresh);
    p.reset();
    expect(JSON.stringify(p.toJSON())).toBe(fresh);
  });
});

describe('late and out-of-order rewards', () => {
  test.prop([history(4)], { seed: 9, numRuns: 30 })(
    'index policies reach the same state whatever the arrival order',
    (h) => {
      for (const { make, orderFree, name } of POLICY_CASES) {
        // Importance weights depend on the state at arrival; rank-one updates agree up to rounding.
        if (name.startsWith('Exp3') || orderFree === false) continue;
        const inOrder = make(4);
        const reversed = make(4);
        for (const [a, r] of h) inOrder.update(a, r);
        for (const [a, r] of [...h].reverse()) reversed.update(a, r);
        expect(reversed.toJSON()).toEqual(inOrder.toJSON());
      }
    },
  );
});

describe('learnerFromJSON reads untrusted state', () => {
  it('rejects an inherited key (constructor, __proto__, ...) as a type', () => {
    expectInheritedTypesRejected(learnerFromJSON);
  });

  it('restores BayesUcb, which the package exports', async () => {
    const { BayesUcb } = await import('../index.ts');
    const p = new BayesUcb(3);
    p.update(1, 1);
    expect(
      (learnerFromJSON(JSON.parse(JSON.stringify(p.toJSON()))) as BanditPolicy).toJSON(),
    ).toEqual(p.toJSON());
  });
});
