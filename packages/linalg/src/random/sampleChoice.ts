import { assertInteger, assertRng, readOptions } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleIntUnchecked } from './sampleInt.ts';

/** Options of {@link sampleChoice}. */
export interface SampleChoiceOptions {
  /** Draw with replacement. @default false */
  replace?: boolean;
  /** Buffer of length >= k to write the indices into. */
  out?: Int32Array;
}

/**
 * `k` indices drawn uniformly from $\{0, \dots, n-1\}$, without replacement by default (a
 * uniformly random k-subset in random order: a partial Fisher-Yates shuffle when $k > n/4$,
 * Floyd's algorithm with a set otherwise, so memory is $O(\min(n, k))$).
 *
 * @param rng - the random source
 * @param n - population size, a positive integer
 * @param k - number of draws, in [0, n] without replacement
 * @throws RangeError if n or k is not a valid integer or k > n without replacement
 *
 * @example
 * sampleChoice(createRng(1), 10, 3); // 3 distinct indices of 0..9, uniformly
 *
 * References: Bentley and Floyd, "Programming Pearls: A Sample of Brilliance", CACM 30(9), 1987.
 */
export function sampleChoice(
  rng: Rng,
  n: number,
  k: number,
  options: SampleChoiceOptions = {},
): Int32Array {
  const { replace = false, out } = readOptions('sampleChoice', options);
  assertRng('sampleChoice', rng);
  assertInteger('sampleChoice', 'n', n, 1, 2 ** 31 - 1);
  assertInteger('sampleChoice', 'k', k, 0, replace ? 2 ** 31 - 1 : n);
  if (out !== undefined && out.length < k) {
    throw new TypeError(`sampleChoice: out must have length >= ${k}, got ${out.length}`);
  }
  const res = out ?? new Int32Array(k);
  if (replace) {
    for (let i = 0; i < k; i++) res[i] = sampleIntUnchecked(rng, n);
    return res;
  }
  if (4 * k > n) {
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + sampleIntUnchecked(rng, n - i);
      const tmp = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = tmp;
      res[i] = perm[i]!;
    }
    return res;
  }
  const chosen = new Set<number>();
  for (let j = n - k, i = 0; j < n; j++, i++) {
    const t = sampleIntUnchecked(rng, j + 1);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    res[i] = pick;
  }
  // Floyd's order is not uniformly random: shuffle the k picks.
  for (let i = k - 1; i > 0; i--) {
    const j = sampleIntUnchecked(rng, i + 1);
    const tmp = res[i]!;
    res[i] = res[j]!;
    res[j] = tmp;
  }
  return res;
}
