import { exp, log } from '../math/index.ts';
import { assertFiniteVector } from '../validate/assert.ts';

function prepareOut(fn: string, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  assertFiniteVector(fn, 'x', x);
  if (x.length === 0) throw new RangeError(`${fn}: x must not be empty`);
  if (out !== undefined && out.length !== x.length) {
    throw new TypeError(`${fn}: out must have length ${x.length}, got ${out.length}`);
  }
  return out ?? new Float64Array(x.length);
}

/** $\max_i x_i$ of a non-empty vector. */
function maximum(x: ArrayLike<number>): number {
  let m = x[0]!;
  for (let i = 1; i < x.length; i++) if (x[i]! > m) m = x[i]!;
  return m;
}

/**
 * The softmax $e^{x_i} / \sum_j e^{x_j}$, computed as $e^{x_i - m} / \sum_j e^{x_j - m}$ with
 * m the largest logit: nothing overflows, and no large log-sum is formed whose rounding would
 * shift every probability (softmax([1000, 1000]) is exactly [0.5, 0.5]).
 *
 * @param x - finite logits, non-empty
 * @param out - optional buffer of the same length (may be `x` itself)
 * @throws RangeError on an empty input or a non-finite logit; TypeError on a bad `out`
 *
 * @example
 * softmax([1000, 1000]); // [0.5, 0.5], without overflow
 */
export function softmax(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = prepareOut('softmax', x, out);
  const m = maximum(x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    res[i] = exp(x[i]! - m);
    sum += res[i]!;
  }
  for (let i = 0; i < x.length; i++) res[i] = res[i]! / sum;
  return res;
}

/**
 * The log-softmax $x_i - \log\sum_j e^{x_j}$, computed as $(x_i - m) - \log\sum_j e^{x_j - m}$
 * with m the largest logit: log-probabilities that stay accurate where the probabilities
 * underflow.
 *
 * @param x - finite logits, non-empty
 * @param out - optional buffer of the same length (may be `x` itself)
 * @throws RangeError on an empty input or a non-finite logit; TypeError on a bad `out`
 */
export function logSoftmax(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = prepareOut('logSoftmax', x, out);
  const m = maximum(x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += exp(x[i]! - m);
  const logSum = log(sum);
  for (let i = 0; i < x.length; i++) res[i] = x[i]! - m - logSum;
  return res;
}
