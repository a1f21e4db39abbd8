import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import type { Mdp } from '../model/Mdp.ts';
import { maximizeCvar } from './maximizeCvar.ts';

type Atoms = { p: number; g: number }[];

/** Every return distribution of every deterministic history-dependent policy from (h, s, g). */
function allDistributions(mdp: Mdp, H: number, h: number, s: number, g: number): Atoms[] {
  if (h === H) return [[{ p: 1, g }]];
  const A = mdp.actions;
  const out: Atoms[] = [];
  for (let a = 0; a < A; a++) {
    const total = g + mdp.reward[s * A + a]!;
    let partial: Atoms[] = [[]];
    for (let j = mdp.rowStart[s * A + a]!; j < mdp.rowStart[s * A + a + 1]!; j++) {
      const p = mdp.prob[j]!;
      const options = allDistributions(mdp, H, h + 1, mdp.next[j]!, total);
      partial = partial.flatMap((d) =>
        options.map((o) => [...d, ...o.map((x) => ({ p: p * x.p, g: x.g }))]),
      );
    }
    out.push(...partial);
  }
  return out;
}

/** Lower-tail CVaR of a discrete law, from its sorted atoms (independent of Rockafellar-Uryasev). */
function cvar(atoms: Atoms, tau: number): number {
  const sorted = [...atoms].sort((x, y) => x.g - y.g);
  let mass = 0;
  let sum = 0;
  for (const { p, g } of sorted) {
    const take = Math.min(p, tau - mass);
    if (take <= 0) break;
    sum += take * g;
    mass += take;
  }
  return sum / tau;
}

describe('maximizeCvar (stock-augmented distributional DP)', () => {
  test.prop(
    [
      fc.integer({ min: 2, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom(0.1, 0.25, 0.5, 0.9),
      fc.nat(),
    ],
    { seed: 9, numRuns: 30 },
  )(
    'claim: the optimum equals brute force over all deterministic history-dependent policies',
    (S, H, tau, seed) => {
      const mdp = garnet(createRng(seed), S, 2, 2);
      const best = Math.max(...allDistributions(mdp, H, 0, 0, 0).map((d) => cvar(d, tau)));
      const sol = maximizeCvar(mdp, H, tau);
      // Both sides sum at most 2^H products of probabilities and returns below H: 1e-12 is rounding.
      expect(Math.abs(sol.cvar - best)).toBeLessThanOrEqual(1e-12);
    },
  );
});
