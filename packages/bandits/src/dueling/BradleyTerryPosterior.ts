import { logSigmoid, logSumExp, type Rng, sampleStandardNormal } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertArrayLike,
  assertBoolean,
  assertFiniteVector,
  assertInteger,
  assertPositive,
  assertRng,
  formatValue,
} from '@x/linalg/validate';

/**
 * A posterior over a finite class of Bradley-Terry environments (utility vectors $u_h$, an
 * $\epsilon$-cover of the prior), kept in log space: after "i preferred to j", $\log w_h
 * \mathrel{+}= \log\sigma(u_h(i) - u_h(j))$. Log weights are re-centred after each update, so
 * they neither underflow nor drift.
 *
 * @example
 * const hypotheses = BradleyTerryPosterior.sampleHypotheses(createRng(1), 4, 100);
 * const posterior = new BradleyTerryPosterior(hypotheses); // uniform over 100 utility vectors
 * posterior.update(0, 1, true); // arm 0 beat arm 1
 *
 * References: Bradley and Terry, Biometrika 39, 1952; Qi, Yang, Zhang and Yang, "Sample-Efficient
 * Reinforcement Learning from Human Feedback via Information-Directed Sampling", arXiv:2502.05434
 * (the finite, covered environment class with a log-space posterior).
 */
export class BradleyTerryPosterior {
  readonly arms: number;
  /** Number of hypotheses M. */
  readonly size: number;
  /** Row-major M x K utilities. */
  readonly hypotheses: Float64Array;
  readonly #logw: Float64Array;

  /**
   * @param hypotheses - M utility vectors of length K >= 2 (rows), finite
   * @throws TypeError on ragged rows; RangeError on fewer than two arms or a non-finite utility
   */
  constructor(hypotheses: ArrayLike<ArrayLike<number>>) {
    const fn = 'BradleyTerryPosterior';
    assertArrayLike(fn, 'hypotheses', hypotheses);
    const m = hypotheses.length;
    if (m === 0) throw new RangeError(`${fn}: need at least one hypothesis`);
    const k = hypotheses[0]!.length;
    if (k < 2) throw new RangeError(`${fn}: hypotheses need at least 2 arms, got ${k}`);
    this.arms = k;
    this.size = m;
    this.hypotheses = new Float64Array(m * k);
    for (let h = 0; h < m; h++) {
      assertFiniteVector(fn, `hypotheses[${h}]`, hypotheses[h], k);
      this.hypotheses.set(hypotheses[h]!, h * k);
    }
    this.#logw = new Float64Array(m);
  }

  /**
   * M hypotheses with i.i.d. $\mathcal N(0, \text{scale}^2)$ utilities: a random cover of a
   * Gaussian prior.
   * @throws RangeError on bad sizes or scale
   */
  static sampleHypotheses(rng: Rng, arms: number, count: number, scale = 1): number[][] {
    assertRng('BradleyTerryPosterior.sampleHypotheses', rng);
    assertInteger('BradleyTerryPosterior.sampleHypotheses', 'arms', arms, 2);
    assertInteger('BradleyTerryPosterior.sampleHypotheses', 'count', count, 1);
    assertPositive('BradleyTerryPosterior.sampleHypotheses', 'scale', scale);
    return Array.from({ length: count }, () =>
      Array.from({ length: arms }, () => scale * sampleStandardNormal(rng)),
    );
  }

  /** Posterior weights $w_h$ (a copy). */
  weights(): Float64Array {
    const lse = logSumExp(this.#logw);
    return Float64Array.from(this.#logw, (l) => exp(l - lse));
  }

  /** Posterior mean utility of each arm. */
  meanUtility(): Float64Array {
    const w = this.weights();
    const mu = new Float64Array(this.arms);
    for (let h = 0; h < this.size; h++)
      for (let a = 0; a < this.arms; a++)
        mu[a] = mu[a]! + w[h]! * this.hypotheses[h * this.arms + a]!;
    return mu;
  }

  /** $P(A^* = a)$: the posterior probability that each arm is the Condorcet winner (ties split). */
  probabilityBest(): Float64Array {
    const w = this.weights();
    const p = new Float64Array(this.arms);
    for (let h = 0; h < this.size; h++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < this.arms; a++)
        best = Math.max(best, this.hypotheses[h * this.arms + a]!);
      let ties = 0;
      for (let a = 0; a < this.arms; a++) if (this.hypotheses[h * this.arms + a] === best) ties++;
      for (let a = 0; a < this.arms; a++)
        if (this.hypotheses[h * this.arms + a] === best) p[a] = p[a]! + w[h]! / ties;
    }
    return p;
  }

  /**
   * Records a comparison: `firstWins` when `first` was preferred to `second`.
   * @throws RangeError on a bad arm; TypeError on a non-boolean outcome
   */
  update(first: number, second: number, firstWins: boolean): void {
    const fn = 'BradleyTerryPosterior.update';
    assertInteger(fn, 'first', first, 0, this.arms - 1);
    assertInteger(fn, 'second', second, 0, this.arms - 1);
    assertBoolean(fn, 'firstWins', firstWins);
    const k = this.arms;
    const sign = firstWins ? 1 : -1;
    let max = Number.NEGATIVE_INFINITY;
    for (let h = 0; h < this.size; h++) {
      const l =
        this.#logw[h]! +
        logSigmoid(sign * (this.hypotheses[h * k + first]! - this.hypotheses[h * k + second]!));
      this.#logw[h] = l;
      max = Math.max(max, l);
    }
    for (let h = 0; h < this.size; h++) this.#logw[h] = this.#logw[h]! - max;
  }

  /** Back to the uniform prior. */
  reset(): void {
    this.#logw.fill(0);
  }

  /** The log weights (a copy), for serialisation. */
  logWeights(): Float64Array {
    return Float64Array.from(this.#logw);
  }

  /**
   * Sets the log weights (from a saved state).
   * @throws TypeError or RangeError on a wrong length or a NaN or +Infinity entry
   */
  setLogWeights(logWeights: ArrayLike<number>): void {
    if (logWeights?.length !== this.size)
      throw new TypeError(
        `BradleyTerryPosterior.setLogWeights: need ${this.size} entries, got ${formatValue(logWeights)}`,
      );
    for (let h = 0; h < this.size; h++) {
      const l = logWeights[h]!;
      if (Number.isNaN(l) || l === Number.POSITIVE_INFINITY)
        throw new RangeError(
          `BradleyTerryPosterior.setLogWeights: entry ${h} must be finite or -Infinity, got ${l}`,
        );
    }
    if (!Array.from(logWeights).some(Number.isFinite))
      throw new RangeError('BradleyTerryPosterior.setLogWeights: some weight must be positive');
    this.#logw.set(logWeights);
  }
}
