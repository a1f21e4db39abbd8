import { choleskySolve, Matrix, type MatrixLike } from '@x/linalg';
import { assertFiniteVector, assertPositive, readObject, toMatrix } from '@x/linalg/validate';

/** A Gaussian belief about the regression weights. */
export interface GaussianBelief {
  readonly mean: Float64Array;
  /** d x d covariance, as rows. */
  readonly covariance: Float64Array[];
}

/**
 * The Bayesian linear-regression posterior: prior $\mathcal N(\mu, \Sigma)$ on $\theta$, data
 * $y = X\theta + \varepsilon$ with noise variance $\sigma^2$, posterior $\Sigma_{post} =
 * (\Sigma^{-1} + X^\top X/\sigma^2)^{-1}$ and $\mu_{post} = \Sigma_{post}(\Sigma^{-1}\mu +
 * X^\top y/\sigma^2)$. A buyer's existing data enters the same way: its prior is the posterior
 * after that data.
 *
 * @throws TypeError on mismatched sizes; RangeError on non-finite entries, a covariance that is not positive-definite or a noise standard deviation <= 0
 *
 * @example
 * const prior = { mean: [0, 0], covariance: [[1, 0], [0, 1]] };
 * const posterior = bayesianLinearRegression(prior, [[1, 0]], [2], 1);
 * posterior.mean; // [1, 0]: one label on the first feature moves only the first weight
 * posterior.covariance; // [[0.5, 0], [0, 1]]
 *
 * References: Bishop, Pattern Recognition and Machine Learning, 2006, Section 3.3.1.
 */
export function bayesianLinearRegression(
  prior: { readonly mean: ArrayLike<number>; readonly covariance: MatrixLike },
  x: MatrixLike,
  y: ArrayLike<number>,
  noiseStd: number,
): GaussianBelief {
  const fn = 'bayesianLinearRegression';
  readObject(fn, 'prior', prior);
  assertPositive(fn, 'noiseStd', noiseStd);
  const noiseVariance = noiseStd * noiseStd;
  const sigma = toMatrix(fn, 'prior.covariance', prior.covariance, { square: true });
  const d = sigma.rows;
  assertFiniteVector(fn, 'prior.mean', prior.mean, d);
  const X = toMatrix(fn, 'x', x);
  if (X.columns !== d) throw new TypeError(`${fn}: x must have ${d} columns, got ${X.columns}`);
  assertFiniteVector(fn, 'y', y, X.rows);
  const precision = inverse(sigma);
  // ml-matrix arithmetic works in place: add to a copy.
  const postPrecision = precision.clone().add(X.transpose().mmul(X).div(noiseVariance));
  const postCov = inverse(postPrecision);
  const rhs = precision.mmul(Matrix.columnVector(Array.from(prior.mean))).add(
    X.transpose()
      .mmul(Matrix.columnVector(Array.from(y)))
      .div(noiseVariance),
  );
  const mean = Float64Array.from(postCov.mmul(rhs).getColumn(0));
  return { mean, covariance: postCov.to2DArray().map((r) => Float64Array.from(r)) };
}

/** The inverse of a symmetric positive-definite matrix, column by column from Cholesky solves. */
function inverse(a: Matrix): Matrix {
  const n = a.rows;
  const out = new Matrix(n, n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    out.setColumn(j, Array.from(choleskySolve(a, e)));
  }
  // Symmetric in exact arithmetic; remove the rounding so the result factors again.
  return out.add(out.transpose()).div(2);
}
