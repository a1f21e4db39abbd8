import { Matrix } from 'ml-matrix';
import { formatValue } from '../validate/assert.ts';

/** What every matrix-taking function in `@x` accepts: an ml-matrix `Matrix` or rows of numbers. */
export type MatrixLike = Matrix | ArrayLike<ArrayLike<number>>;

/**
 * Converts and validates a matrix argument: rectangular, non-empty, every entry finite, and
 * square when `square` is set. A `Matrix` is checked, not copied.
 *
 * @param fn - the calling function's name, for error messages
 * @param name - the argument's name, for error messages
 * @throws TypeError if not rectangular or (with `square`) not square; RangeError on a
 * non-finite entry, naming its row and column
 */
export function toMatrix(
  fn: string,
  name: string,
  value: MatrixLike,
  { square = false }: { square?: boolean } = {},
): Matrix {
  let m: Matrix;
  if (Matrix.isMatrix(value)) {
    m = value as Matrix;
  } else {
    if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
      throw new TypeError(
        `${fn}: ${name} must be a Matrix or an array of rows, got ${formatValue(value)}`,
      );
    }
    const rows = value.length;
    const cols = rows > 0 ? (value[0]?.length ?? 0) : 0;
    m = new Matrix(rows, cols);
    for (let i = 0; i < rows; i++) {
      const row = value[i];
      if (row === undefined || row === null || row.length !== cols) {
        throw new TypeError(
          `${fn}: ${name} must be rectangular: row ${i} has length ${row?.length}, expected ${cols}`,
        );
      }
      for (let j = 0; j < cols; j++) m.set(i, j, row[j]!);
    }
  }
  if (m.rows === 0 || m.columns === 0) throw new TypeError(`${fn}: ${name} must not be empty`);
  if (square && m.rows !== m.columns) {
    throw new TypeError(`${fn}: ${name} must be square, got ${m.rows}x${m.columns}`);
  }
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.columns; j++) {
      const x = m.get(i, j);
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new RangeError(`${fn}: ${name}[${i}][${j}] must be finite, got ${formatValue(x)}`);
      }
    }
  }
  return m;
}
