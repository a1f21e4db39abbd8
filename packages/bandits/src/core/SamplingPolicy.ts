import type { Rng } from '@x/linalg';
import { PolicyBase, type Propensities } from './PolicyBase.ts';

/**
 * The base of policies defined by a sampling distribution over the arms (EXP3, EXP4, SquareCB):
 * a decision is one draw from the distribution over the available arms, so the propensities are
 * that distribution, exactly, and a slate is drawn without replacement. A subclass supplies the
 * distribution. @internal
 */
export abstract class SamplingPolicy extends PolicyBase {
  /**
   * The probability of each arm this round over the candidates (after `prepareRound`): one
   * entry per arm, 0 outside the candidates, summing to 1 over them. May return a buffer the
   * policy reuses.
   */
  protected abstract distribution(rng: Rng, candidates: ArrayLike<number>): Float64Array;

  protected choose(rng: Rng, candidates: ArrayLike<number>): number {
    return draw(rng, this.distribution(rng, candidates), candidates);
  }

  protected propensities(rng: Rng, candidates: ArrayLike<number>): Propensities {
    return { probabilities: Float64Array.from(this.distribution(rng, candidates)), exact: true };
  }

  /** k draws without replacement: each from the distribution over the arms not yet drawn. */
  protected slate(rng: Rng, candidates: ArrayLike<number>, k: number): Int32Array {
    const remaining = Array.from(candidates);
    const out = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      const a = draw(rng, this.distribution(rng, remaining), remaining);
      out[j] = a;
      remaining.splice(remaining.indexOf(a), 1);
    }
    return out;
  }
}

/** Inverse-CDF draw of a candidate from `p` (rounding lands on the last candidate). */
function draw(rng: Rng, p: Float64Array, candidates: ArrayLike<number>): number {
  const u = rng.nextFloat64();
  let acc = 0;
  for (let i = 0; i < candidates.length; i++) {
    acc += p[candidates[i]!]!;
    if (u < acc) return candidates[i]!;
  }
  return candidates[candidates.length - 1]!;
}
