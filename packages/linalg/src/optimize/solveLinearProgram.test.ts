import { describe, expect, it } from 'vitest';
import { solveLinearProgram, solveLinearProgramAs } from './solveLinearProgram.ts';

/** The CSR form of a small dense matrix. */
function csr(rows: readonly (readonly number[])[]) {
  const starts = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (const [r, row] of rows.entries()) {
    for (const [c, v] of row.entries())
      if (v !== 0) {
        indices.push(c);
        values.push(v);
      }
    starts[r + 1] = indices.length;
  }
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

describe('solveLinearProgram (HiGHS)', () => {
  it('solves a small LP to its vertex optimum, with the duals of the binding rows', async () => {
    // max 3x + 2y s.t. x + y <= 4, x + 3y <= 7, x <= 3, x, y >= 0: optimum (3, 1), value 11;
    // the binding rows x + y <= 4 (dual 2) and x <= 3 (dual 1), the other slack (dual 0).
    const lp = {
      sense: 'maximize' as const,
      cost: Float64Array.of(3, 2),
      colLower: Float64Array.of(0, 0),
      colUpper: Float64Array.of(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
      rowLower: Float64Array.of(
        Number.NEGATIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
      ),
      rowUpper: Float64Array.of(4, 7, 3),
      matrix: csr([
        [1, 1],
        [1, 3],
        [1, 0],
      ]),
    };
    const s = await solveLinearProgram(lp);
    expect(s.objective).toBeCloseTo(11, 9);
    expect(Array.from(s.x).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([3, 1]);
    expect(Math.abs(s.rowDuals[0]!)).toBeCloseTo(2, 9);
    expect(s.rowDuals[1]!).toBeCloseTo(0, 9);
    expect(Math.abs(s.rowDuals[2]!)).toBeCloseTo(1, 9);
  });

  it('names the caller when there is no optimum', async () => {
    const infeasible = {
      sense: 'minimize' as const,
      cost: Float64Array.of(1),
      colLower: Float64Array.of(0),
      colUpper: Float64Array.of(1),
      rowLower: Float64Array.of(2),
      rowUpper: Float64Array.of(Number.POSITIVE_INFINITY),
      matrix: csr([[1]]),
    };
    await expect(solveLinearProgramAs('myModel', infeasible)).rejects.toThrow(
      /myModel: HiGHS did not reach an optimum/,
    );
    const unbounded = {
      ...infeasible,
      sense: 'maximize' as const,
      colUpper: Float64Array.of(Infinity),
      rowLower: Float64Array.of(0),
    };
    await expect(solveLinearProgramAs('myModel', unbounded)).rejects.toThrow(/did not reach/);
    await expect(solveLinearProgram(unbounded)).rejects.toThrow(
      /^solveLinearProgram: HiGHS did not reach/,
    );
  });

  it('checks the program before HiGHS sees it', async () => {
    const lp = {
      sense: 'minimize' as const,
      cost: Float64Array.of(1, 1),
      colLower: Float64Array.of(0, 0),
      colUpper: Float64Array.of(1, 1),
      rowLower: Float64Array.of(0),
      rowUpper: Float64Array.of(1),
      matrix: csr([[1, 1]]),
    };
    await expect(solveLinearProgram({ ...lp, sense: 'min' as never })).rejects.toThrow(
      /^solveLinearProgram: lp.sense must be 'minimize' or 'maximize', got "min"/,
    );
    await expect(solveLinearProgram({ ...lp, colUpper: Float64Array.of(1) })).rejects.toThrow(
      /^solveLinearProgram: lp.colUpper must have length 2, got 1/,
    );
    await expect(
      solveLinearProgram({ ...lp, matrix: { ...lp.matrix, indices: Int32Array.of(0, 2) } }),
    ).rejects.toThrow(
      /^solveLinearProgram: lp.matrix.indices\[1\] must be a column in \[0, 1\], got 2/,
    );
  });
});
