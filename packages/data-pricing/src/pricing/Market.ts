import type { MatrixLike } from '@x/linalg';

/**
 * A data market: a population of buyer types, what each type would pay for each data product,
 * and what each product costs the seller per sale. The pricing functions take a market and
 * return a {@link Menu}, which {@link evaluateMenu} evaluates on the same market.
 */
export interface Market {
  /** $v_\theta(d) \ge 0$: what type $\theta$ would pay at most for product d, types x products. */
  readonly values: MatrixLike;
  /** The probability (or mass) of each type, normalised here. @default uniform */
  readonly weights?: ArrayLike<number>;
  /** $c_d \ge 0$: the seller's cost of each product per sale. @default zeros (data is copied for free) */
  readonly costs?: ArrayLike<number>;
}
