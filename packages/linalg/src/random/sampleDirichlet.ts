import { exp } from '../math/index.ts';
import { assertFiniteVector, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleLogGammaUnchecked } from './sampleGamma.ts';

/**
 * A Dirichlet($\alpha$) draw: independent $G_i \sim \mathrm{Gamma}(\alpha_i, 1)$ normalised to
 * sum to one, computed from $\log G_i$ (a softmax) so that small concentrations do not give 0/0.
 *
 * @param rng - the random source
 * @param alpha - concentrations, each finite and > 0, at least one
 * @param out - optional buffer of the same length to write into
 * @returns a probability vector (in `out` when given)
 * @throws RangeError if any concentration is not finite and positive; TypeError on a bad `out`
 *
 * @example
 * sampleDirichlet(createRng(1), [1, 1, 1]); // uniform on the probability simplex
 */
export function sampleDirichlet(
  rng: Rng,
  alpha: ArrayLike<number>,
  out?: Float64Array,
): Float64Array {
  assertRng('sampleDirichlet', rng);
  assertFiniteVector('sampleDirichlet', 'alpha', alpha, undefined, { min: 0, minOpen: true });
  const k = alpha.length;
  if (k === 0) throw new RangeError('sampleDirichlet: alpha must not be empty');
  if (out !== undefined && out.length !== k) {
    throw new TypeError(`sampleDirichlet: out must have length ${k}, got length ${out.length}`);
  }
  const x = out ?? new Float64Array(k);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const lg = sampleLogGammaUnchecked(rng, alpha[i]!);
    x[i] = lg;
    if (lg > max) max = lg;
  }
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const e = exp(x[i]! - max);
    x[i] = e;
    sum += e;
  }
  for (let i = 0; i < k; i++) x[i] = x[i]! / sum;
  return x;
}
