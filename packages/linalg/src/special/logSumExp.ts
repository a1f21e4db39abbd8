import { exp, log } from '../math/index.ts';
import { formatValue } from '../validate/assert.ts';

/** Throws unless every entry is a number and not NaN (infinities are valid log-weights). */
export function assertLogWeights(fn: string, name: string, x: ArrayLike<number>): void {
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
    throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${formatValue(x)}`);
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a number, not NaN, got ${formatValue(v)}`);
    }
  }
}

/** $\log\sum_i e^{x_i}$ without checks; see `logSumExp`. */
export function logSumExpUnchecked(x: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) if (x[i]! > max) max = x[i]!;
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += exp(x[i]! - max);
  return max + log(sum);
}

/**
 * $\log \sum_i e^{x_i}$, shifted by the maximum so that nothing overflows or underflows to
 * zero in bulk. Entries of -Infinity (zero weights) are allowed.
 *
 * @param x - log-weights; not NaN
 * @returns -Infinity for an empty input or all -Infinity; +Infinity if any entry is +Infinity
 * @throws RangeError if an entry is NaN
 *
 * @example
 * logSumExp([1000, 1000]) // 1000 + log 2
 */
export function logSumExp(x: ArrayLike<number>): number {
  assertLogWeights('logSumExp', 'x', x);
  return logSumExpUnchecked(x);
}
