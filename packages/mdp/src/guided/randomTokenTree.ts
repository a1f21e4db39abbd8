import { type Rng, sampleDirichlet } from '@x/linalg';
import { pow } from '@x/linalg/math';
import { assertInteger, assertPositive, assertRng, readOptions } from '@x/linalg/validate';
import { TokenTree } from './TokenTree.ts';

/** Options of {@link randomTokenTree}. */
export interface RandomTokenTreeOptions {
  /** Dirichlet concentration of each reference row (small: peaked next-token laws). @default 1 */
  readonly concentration?: number;
}

/**
 * A random {@link TokenTree} for experiments: each reference row is Dirichlet(c, ..., c) and each
 * response's reward is uniform on [0, 1].
 *
 * @throws RangeError on bad sizes or concentration
 *
 * @example
 * const tree = randomTokenTree(createRng(1), 4, 3, { concentration: 0.5 });
 * tree.responses; // 4^3 = 64 responses, each with a reward in [0, 1]
 */
export function randomTokenTree(
  rng: Rng,
  vocabulary: number,
  length: number,
  options: RandomTokenTreeOptions = {},
): TokenTree {
  assertRng('randomTokenTree', rng);
  const { concentration = 1 } = readOptions('randomTokenTree', options);
  const fn = 'randomTokenTree';
  assertInteger(fn, 'vocabulary', vocabulary, 2, 1 << 16);
  assertInteger(fn, 'length', length, 1, 64);
  assertPositive(fn, 'concentration', concentration);
  const prefixes = (pow(vocabulary, length) - 1) / (vocabulary - 1);
  const reference = new Float64Array(prefixes * vocabulary);
  const alpha = new Float64Array(vocabulary).fill(concentration);
  for (let n = 0; n < prefixes; n++)
    sampleDirichlet(rng, alpha, reference.subarray(n * vocabulary, (n + 1) * vocabulary));
  const reward = new Float64Array(pow(vocabulary, length));
  for (let y = 0; y < reward.length; y++) reward[y] = rng.nextFloat64();
  return new TokenTree({ vocabulary, length, reference, reward });
}
