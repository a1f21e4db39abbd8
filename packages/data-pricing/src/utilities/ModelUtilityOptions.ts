/** Options shared by the built-in model utilities. */
export interface ModelUtilityOptions {
  /** Report the mean score over validation points or the sum. @default 'mean' */
  readonly aggregate?: 'mean' | 'sum';
  /**
   * The utility of the empty training set (no model can be fitted). Defaults: chance accuracy
   * $1/C$ for classification (C = classes among the training labels); for regression, the score
   * of predicting 0.
   */
  readonly emptyScore?: number;
}
