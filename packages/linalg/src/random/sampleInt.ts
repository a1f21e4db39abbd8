import { assertInteger, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';

const TWO_POW_53 = 9007199254740992;

/**
 * A uniform integer from $\{0, \dots, n - 1\}$, exactly unbiased: a 53-bit integer $k$ is
 * drawn and rejected when $k \ge 2^{53} - (2^{53} \bmod n)$, then reduced mod $n$.
 *
 * @param rng - the random source
 * @param n - number of outcomes, an integer in $[1, 2^{53}]$
 * @throws RangeError if n is not a positive safe integer
 *
 * @example
 * sampleInt(createRng(1), 6) // a die roll minus one
 */
export function sampleInt(rng: Rng, n: number): number {
  assertRng('sampleInt', rng);
  assertInteger('sampleInt', 'n', n, 1, TWO_POW_53);
  return sampleIntUnchecked(rng, n);
}

/** `sampleInt` without argument checks, for inner loops that validated `n` already. */
export function sampleIntUnchecked(rng: Rng, n: number): number {
  const limit = TWO_POW_53 - (TWO_POW_53 % n);
  for (;;) {
    const k = rng.nextFloat64() * TWO_POW_53;
    if (k < limit) return k % n;
  }
}
