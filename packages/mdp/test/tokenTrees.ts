/** Token-tree helpers for the guided-decoding tests. */
import { fc } from '@fast-check/vitest';
import type { TokenTree } from '../src/guided/TokenTree.ts';

/** The probability of response y (heap order of leaves) under a token policy, by its path. */
export function pathProbability(tree: TokenTree, policy: Float64Array, y: number): number {
  const V = tree.vocabulary;
  let node = tree.prefixes + y;
  let p = 1;
  while (node > 0) {
    const parent = Math.floor((node - 1) / V);
    p *= policy[parent * V + (node - 1 - V * parent)]!;
    node = parent;
  }
  return p;
}

export const treeArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  vocabulary: fc.integer({ min: 2, max: 4 }),
  length: fc.integer({ min: 1, max: 3 }),
  concentration: fc.constantFrom(0.3, 1, 3),
  beta: fc.constantFrom(0.05, 0.3, 1, 5),
});
