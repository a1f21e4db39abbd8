import { type Rng, sampleStandardNormal, shermanMorrisonUpdate } from '@x/linalg';
import type { StateFields } from '@x/linalg/validate';

/**
 * Online ridge regression statistics for linear bandits, in flat Float64Arrays: for each of
 * `blocks` independent models (one per arm, or one shared), the inverse design matrix
 * $A^{-1} = (\lambda I + \sum_s x_s x_s^\top)^{-1}$, the vector $b = \sum_s r_s x_s$ and the
 * estimate $\hat\theta = A^{-1} b$. Each update is a Sherman-Morrison rank-one update, $O(d^2)$,
 * with no re-inversion and no allocation.
 */
export class RidgeStatistics {
  readonly dim: number;
  readonly blocks: number;
  readonly lambda: number;
  readonly invA: Float64Array;
  readonly b: Float64Array;
  readonly theta: Float64Array;
  readonly #scratch: Float64Array;
  readonly #chol: Float64Array;
  readonly #z: Float64Array;
  readonly #x: Float64Array;

  constructor(dim: number, blocks: number, lambda: number) {
    this.dim = dim;
    this.blocks = blocks;
    this.lambda = lambda;
    this.invA = new Float64Array(blocks * dim * dim);
    this.b = new Float64Array(blocks * dim);
    this.theta = new Float64Array(blocks * dim);
    this.#scratch = new Float64Array(2 * dim);
    this.#chol = new Float64Array(dim * dim);
    this.#z = new Float64Array(dim);
    this.#x = new Float64Array(dim);
    this.reset();
  }

  reset(): void {
    const d = this.dim;
    this.invA.fill(0);
    for (let k = 0; k < this.blocks; k++)
      for (let i = 0; i < d; i++) this.invA[k * d * d + i * d + i] = 1 / this.lambda;
    this.b.fill(0);
    this.theta.fill(0);
  }

  /** The inverse design matrix of a block, as a view. */
  inverse(block: number): Float64Array {
    const dd = this.dim * this.dim;
    return this.invA.subarray(block * dd, (block + 1) * dd);
  }

  /** $\hat\theta^\top x$ for the feature vector at `x[offset .. offset + d)`. */
  mean(block: number, x: ArrayLike<number>, offset: number): number {
    const d = this.dim;
    let s = 0;
    for (let i = 0; i < d; i++) s += this.theta[block * d + i]! * x[offset + i]!;
    return s;
  }

  /**
   * $x^\top A^{-1} x$ for the feature vector at `x[offset .. offset + d)`, from the upper
   * triangle ($A^{-1}$ is symmetric): $\sum_i x_i (A_{ii} x_i + 2\sum_{j > i} A_{ij} x_j)$.
   */
  quadratic(block: number, x: ArrayLike<number>, offset: number): number {
    const d = this.dim;
    const a = this.invA;
    let s = 0;
    for (let i = 0; i < d; i++) {
      const row = block * d * d + i * d;
      const xi = x[offset + i]!;
      let t = 0;
      for (let j = i + 1; j < d; j++) t += a[row + j]! * x[offset + j]!;
      s += xi * (a[row + i]! * xi + 2 * t);
    }
    return Math.max(0, s);
  }

  /** Adds one observation (x at `x[offset ..]`, reward r) to a block: Sherman-Morrison, then $\hat\theta$. */
  add(block: number, x: ArrayLike<number>, offset: number, r: number): void {
    const d = this.dim;
    const feature = this.#x;
    for (let i = 0; i < d; i++) feature[i] = x[offset + i]!;
    shermanMorrisonUpdate(this.inverse(block), feature, feature, { scratch: this.#scratch });
    for (let i = 0; i < d; i++) this.b[block * d + i] = this.b[block * d + i]! + r * x[offset + i]!;
    this.#solve(block);
  }

  /**
   * An online Newton step with gradient g (for generalised linear models): $A \leftarrow A + g
   * g^\top$ by Sherman-Morrison, then $\theta \leftarrow \theta - A^{-1} g$. Leaves b unused.
   */
  newtonStep(block: number, g: ArrayLike<number>): void {
    const d = this.dim;
    const feature = this.#x;
    for (let i = 0; i < d; i++) feature[i] = g[i]!;
    const inv = this.inverse(block);
    shermanMorrisonUpdate(inv, feature, feature, { scratch: this.#scratch });
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += inv[i * d + j]! * feature[j]!;
      this.theta[block * d + i] = this.theta[block * d + i]! - s;
    }
  }

  #solve(block: number): void {
    const d = this.dim;
    const base = block * d * d;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += this.invA[base + i * d + j]! * this.b[block * d + j]!;
      this.theta[block * d + i] = s;
    }
  }

  /**
   * A draw of $\tilde\theta \sim \mathcal N(\hat\theta, v^2 A^{-1})$ into `out`: Cholesky of
   * $A^{-1}$ ($O(d^3)$), then $\hat\theta + v L z$.
   */
  sampleTheta(rng: Rng, block: number, v: number, out: Float64Array): Float64Array {
    const d = this.dim;
    const a = this.inverse(block);
    const l = this.#chol;
    l.fill(0);
    for (let j = 0; j < d; j++) {
      let s = a[j * d + j]!;
      for (let k = 0; k < j; k++) s -= l[j * d + k]! * l[j * d + k]!;
      const ljj = Math.sqrt(Math.max(s, 0));
      l[j * d + j] = ljj;
      for (let i = j + 1; i < d; i++) {
        let t = a[i * d + j]!;
        for (let k = 0; k < j; k++) t -= l[i * d + k]! * l[j * d + k]!;
        l[i * d + j] = ljj > 0 ? t / ljj : 0;
      }
    }
    const z = this.#z;
    for (let i = 0; i < d; i++) z[i] = sampleStandardNormal(rng);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let k = 0; k <= i; k++) s += l[i * d + k]! * z[k]!;
      out[i] = this.theta[block * d + i]! + v * s;
    }
    return out;
  }

  toJSON(): Record<string, number[]> {
    return {
      inverseDesign: Array.from(this.invA),
      rewardVector: Array.from(this.b),
      estimate: Array.from(this.theta),
    };
  }

  /** Loads and validates serialised statistics. @throws TypeError or RangeError on bad data */
  /** Loads what {@link RidgeStatistics.toJSON} wrote, validated (a symmetric inverse with a positive diagonal). */
  load(stats: StateFields): void {
    const inv = stats.numbers('inverseDesign', this.invA.length);
    const b = stats.numbers('rewardVector', this.b.length);
    const theta = stats.numbers('estimate', this.theta.length);
    const d = this.dim;
    for (let k = 0; k < this.blocks; k++) {
      for (let i = 0; i < d; i++) {
        if (!(inv[k * d * d + i * d + i]! > 0))
          throw stats.error(`inverseDesign block ${k} has a non-positive diagonal entry at ${i}`);
        for (let j = 0; j < i; j++) {
          const x = inv[k * d * d + i * d + j]!;
          const y = inv[k * d * d + j * d + i]!;
          if (Math.abs(x - y) > 1e-9 * (Math.abs(x) + Math.abs(y) + 1e-300))
            throw stats.error(`inverseDesign block ${k} is not symmetric at (${i}, ${j})`);
        }
      }
    }
    this.invA.set(inv);
    this.b.set(b);
    // The estimate is stored, not recomputed: online Newton steps (logistic oracle) do not keep
    // theta = A^-1 b, and a stored value restores the exact state either way.
    this.theta.set(theta);
  }
}
