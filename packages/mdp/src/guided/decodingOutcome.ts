import { log } from '@x/linalg/math';
import { assertTokenTree, copyPolicy, type TokenTree } from './TokenTree.ts';

/** What a decoding policy achieves on a {@link TokenTree}. */
export interface DecodingOutcome {
  /** $E_{y \sim \pi}[r(y)]$. */
  readonly expectedReward: number;
  /** $\mathrm{KL}(\rho_\pi \| \rho_{ref})$ over whole responses (the sum of per-token KLs along the policy's own prefixes); infinite if the policy puts mass where the reference has none. */
  readonly klToReference: number;
  /** The probability of each response under the policy, in heap order. */
  readonly responseProbabilities: Float64Array;
}

/**
 * Expected reward, sequence-level KL to the reference and the response law of a token policy,
 * by one forward pass over the tree. The regularised objective is `expectedReward - beta *
 * klToReference`.
 *
 * @throws TypeError or RangeError on an invalid policy (naming the prefix)
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 3, 4);
 * const outcome = decodingOutcome(tree, tree.reference);
 * outcome.expectedReward; // E[r] under the reference; outcome.klToReference is 0
 */
export function decodingOutcome(tree: TokenTree, policy: ArrayLike<number>): DecodingOutcome {
  assertTokenTree('decodingOutcome', tree);
  const p = copyPolicy('decodingOutcome', 'policy', tree, policy);
  const V = tree.vocabulary;
  const I = tree.prefixes;
  const reach = prefixReach(tree, p);
  let kl = 0;
  for (let n = 0; n < I; n++) {
    const mass = reach[n]!;
    for (let z = 0; z < V; z++) {
      const pz = p[n * V + z]!;
      if (pz > 0 && mass > 0) kl += mass * pz * log(pz / tree.reference[n * V + z]!);
    }
  }
  const responseProbabilities = reach.slice(I);
  let expectedReward = 0;
  for (let y = 0; y < tree.responses; y++)
    expectedReward += responseProbabilities[y]! * tree.reward[y]!;
  return { expectedReward, klToReference: kl, responseProbabilities };
}

/** The probability that a token policy reaches each node (prefixes then responses, heap order). @internal */
export function prefixReach(tree: TokenTree, policy: Float64Array): Float64Array {
  const V = tree.vocabulary;
  const reach = new Float64Array(tree.prefixes + tree.responses);
  reach[0] = 1;
  for (let n = 0; n < tree.prefixes; n++)
    for (let z = 0; z < V; z++) reach[V * n + 1 + z] = reach[n]! * policy[n * V + z]!;
  return reach;
}
