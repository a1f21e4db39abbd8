import { Matrix } from 'ml-matrix';
import { formatValue, readOptions } from '../validate/assert.ts';

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
  options: { square?: boolean } = {},
): Matrix {
  const { square = false } = readOptions('toMatrix', options);
  if (Matrix.isMatrix(value)) {
    const m = value as Matrix;
    checkShape(fn, name, m.rows, m.columns, square);
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.columns; j++) checkEntry(fn, name, i, j, m.get(i, j));
    }
    return m;
  }
  if (value === null || typeof value !== 'object' || typeof value.length !== 'number') {
    throw new TypeError(
      `${fn}: ${name} must be a Matrix or an array of rows, got ${formatValue(value)}`,
    );
  }
  const rows = value.length;
  const first = rows > 0 ? value[0] : undefined;
  const cols = typeof first?.length === 'number' ? first.length : 0;
  checkShape(fn, name, rows, cols, square);
  // Every row is checked before anything is allocated: a malformed input of any size fails
  // without costing rows x columns of memory.
  for (let i = 0; i < rows; i++) {
    const row = value[i];
    if (row === undefined || row === null || row.length !== cols) {
      throw new TypeError(
        `${fn}: ${name} must be rectangular: row ${i} has length ${formatValue(row?.length)}, expected ${cols}`,
      );
    }
    for (let j = 0; j < cols; j++) checkEntry(fn, name, i, j, row[j]);
  }
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    const row = value[i]!;
    for (let j = 0; j < cols; j++) m.set(i, j, row[j]!);
  }
  return m;
}

function checkShape(fn: string, name: string, rows: number, cols: number, square: boolean): void {
  if (rows === 0 || cols === 0) throw new TypeError(`${fn}: ${name} must not be empty`);
  if (square && rows !== cols) {
    throw new TypeError(`${fn}: ${name} must be square, got ${rows}x${cols}`);
  }
}

function checkEntry(fn: string, name: string, i: number, j: number, x: unknown): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new RangeError(`${fn}: ${name}[${i}][${j}] must be finite, got ${formatValue(x)}`);
  }
}
