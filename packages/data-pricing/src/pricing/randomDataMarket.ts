import { norm2, type Rng, sampleStandardNormal } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertInRange,
  assertInteger,
  assertPositive,
  assertRng,
  MAX_ARRAY_LENGTH,
  readObject,
} from '@x/linalg/validate';
import { dataProductValues } from './dataProductValues.ts';
import type { Market } from './Market.ts';

/** Options of {@link randomDataMarket}. */
export interface RandomDataMarketOptions {
  /** Number of buyer types. */
  readonly types: number;
  /** Number of data products. */
  readonly products: number;
  /** Number of features d. @default 3 */
  readonly dimension?: number;
  /** How much the types differ: prior variances are $e^{s z}$, z standard normal. @default 1 */
  readonly spread?: number;
  /** The label noise's standard deviation $\sigma$. @default sqrt(0.5) */
  readonly noiseStd?: number;
}

/** A random data market from {@link randomDataMarket}: a {@link Market} with the priors and requests behind its values. */
export interface DataMarket extends Market {
  /** Each type's prior covariance (diagonal, d x d). */
  readonly priors: number[][][];
  /** Each product's request: one label at a unit feature vector (1 x d). */
  readonly requests: number[][][];
  /** $v_\theta(d)$: the information gain of each request to each type, types x products. */
  readonly values: Float64Array[];
}

/**
 * A random market for data in Bayesian linear regression, for experiments and teaching: type
 * $\theta$'s prior covariance is $\mathrm{diag}(e^{s z_{\theta 1}}, \dots, e^{s z_{\theta d}})$
 * (a small variance is a feature it already has much data on), and product k is one label at a
 * unit feature vector (the coordinate axes first, then uniformly random directions), worth its
 * information gain $\frac12\log(1 + x^\top\Sigma_\theta x/\sigma^2)$ to type $\theta$. With
 * spread 0 all types are alike.
 *
 * @throws RangeError on non-positive sizes, a negative spread or a non-positive noise variance
 *
 * @example
 * const market = randomDataMarket(createRng(3), { types: 4, products: 3, spread: 1.5 });
 * market.values; // 4 x 3: each type's information gain from each product
 * optimalDeterministicMenu(market).revenue;
 *
 * References: Ai, Lyu, Wang, Yang and Xu, arXiv:2412.18140 (data value in Bayesian linear
 * regression is the information gain); the random priors are this library's test-bed, not the
 * paper's.
 */
export function randomDataMarket(rng: Rng, options: RandomDataMarketOptions): DataMarket {
  const fn = 'randomDataMarket';
  assertRng(fn, rng);
  const {
    types,
    products,
    dimension = 3,
    spread = 1,
    noiseStd = Math.SQRT1_2,
  } = readObject(fn, 'options', options);
  assertInteger(fn, 'types', types, 1, 1 << 16);
  assertInteger(fn, 'products', products, 1, 1 << 16);
  assertInteger(fn, 'dimension', dimension, 1, 1 << 12);
  if (
    types * products > MAX_ARRAY_LENGTH ||
    (types + products) * dimension * dimension > MAX_ARRAY_LENGTH
  )
    throw new RangeError(
      `${fn}: types x products and (types + products) x dimension^2 must be at most ${MAX_ARRAY_LENGTH}`,
    );
  assertInRange(fn, 'spread', spread, 0, Number.POSITIVE_INFINITY, { hiOpen: true });
  assertPositive(fn, 'noiseStd', noiseStd);
  const priors = Array.from({ length: types }, () =>
    Array.from({ length: dimension }, (_, i) => {
      const row = new Array<number>(dimension).fill(0);
      row[i] = exp(spread * sampleStandardNormal(rng));
      if (!(row[i]! > 0 && row[i]! < Number.POSITIVE_INFINITY))
        throw new RangeError(
          `${fn}: spread ${spread} is too large: a prior variance e^(spread z) left the floating-point range`,
        );
      return row;
    }),
  );
  const requests = Array.from({ length: products }, (_, k) => {
    let x: number[];
    let norm: number;
    do {
      x = Array.from({ length: dimension }, (_, i) =>
        k < dimension ? Number(i === k) : sampleStandardNormal(rng),
      );
      norm = norm2(x);
    } while (!(norm > 0));
    return [x.map((xi) => xi / norm)];
  });
  return { priors, requests, values: dataProductValues(priors, requests, noiseStd) };
}
