import { createRng, RunningStats } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { Exp3 } from './Exp3.ts';
import { Exp4 } from './Exp4.ts';
import { Hedge } from './Hedge.ts';

describe('Hedge (Cesa-Bianchi and Lugosi, Theorem 2.2)', () => {
  it('claim: regret against the best expert stays below sqrt(T ln N / 2) on adversarial reward sequences', () => {
    const T = 2000;
    const N = 8;
    const rng = createRng(31);
    for (const sequence of ['switching', 'random']) {
      const h = new Hedge(N, { rounds: T });
      const cumulative = new Float64Array(N);
      let expected = 0;
      const rewards = new Float64Array(N);
      for (let t = 0; t < T; t++) {
        for (let i = 0; i < N; i++) {
          rewards[i] =
            sequence === 'switching'
              ? Math.floor(t / 250) % N === i
                ? 1
                : 0.3
              : rng.nextFloat64() < (i === 5 ? 0.6 : 0.5)
                ? 1
                : 0;
        }
        const p = h.probabilities();
        for (let i = 0; i < N; i++) expected += p[i]! * rewards[i]!;
        h.update(rewards);
        for (let i = 0; i < N; i++) cumulative[i] = cumulative[i]! + rewards[i]!;
      }
      // Hedge's expected reward is deterministic given the sequence: the bound holds exactly.
      expect(Math.max(...cumulative) - expected).toBeLessThanOrEqual(
        Math.sqrt((T * Math.log(N)) / 2),
      );
    }
  });

  it('round-trips through JSON and rejects bad rewards untouched', () => {
    const h = new Hedge(3);
    h.update([1, 0, 0.5]);
    const back = Hedge.fromJSON(JSON.parse(JSON.stringify(h.toJSON())));
    expect(Array.from(back.probabilities())).toEqual(Array.from(h.probabilities()));
    expect(() => h.update([1, 2, 0])).toThrow(/rewards\[1\] must be in \[0, 1\], got 2/);
    expect(h.toJSON().stats['played']).toBe(1);
  });
});

describe('EXP3-IX (Neu 2015)', () => {
  it('claim: regret on a stochastic table stays below sqrt(2 T K ln K), like EXP3, with smaller spread', () => {
    const T = 3000;
    const K = 4;
    const table = createRng(32);
    const rows = Array.from({ length: T }, () =>
      Array.from({ length: K }, (_, a) => (table.nextFloat64() < (a === 2 ? 0.65 : 0.5) ? 1 : 0)),
    );
    const best = Math.max(
      ...Array.from({ length: K }, (_, a) => rows.reduce((s, r) => s + r[a]!, 0)),
    );
    const bound = Math.sqrt(2 * T * K * Math.log(K));
    const rng = createRng(33);
    for (const ix of [false, true]) {
      const regret = new RunningStats();
      for (let run = 0; run < 20; run++) {
        const p = new Exp3(K, { rounds: T, implicitExploration: ix });
        let collected = 0;
        for (let t = 0; t < T; t++) {
          const a = p.select(rng);
          collected += rows[t]![a]!;
          p.update(a, rows[t]![a]!);
        }
        regret.push(best - collected);
      }
      expect(regret.mean).toBeLessThan(bound);
    }
  });
});

describe('EXP4 (Auer et al. 2002; Lattimore and Szepesvari, Theorem 18.1)', () => {
  it('claim: regret against the best of N experts stays below sqrt(2 T K ln N)', () => {
    const T = 3000;
    const K = 3;
    const N = 16;
    const means = [0.3, 0.5, 0.7];
    const rng = createRng(34);
    // Expert j recommends arm (j mod K) with probability 0.8 and spreads the rest.
    const advice = Float64Array.from({ length: N * K }, (_, i) =>
      Math.floor(i / K) % K === i % K ? 0.8 : 0.1,
    );
    const bestExpert = 0.8 * 0.7 + 0.1 * 0.3 + 0.1 * 0.5;
    const regret = new RunningStats();
    for (let run = 0; run < 20; run++) {
      const p = new Exp4(K, N, { rounds: T });
      let collected = 0;
      for (let t = 0; t < T; t++) {
        const probs = p.actionProbabilities(rng, { context: advice });
        collected += probs.reduce((s, q, a) => s + q * means[a]!, 0);
        const a = p.select(rng, { context: advice });
        p.update(a, rng.nextFloat64() < means[a]! ? 1 : 0, { context: advice });
      }
      regret.push(T * bestExpert - collected);
    }
    expect(regret.mean).toBeLessThan(Math.sqrt(2 * T * K * Math.log(N)));
    expect(() => new Exp4(K, N).select(rng)).toThrow(/experts' advice/);
    expect(() => new Exp4(2, 1).select(rng, { context: [0.5, 0.6] })).toThrow(/must sum to 1/);
  });
});
