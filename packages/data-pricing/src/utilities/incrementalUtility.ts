import { assertInteger } from '@x/linalg/validate';
import type { IncrementalUtility } from '../valuation/Utility.ts';

/** What a model utility provides to {@link incrementalUtility}. @internal */
export interface GrowingModel {
  /** Forgets every point. */
  clear(): void;
  /** Adds point i (valid and not yet present). */
  insert(i: number): void;
  /** The validation score of the current points; `fresh` when they were all inserted at once. */
  score(fresh: boolean): number;
}

/**
 * Wraps a model that grows one point at a time as an {@link IncrementalUtility}: checks every
 * index (in range, not repeated) before the model sees it, and keeps track of the subset.
 * @internal
 */
export function incrementalUtility(fn: string, n: number, model: GrowingModel): IncrementalUtility {
  const inSubset = new Uint8Array(n);
  const clear = () => {
    inSubset.fill(0);
    model.clear();
  };
  return {
    size: n,
    reset() {
      clear();
      return model.score(true);
    },
    add(i: number) {
      assertInteger(`${fn}.add`, 'i', i, 0, n - 1);
      if (inSubset[i]) throw new RangeError(`${fn}.add: point ${i} is already in the subset`);
      inSubset[i] = 1;
      model.insert(i);
      return model.score(false);
    },
    evaluate(subset: Int32Array) {
      // Check the whole subset first, so a bad one leaves the current subset as it was.
      const seen = new Uint8Array(n);
      for (let r = 0; r < subset.length; r++) {
        const i = subset[r]!;
        assertInteger(`${fn}.evaluate`, `subset[${r}]`, i, 0, n - 1);
        if (seen[i]) throw new RangeError(`${fn}.evaluate: point ${i} appears twice`);
        seen[i] = 1;
      }
      clear();
      for (let r = 0; r < subset.length; r++) {
        inSubset[subset[r]!] = 1;
        model.insert(subset[r]!);
      }
      return model.score(true);
    },
  };
}
