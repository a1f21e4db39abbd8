import { exp, expm1, log1p } from '@x/linalg/math';
import { assertInRange, readObject } from '@x/linalg/validate';

/** Options of {@link resamplingAccuracy}. */
export interface ResamplingOptions {
  /** The generator's accuracy p: the probability that one sample is correct. */
  readonly accuracy: number;
  /** The verifier's false-positive rate f: it accepts a wrong answer with this probability. */
  readonly falsePositive: number;
  /** The verifier's false-negative rate: it rejects a right answer with this probability. @default 0 */
  readonly falseNegative?: number;
  /** The most samples drawn, N (Infinity for no limit). */
  readonly attempts: number;
}

/**
 * The accuracy of resampling against an imperfect verifier: draw answers until the verifier
 * accepts one (returned) or N have been drawn (the last is returned). With per-sample accuracy
 * p, acceptance probabilities $a = 1 - $ falseNegative for a right answer and f for a wrong one,
 * and $q = pa + (1 - p) f$:
 * $$\mathrm{acc}(N) = \frac{pa}{q}\bigl(1 - (1 - q)^N\bigr) + (1 - q)^{N-1} p (1 - a),$$
 * which rises to the ceiling $pa / (pa + (1 - p) f)$, $p / (p + (1 - p) f)$ for a verifier that
 * never rejects a right answer: more samples cannot beat the verifier's precision.
 *
 * @throws RangeError on a rate outside [0, 1], attempts below 1 or a verifier that accepts
 *   nothing while N is infinite
 *
 * @example
 * resamplingAccuracy({ accuracy: 0.3, falsePositive: 0.1, attempts: Number.POSITIVE_INFINITY });
 * // 0.3 / (0.3 + 0.7 x 0.1) = 0.81: the ceiling
 *
 * References: "Inference Scaling fLaws: The Limits of LLM Resampling with Imperfect Verifiers"
 * (Stroebl, Kapoor and Narayanan, arXiv:2411.17501): the ceiling on resampling accuracy.
 */
export function resamplingAccuracy(options: ResamplingOptions): number {
  const fn = 'resamplingAccuracy';
  const {
    accuracy: p,
    falsePositive: f,
    falseNegative = 0,
    attempts,
  } = readObject(fn, 'options', options);
  assertInRange(fn, 'accuracy', p, 0, 1);
  assertInRange(fn, 'falsePositive', f, 0, 1);
  assertInRange(fn, 'falseNegative', falseNegative, 0, 1);
  if (
    typeof attempts !== 'number' ||
    !(attempts >= 1) ||
    !(Number.isInteger(attempts) || attempts === Number.POSITIVE_INFINITY)
  )
    throw new RangeError(
      `${fn}: attempts must be an integer >= 1 or Infinity, got ${String(attempts)}`,
    );
  const a = 1 - falseNegative;
  const q = p * a + (1 - p) * f;
  if (q === 0) {
    if (attempts === Number.POSITIVE_INFINITY)
      throw new RangeError(
        `${fn}: the verifier accepts nothing, so an unlimited search never ends`,
      );
    return p; // nothing is ever accepted: the last sample is returned
  }
  // 1 - (1 - q)^N and (1 - q)^(N - 1), in log space: exact for large N.
  const infinite = attempts === Number.POSITIVE_INFINITY;
  const accepted = infinite ? 1 : -expm1(attempts * log1p(-q));
  const lastMissed = attempts === 1 ? 1 : infinite ? 0 : exp((attempts - 1) * log1p(-q));
  return ((p * a) / q) * accepted + lastMissed * p * (1 - a);
}
