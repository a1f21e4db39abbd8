import { describe, expect, it } from 'vitest';
import {
  solveLinearProgram,
  solveLinearProgramAs,
  solveLinearPrograms,
  solveLinearProgramsAs,
} from './solveLinearProgram.ts';

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
    if (s.status !== 'optimal') throw new Error(`expected an optimum, got ${s.status}`);
    expect(s.objective).toBeCloseTo(11, 9);
    expect(Array.from(s.x).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([3, 1]);
    expect(Math.abs(s.rowDuals[0]!)).toBeCloseTo(2, 9);
    expect(s.rowDuals[1]!).toBeCloseTo(0, 9);
    expect(Math.abs(s.rowDuals[2]!)).toBeCloseTo(1, 9);
  });

  it('reports an infeasible or unbounded program by its status', async () => {
    const infeasible = {
      sense: 'minimize' as const,
      cost: Float64Array.of(1),
      colLower: Float64Array.of(0),
      colUpper: Float64Array.of(1),
      rowLower: Float64Array.of(2),
      rowUpper: Float64Array.of(Number.POSITIVE_INFINITY),
      matrix: csr([[1]]),
    };
    expect(await solveLinearProgram(infeasible)).toEqual({ status: 'infeasible' });
    const unbounded = {
      ...infeasible,
      sense: 'maximize' as const,
      colUpper: Float64Array.of(Infinity),
      rowLower: Float64Array.of(0),
    };
    expect(await solveLinearProgramAs('myModel', unbounded)).toEqual({ status: 'unbounded' });
    // Infeasible with free columns: presolve may say only "infeasible or unbounded".
    const undecided = {
      sense: 'minimize' as const,
      cost: Float64Array.of(1, -1),
      colLower: Float64Array.of(-Infinity, -Infinity),
      colUpper: Float64Array.of(Infinity, Infinity),
      rowLower: Float64Array.of(1, -Infinity),
      rowUpper: Float64Array.of(Infinity, 0),
      matrix: csr([
        [1, 1],
        [1, 1],
      ]),
    };
    expect((await solveLinearProgram(undecided)).status).toBe('infeasible');
  });

  it('solves many programs through one model, in order, with the results one call gives', async () => {
    const lp = (b: number) => ({
      sense: 'minimize' as const,
      cost: Float64Array.of(1, 1),
      colLower: Float64Array.of(0, 0),
      colUpper: Float64Array.of(Infinity, b),
      rowLower: Float64Array.of(2),
      rowUpper: Float64Array.of(Infinity),
      matrix: csr([[1, 2]]),
    });
    const lps = [lp(5), lp(0.5), lp(0), lp(1)];
    const batch = await solveLinearPrograms(lps);
    const single = await Promise.all(lps.map((p) => solveLinearProgram(p)));
    expect(batch).toEqual(single);
    expect(batch.map((r) => (r.status === 'optimal' ? r.objective : r.status))).toEqual([
      1, 1.5, 2, 1,
    ]);
    expect(await solveLinearPrograms([])).toEqual([]);
    // Without presolve: the same optima and statuses.
    const plain = await solveLinearPrograms(lps, { presolve: false });
    expect(plain.map((r) => r.status)).toEqual(batch.map((r) => r.status));
    for (const [i, r] of plain.entries())
      if (r.status === 'optimal' && batch[i]!.status === 'optimal')
        expect(r.objective).toBeCloseTo((batch[i] as { objective: number }).objective, 9);
    await expect(solveLinearPrograms(lps, { presolve: 'no' as never })).rejects.toThrow(
      /^solveLinearPrograms: presolve must be a boolean/,
    );
    await expect(solveLinearPrograms([lp(1), { ...lp(1), sense: 'min' as never }])).rejects.toThrow(
      /^solveLinearPrograms: lps\[1\].sense must be 'minimize' or 'maximize'/,
    );
    await expect(solveLinearProgramsAs('plan', 3 as never)).rejects.toThrow(
      /^plan: lps must be an array/,
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
