import { describe, expect, it } from 'vitest';
import { Mdp } from './Mdp.ts';

const good = () => ({
  states: 2,
  actions: 1,
  rowStart: [0, 1, 2],
  next: [1, 0],
  prob: [1, 1],
  reward: [0, 1],
});

describe('Mdp reads untrusted model data', () => {
  it('rejects string probabilities, a NaN or huge tolerance and an offset first row', () => {
    expect(() => new Mdp(good())).not.toThrow();
    expect(() => new Mdp({ ...good(), prob: ['1', 1] as unknown as number[] })).toThrow(
      /Mdp: P\(1 \| 0, 0\) must be in \[0, 1\], got "1"/,
    );
    expect(() => new Mdp(good(), { tolerance: Number.NaN })).toThrow(/Mdp: tolerance must be in/);
    expect(() => new Mdp(good(), { tolerance: 0.5 })).toThrow(RangeError);
    expect(
      () => new Mdp({ ...good(), rowStart: [1, 2, 3], next: [1, 0, 0], prob: [1, 1, 1] }),
    ).toThrow(/Mdp: rowStart\[0\] must be 0, got 1/);
    expect(() => new Mdp(null as never)).toThrow(/Mdp: data must be an object/);
  });
});

describe('episodicValue bounds its work', () => {
  it('rejects an infinite horizon and a bad start instead of looping', async () => {
    const { episodicValue } = await import('../learning/simulateEpisodic.ts');
    const m = new Mdp(good());
    expect(episodicValue(m, 3, null, 0)).toBe(1);
    expect(() => episodicValue(m, Number.POSITIVE_INFINITY, null, 0)).toThrow(
      /episodicValue: horizon must be an integer in \[1, 16777216\], got Infinity/,
    );
    expect(() => episodicValue(m, 3, null, 2)).toThrow(/episodicValue: start must be an integer/);
    expect(() => episodicValue(m, 2, Int32Array.of(0, 0, 0, 5), 0)).toThrow(RangeError);
  });
});
