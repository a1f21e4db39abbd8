import type { Rng } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertInteger,
  assertRng,
  MAX_ARRAY_LENGTH,
  MAX_ROUNDS,
  readOptions,
  sampleCategoricalUnchecked,
  sampleIntUnchecked,
} from '@x/linalg/validate';
import { CachedUtility, toUtility } from './CachedUtility.ts';
import { type Semivalue, semivalueLogWeights } from './semivalueWeights.ts';
import type { UtilityLike } from './Utility.ts';

/** The result of {@link sampledSemivalue}. */
export interface SampledSemivalueResult {
  readonly values: Float64Array;
  /** Standard error of each value. */
  readonly standardError: Float64Array;
  readonly utilityCalls: number;
}

/**
 * Monte Carlo semivalues for data sets too large to enumerate: for each point i, draw the size s
 * of a coalition with probability $\binom{n-1}{s}p(s)$ (the semivalue's weight of all subsets of
 * that size), then a uniform subset S of that size without i, and average $U(S \cup i) - U(S)$.
 * Unbiased for Shapley, Banzhaf and Beta$(\alpha, \beta)$ Shapley; Beta weights with $\alpha >
 * \beta$ emphasise small coalitions, where a point's marginal contribution is least noisy.
 *
 * @param options - `samples`: marginal contributions drawn per point, >= 2 (default 200)
 * @throws RangeError on bad arguments; Error naming the subset if the utility fails
 *
 * @example
 * const pairs = (s: Int32Array) => (s.includes(0) && s.length > 1 ? 1 : 0); // a glove game
 * const { values, standardError } = sampledSemivalue(createRng(1), 3, pairs, 'shapley', {
 *   samples: 500,
 * });
 * // values [0.672, 0.186, 0.174], within about two standard errors (0.02) of [2/3, 1/6, 1/6]
 *
 * References: Kwon and Zou, "Beta Shapley: a Unified and Noise-reduced Data Valuation Framework
 * for Machine Learning", AISTATS 2022, arXiv:2110.14049, Section 3 and Algorithm 1.
 */
export function sampledSemivalue(
  rng: Rng,
  n: number,
  utility: UtilityLike,
  semivalue: Semivalue = 'shapley',
  options: { readonly samples?: number } = {},
): SampledSemivalueResult {
  assertRng('sampledSemivalue', rng);
  const { samples = 200 } = readOptions('sampledSemivalue', options);
  const fn = 'sampledSemivalue';
  assertInteger(fn, 'n', n, 1, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'samples', samples, 2, MAX_ROUNDS);
  // Probability of each coalition size: C(n-1, s) p(s), formed in log space (p(s) alone
  // underflows for large n: Banzhaf's 2^-(n-1) is 0 from n = 1076).
  const sizeProbability = semivalueLogWeights(fn, n, semivalue);
  let logBinom = 0;
  for (let s = 0; s < n; s++) {
    sizeProbability[s] = exp(logBinom + sizeProbability[s]!);
    logBinom += log((n - 1 - s) / (s + 1));
  }
  const cached = new CachedUtility(n, toUtility(fn, utility));
  const values = new Float64Array(n);
  const standardError = new Float64Array(n);
  const others = new Int32Array(n - 1);
  const subset = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0, k = 0; j < n; j++) if (j !== i) others[k++] = j;
    let mean = 0;
    let m2 = 0;
    for (let t = 1; t <= samples; t++) {
      const s = sampleCategoricalUnchecked(rng, sizeProbability);
      // A uniform s-subset of the others: a partial Fisher-Yates shuffle.
      for (let j = 0; j < s; j++) {
        const r = j + sampleIntUnchecked(rng, n - 1 - j);
        const tmp = others[j]!;
        others[j] = others[r]!;
        others[r] = tmp;
      }
      const without = others.slice(0, s).sort();
      let inserted = 0;
      while (inserted < s && without[inserted]! < i) inserted++;
      subset.set(without.subarray(0, inserted), 0);
      subset[inserted] = i;
      subset.set(without.subarray(inserted), inserted + 1);
      const marginal = cached.evaluate(subset.slice(0, s + 1)) - cached.evaluate(without);
      const delta = marginal - mean;
      mean += delta / t;
      m2 += delta * (marginal - mean);
    }
    values[i] = mean;
    standardError[i] = Math.sqrt(m2 / (samples - 1) / samples);
  }
  return { values, standardError, utilityCalls: cached.calls };
}
