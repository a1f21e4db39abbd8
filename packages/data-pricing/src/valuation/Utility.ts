/**
 * A utility of data subsets: the score of a model trained on the training points in `subset`
 * (indices in increasing order), e.g. its validation accuracy. Any function of subsets works.
 */
export type Utility = (subset: Int32Array) => number;

/**
 * A utility that can grow a subset one point at a time, reusing the work of the previous step
 * (e.g. a k-NN model that inserts one point into each validation point's neighbour list).
 * Permutation Shapley uses it to walk a permutation at the cost of one insertion per point.
 */
export interface IncrementalUtility {
  /** Number of training points n. */
  readonly size: number;
  /** The utility of the subset with the given indices (any order), from scratch. */
  evaluate(subset: Int32Array): number;
  /** Empties the subset; returns $U(\emptyset)$. */
  reset(): number;
  /** Adds point i to the current subset; returns the utility of the grown subset. */
  add(i: number): number;
}

/** Anything with an `evaluate(subset)`: the built-in model utilities. */
export interface UtilityObject {
  evaluate(subset: Int32Array): number;
}

/** A utility function or an object with `evaluate`; every valuation method takes either. */
export type UtilityLike = Utility | UtilityObject;
