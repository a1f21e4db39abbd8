/** The population and the costs of a data market, shared by the menu solvers. */
export interface MarketOptions {
  /** The probability (or mass) of each buyer type. @default uniform */
  readonly weights?: ArrayLike<number>;
  /** The seller's cost of each product per sale, >= 0. @default zeros (data is copied for free) */
  readonly costs?: ArrayLike<number>;
}
