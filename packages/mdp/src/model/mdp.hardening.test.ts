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
    const { episodicValue } = await import('../learning/episodicValue.ts');
    const { EpisodicProblem } = await import('./EpisodicProblem.ts');
    const m = new Mdp(good());
    expect(episodicValue(new EpisodicProblem({ mdp: m, horizon: 3, start: 0 }), null)).toBe(1);
    expect(() => new EpisodicProblem({ mdp: m, horizon: Number.POSITIVE_INFINITY })).toThrow(
      /^EpisodicProblem: horizon must be an integer in \[1, 16777216\], got Infinity/,
    );
    expect(() => new EpisodicProblem({ mdp: m, horizon: 3, start: 2 })).toThrow(
      /^EpisodicProblem: start must be an integer/,
    );
    expect(() => episodicValue({ mdp: m, horizon: 3, start: 0 } as never, null)).toThrow(
      /^episodicValue: problem must be an EpisodicProblem/,
    );
    expect(() =>
      episodicValue(
        new EpisodicProblem({ mdp: m, horizon: 2, start: 0 }),
        Int32Array.of(0, 0, 0, 5),
      ),
    ).toThrow(RangeError);
  });
});

describe('Mdp methods check their indices', () => {
  it('sampleNext and expectedNext reject states, actions and values out of range', async () => {
    const { createRng } = await import('@x/linalg');
    const m = new Mdp(good());
    expect(m.sampleNext(createRng(1), 0, 0)).toBe(1);
    expect(() => m.sampleNext(createRng(1), 2, 0)).toThrow(
      /^Mdp.sampleNext: s must be an integer in \[0, 1\], got 2/,
    );
    expect(() => m.sampleNext(createRng(1), 0, -1)).toThrow(/^Mdp.sampleNext: a must be/);
    expect(m.expectedNext(0, 0, [3, 4])).toBe(4);
    expect(() => m.expectedNext(0, 1, [3, 4])).toThrow(/^Mdp.expectedNext: a must be/);
    expect(() => m.expectedNext(0, 0, [3])).toThrow(/^Mdp.expectedNext: values must have length 2/);
    expect(() => m.expectedNext(0, 0, [3, '4'] as never)).toThrow(
      /^Mdp.expectedNext: values\[1\] must be a finite number, got "4"/,
    );
  });
});

describe('generators at their documented maxima', () => {
  /** The dense construction the generators used before they were sparse, for comparison. */
  const denseRiverSwim = (n: number) => {
    const P = Array.from({ length: n }, () => [new Array(n).fill(0), new Array(n).fill(0)]);
    const R = Array.from({ length: n }, () => [0, 0]);
    for (let s = 0; s < n; s++) {
      P[s]![0]![Math.max(0, s - 1)] = 1;
      const right = P[s]![1]!;
      if (s === 0) [right[0], right[1]] = [0.4, 0.6];
      else if (s === n - 1) [right[n - 1], right[n - 2]] = [0.6, 0.4];
      else [right[s + 1], right[s], right[s - 1]] = [0.35, 0.6, 0.05];
    }
    R[0]![0] = 5 / 1000;
    R[n - 1]![1] = 1;
    return Mdp.fromDense(P, R);
  };

  it('are sparse: the same model as the dense construction, in memory linear in S', async () => {
    const { chain, gridworld, riverSwim } = await import('../index.ts');
    expect(JSON.stringify(riverSwim(7))).toBe(JSON.stringify(denseRiverSwim(7)));
    // Documented maxima: n = 2^20 for chain and riverSwim (a dense table would need 2^41 entries).
    const big = riverSwim(1 << 20);
    expect(big.next.length).toBe(4 * (1 << 20) - 2); // 1 left, 3 right (2 at the ends)
    expect(chain(1 << 20).prob.length).toBeLessThanOrEqual(4 * (1 << 20));
    // A 512 x 512 gridworld: 2^18 states, at most three successors per state and action.
    expect(gridworld(512, 512, { goals: [[0, 0, 1]] }).next.length).toBeLessThanOrEqual(
      3 * 4 * (1 << 18),
    );
    expect(() => gridworld(4096, 4096, { goals: [] })).toThrow(
      /^gridworld: rows x columns must be at most 4194304, got 16777216/,
    );
  }, 60_000);
});

describe('messages name the function the user called', () => {
  it('policyIteration names its own solver option; a bad HiGHS instance is named by the planner', async () => {
    const { linearProgramming, policyIteration, riverSwim } = await import('../index.ts');
    expect(() => policyIteration(riverSwim(3), 0.9, { solver: 'x' as never })).toThrow(
      /^policyIteration: solver must be 'direct', 'iterative' or 'auto', got "x"/,
    );
    await expect(linearProgramming(riverSwim(3), 0.9, { highs: {} as never })).rejects.toThrow(
      /^linearProgramming: highs must be a loaded HiGHS instance/,
    );
    const failing = {
      constants: { objectiveSense: {}, modelStatus: {} },
      withModel: () => {
        throw new Error('raw HiGHS failure');
      },
    };
    await expect(linearProgramming(riverSwim(3), 0.9, { highs: failing as never })).rejects.toThrow(
      /^linearProgramming: HiGHS failed: raw HiGHS failure/,
    );
  });
});
