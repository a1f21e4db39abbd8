import type { Matrix } from 'ml-matrix';
import { log } from '../math/index.ts';
import { choleskyFactor } from '../matrix/choleskyFactor.ts';
import type { MatrixLike } from '../matrix/toMatrix.ts';
import { assertFiniteVector, assertRng } from '../validate/assert.ts';
import type { Rng } from './Rng.ts';
import { sampleStandardNormal } from './sampleNormal.ts';

const LOG_2PI = log(2 * Math.PI);

/**
 * The multivariate normal $\mathcal N(\mu, \Sigma)$, factored once: draws are $\mu + L z$ with
 * $\Sigma = L L^\top$ (Cholesky) and $z$ standard normal, $O(d^2)$ each and allocation-free
 * with an `out` buffer.
 *
 * @example
 * const mvn = new MultivariateNormal([0, 0], [[1, 0.5], [0.5, 1]]);
 * mvn.sample(createRng(3)); // Float64Array(2)
 */
export class MultivariateNormal {
  readonly #mean: Float64Array;
  readonly #lower: Float64Array;
  readonly #dim: number;
  readonly #logDet: number;
  readonly #z: Float64Array;

  /**
   * @param mean - $\mu$, finite, length d >= 1
   * @param covariance - $\Sigma$, symmetric positive-definite d x d
   * @throws TypeError on mismatched sizes; RangeError if $\Sigma$ is not symmetric
   * positive-definite or an entry is not finite
   */
  constructor(mean: ArrayLike<number>, covariance: MatrixLike) {
    assertFiniteVector('MultivariateNormal', 'mean', mean);
    const l: Matrix = choleskyFactor('MultivariateNormal', 'covariance', covariance);
    const d = mean.length;
    if (l.rows !== d) {
      throw new TypeError(
        `MultivariateNormal: covariance must be ${d}x${d} to match mean, got ${l.rows}x${l.rows}`,
      );
    }
    this.#dim = d;
    this.#mean = Float64Array.from(mean);
    this.#lower = new Float64Array(d * d);
    let logDet = 0;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) this.#lower[i * d + j] = l.get(i, j);
      logDet += 2 * log(l.get(i, i));
    }
    this.#logDet = logDet;
    this.#z = new Float64Array(d);
  }

  /** The dimension d. */
  get dim(): number {
    return this.#dim;
  }

  /**
   * One draw, written into `out` when given.
   * @throws TypeError if out has the wrong length
   */
  sample(rng: Rng, out?: Float64Array): Float64Array {
    assertRng('MultivariateNormal.sample', rng);
    const d = this.#dim;
    if (out !== undefined && out.length !== d) {
      throw new TypeError(
        `MultivariateNormal.sample: out must have length ${d}, got ${out.length}`,
      );
    }
    const x = out ?? new Float64Array(d);
    const z = this.#z;
    for (let i = 0; i < d; i++) z[i] = sampleStandardNormal(rng);
    const l = this.#lower;
    for (let i = 0; i < d; i++) {
      let s = this.#mean[i]!;
      const row = i * d;
      for (let j = 0; j <= i; j++) s += l[row + j]! * z[j]!;
      x[i] = s;
    }
    return x;
  }

  /**
   * The log-density $-\tfrac12\left(d \log 2\pi + \log\det\Sigma + \|L^{-1}(x - \mu)\|^2\right)$.
   * @throws TypeError if x has the wrong length; RangeError on a non-finite entry
   */
  logPdf(x: ArrayLike<number>): number {
    const d = this.#dim;
    assertFiniteVector('MultivariateNormal.logPdf', 'x', x, d);
    const l = this.#lower;
    const y = this.#z;
    let q = 0;
    for (let i = 0; i < d; i++) {
      let s = x[i]! - this.#mean[i]!;
      for (let j = 0; j < i; j++) s -= l[i * d + j]! * y[j]!;
      const yi = s / l[i * d + i]!;
      y[i] = yi;
      q += yi * yi;
    }
    return -0.5 * (d * LOG_2PI + this.#logDet + q);
  }
}
