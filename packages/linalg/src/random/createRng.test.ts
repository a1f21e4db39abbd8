import { fc, test } from '@fast-check/vitest';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { reference } from '../../test/reference.ts';
import { createRng, jumpBy, rngFromState } from './createRng.ts';

describe('createRng', () => {
  it('pins the integer stream of each seed (golden values from an independent Python implementation)', () => {
    for (const [seed, stream] of Object.entries(reference.rng)) {
      const rng = createRng(Number(seed));
      expect(Array.from({ length: stream.length }, () => rng.nextInt32())).toEqual(stream);
    }
  });

  it('gives different streams for neighbouring seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const same = Array.from({ length: 64 }, () => a.nextInt32() === b.nextInt32()).filter(Boolean);
    expect(same.length).toBeLessThan(2);
  });

  test.prop([fc.nat()], { seed: 1 })(
    'nextFloat64 stays in [0, 1) and is a multiple of 2^-53',
    (seed) => {
      const rng = createRng(seed);
      for (let i = 0; i < 50; i++) {
        const u = rng.nextFloat64();
        expect(u >= 0 && u < 1).toBe(true);
        expect(Number.isInteger(u * 2 ** 53)).toBe(true);
      }
    },
  );

  test.prop([fc.nat(), fc.nat({ max: 100 })], { seed: 2 })(
    'getState/rngFromState and clone continue the exact stream',
    (seed, skip) => {
      const rng = createRng(seed);
      for (let i = 0; i < skip; i++) rng.nextInt32();
      const restored = rngFromState(JSON.parse(JSON.stringify(rng.getState())));
      const copy = rng.clone();
      const expected = Array.from({ length: 20 }, () => rng.nextFloat64());
      expect(Array.from({ length: 20 }, () => restored.nextFloat64())).toEqual(expected);
      expect(Array.from({ length: 20 }, () => copy.nextFloat64())).toEqual(expected);
    },
  );

  it('jumps by the polynomial exactly as stepping does (x^(2^10): 1024 steps)', () => {
    // Printed by scripts/xoroshiroJumps.py for k = 10.
    const poly = [1810608642, 302489968, 2714684201, 598498827];
    const g = xoroshiro128plusFromState([0x12345678, -0x1234567, 0x0badf00d, 42]);
    const jumped = jumpBy(g, poly);
    for (let i = 0; i < 1024; i++) g.next();
    expect(jumped.getState()).toEqual(g.getState());
  });

  it('splits into a tree of distinct streams (a single jump size would repeat arms[1] as arms[2])', () => {
    const root = createRng(7);
    let level = [root];
    const all = [root];
    for (let depth = 1; depth <= 5; depth++) {
      level = level.flatMap((r) => [r.split(), r.split()]);
      all.push(...level);
    }
    const firsts = all.map((r) => r.clone().nextInt32() * 2 ** 32 + r.clone().nextFloat64());
    expect(new Set(firsts).size).toBe(all.length);
    expect(level.every((s) => s.getState().depth === 5)).toBe(true);
  });

  it('is reproducible: the same seed and split sequence give the same streams', () => {
    const make = () => {
      const r = createRng(99);
      const c = r.split();
      return [r.nextFloat64(), c.nextFloat64(), c.split().nextFloat64()];
    };
    expect(make()).toEqual(make());
  });

  it('refuses a sixth level of splitting and a 65537th split', () => {
    const deep = createRng(1).split().split().split().split().split();
    expect(() => deep.split()).toThrow(RangeError);
    expect(() => deep.split()).toThrow(/depth 5/);
    const busy = rngFromState({ ...createRng(2).getState(), splits: 65535 });
    busy.split();
    expect(() => busy.split()).toThrow(/at most 65536 times/);
  });

  it('rejects bad seeds and corrupted states with clear errors', () => {
    expect(() => createRng(-1)).toThrow(/createRng: seed must be an integer >= 0, got -1/);
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    const good = createRng(3).getState();
    expect(() => rngFromState({ ...good, state: [0, 0, 0, 0] })).toThrow(/all zero/);
    expect(() =>
      rngFromState({ ...good, state: [1, 2, 3] as unknown as [number, number, number, number] }),
    ).toThrow(TypeError);
    expect(() => rngFromState({ ...good, state: [1, 2, 3, 2 ** 40] })).toThrow(/state.state\[3\]/);
    expect(() => rngFromState({ ...good, depth: 9 })).toThrow(/state.depth/);
    expect(() => rngFromState({ ...good, splits: -1 })).toThrow(/state.splits/);
    expect(() => rngFromState({ ...good, algorithm: 'mt' as 'xoroshiro128+' })).toThrow(TypeError);
    expect(() => rngFromState(null as unknown as typeof good)).toThrow(TypeError);
  });
});
