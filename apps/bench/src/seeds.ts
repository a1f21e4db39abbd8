import { createRng, type Rng, type RngState } from '@x/linalg';

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The root generator of one experiment: seeded from the run's seed and the experiment's id,
 * so that filtering or adding experiments never changes another experiment's numbers.
 */
export function experimentRng(seed: number, id: string): Rng {
  const mixed = (BigInt(seed) * 0x9e3779b97f4a7c15n) ^ BigInt(fnv1a(id));
  return createRng(Number(BigInt.asUintN(53, mixed)));
}

/**
 * The states of the per-trial streams: trial i gets the i-th split of the experiment's root,
 * whatever worker runs it.
 */
export function trialStates(seed: number, id: string, trials: number): RngState[] {
  const root = experimentRng(seed, id);
  return Array.from({ length: trials }, () => root.split().getState());
}
