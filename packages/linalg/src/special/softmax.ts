import { exp } from '../math/index.ts';
import { assertFiniteVector } from '../validate/assert.ts';
import { logSumExpUnchecked } from './logSumExp.ts';

function prepareOut(fn: string, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  assertFiniteVector(fn, 'x', x);
  if (x.length === 0) throw new RangeError(`${fn}: x must not be empty`);
  if (out !== undefined && out.length !== x.length) {
    throw new TypeError(`${fn}: out must have length ${x.length}, got ${out.length}`);
  }
  return out ?? new Float64Array(x.length);
}

/**
 * The softmax $e^{x_i} / \sum_j e^{x_j}$, computed as $e^{x_i - \mathrm{lse}(x)}$.
 *
 * @param x - finite logits, non-empty
 * @param out - optional buffer of the same length (may be `x` itself)
 * @throws RangeError on an empty input or a non-finite logit; TypeError on a bad `out`
 */
export function softmax(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = prepareOut('softmax', x, out);
  const lse = logSumExpUnchecked(x);
  for (let i = 0; i < x.length; i++) res[i] = exp(x[i]! - lse);
  return res;
}

/**
 * The log-softmax $x_i - \log\sum_j e^{x_j}$: log-probabilities that stay accurate where the
 * probabilities underflow.
 *
 * @param x - finite logits, non-empty
 * @param out - optional buffer of the same length (may be `x` itself)
 * @throws RangeError on an empty input or a non-finite logit; TypeError on a bad `out`
 */
export function logSoftmax(x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const res = prepareOut('logSoftmax', x, out);
  const lse = logSumExpUnchecked(x);
  for (let i = 0; i < x.length; i++) res[i] = x[i]! - lse;
  return res;
}
