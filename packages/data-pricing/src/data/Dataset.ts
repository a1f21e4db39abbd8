import { formatValue } from '@x/linalg/validate';

/** Labelled points: features (one row per point) and labels. */
export interface Dataset {
  readonly x: ArrayLike<ArrayLike<number>>;
  readonly y: ArrayLike<number>;
}

/** A validated dataset in flat typed arrays. @internal */
export interface FlatDataset {
  readonly n: number;
  readonly d: number;
  /** Row-major n x d. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The largest label (for classification, the number of classes is at least this + 1). */
  readonly maxLabel: number;
}

/** What the labels must be. @internal */
export type Task = 'classification' | 'regression';

/**
 * Validates a dataset (non-empty, rectangular, finite features, finite labels, integer labels
 * >= 0 for classification, d matching `dimension` when given) and flattens it. @internal
 */
export function flattenDataset(
  fn: string,
  name: string,
  data: Dataset,
  task: Task,
  dimension?: number,
): FlatDataset {
  const n = data?.x?.length;
  if (!(n >= 1)) throw new RangeError(`${fn}: ${name} must hold at least one point`);
  if (data.y?.length !== n)
    throw new TypeError(
      `${fn}: ${name}.y must have ${n} labels, got ${formatValue(data.y?.length)}`,
    );
  const d = data.x[0]!.length;
  if (!(d >= 1)) throw new RangeError(`${fn}: ${name}.x rows must have at least one feature`);
  if (dimension !== undefined && d !== dimension)
    throw new TypeError(`${fn}: ${name} has ${d} features, the training set ${dimension}`);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  let maxLabel = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const row = data.x[i]!;
    if (row?.length !== d)
      throw new TypeError(
        `${fn}: ${name}.x[${i}] must have ${d} features, got ${formatValue(row?.length)}`,
      );
    for (let j = 0; j < d; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v))
        throw new RangeError(`${fn}: ${name}.x[${i}][${j}] must be finite, got ${formatValue(v)}`);
      x[i * d + j] = v;
    }
    const label = data.y[i]!;
    if (
      task === 'classification' ? !(Number.isInteger(label) && label >= 0) : !Number.isFinite(label)
    )
      throw new RangeError(
        `${fn}: ${name}.y[${i}] must be ${task === 'classification' ? 'an integer class >= 0' : 'finite'}, got ${formatValue(label)}`,
      );
    y[i] = label;
    if (label > maxLabel) maxLabel = label;
  }
  return { n, d, x, y, maxLabel };
}
