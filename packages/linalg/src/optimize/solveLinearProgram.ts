import type { Highs } from 'highs';
import {
  assertArrayLike,
  assertFiniteVector,
  assertOneOf,
  formatValue,
  readObject,
  readOptions,
} from '../validate/assert.ts';

/**
 * A sparse linear program, $\min$ or $\max\ c^\top x$ subject to $l_r \le Ax \le u_r$ and
 * $l_c \le x \le u_c$, with A in compressed sparse rows. Bounds may be $\pm\infty$.
 */
export interface LinearProgram {
  readonly sense: 'minimize' | 'maximize';
  /** The objective's coefficients c, one per column. */
  readonly cost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** A by rows: row r holds the columns `indices[starts[r] .. starts[r + 1])` with `values`. */
  readonly matrix: {
    readonly starts: Int32Array;
    readonly indices: Int32Array;
    readonly values: Float64Array;
  };
}

/** Options of {@link solveLinearProgram}. */
export interface LinearProgramOptions {
  /**
   * A loaded HiGHS instance (`await highsLoader()` from the `highs` package). In a browser,
   * load it yourself with `locateFile` pointing at `highs.wasm`: only Node loads it on its own.
   * @default loaded on first use (Node)
   */
  readonly highs?: Highs;
}

/** An optimum of a {@link LinearProgram}. */
export interface LinearProgramSolution {
  /** The optimal point x. */
  readonly x: Float64Array;
  /** The dual value of each row. */
  readonly rowDuals: Float64Array;
  /** The optimal objective, as HiGHS reports it. */
  readonly objective: number;
}

let loaded: Promise<Highs> | undefined;

/**
 * The package to load when no instance is passed. A variable, so that bundlers do not follow
 * it: browser builds of apps that never solve a linear program stay free of HiGHS's 3.5 MB of
 * WebAssembly, and browsers pass their own instance anyway (the wasm file must be located).
 */
const HIGHS_PACKAGE = 'highs';

/** HiGHS, loaded once on first use. */
function loadHighs(fn: string): Promise<Highs> {
  // highs ships ESM at runtime (the "import" condition) but one CJS-flavoured types file, so
  // TypeScript under NodeNext sees the loader one level too deep: name the ESM shape here.
  loaded ??= (
    import(/* @vite-ignore */ /* webpackIgnore: true */ HIGHS_PACKAGE) as Promise<{
      default: () => Promise<Highs>;
    }>
  ).then((m) => m.default());
  return loaded.catch((err: unknown) => {
    loaded = undefined;
    throw new Error(
      `${fn}: could not load the highs package (${(err as Error).message}); in a browser, pass { highs: await highsLoader({ locateFile: () => urlOfHighsWasm }) }`,
    );
  });
}

/**
 * Solves a sparse linear program with HiGHS, the open-source simplex and interior-point solver
 * compiled to WebAssembly (so it runs in Node and in browsers): minimise or maximise $c^\top x$
 * subject to $r_\ell \le A x \le r_u$ and $x_\ell \le x \le x_u$, A given by rows. In Node,
 * HiGHS is loaded on the first call unless an instance is passed; in a browser, pass one
 * (`await highsLoader({ locateFile: () => urlOfHighsWasm })`): bundlers are not shown the lazy
 * import, so apps that never solve a linear program do not ship the solver. It solves to its
 * default feasibility tolerances (about $10^{-7}$): check the solution where a guarantee matters.
 *
 * @returns the optimal point, the row duals and the objective
 * @throws TypeError or RangeError on a malformed program; Error if HiGHS reports no optimum
 *   (infeasible, unbounded, ...) or cannot be loaded
 *
 * @example
 * // min x0 + x1 subject to x0 + 2 x1 >= 2, x >= 0: x = (0, 1)
 * const { x } = await solveLinearProgram({
 *   sense: 'minimize',
 *   cost: Float64Array.of(1, 1),
 *   colLower: Float64Array.of(0, 0),
 *   colUpper: Float64Array.of(Infinity, Infinity),
 *   rowLower: Float64Array.of(2),
 *   rowUpper: Float64Array.of(Infinity),
 *   matrix: { starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 2) },
 * });
 *
 * References: Huangfu and Hall, "Parallelizing the dual revised simplex method", Math. Prog.
 * Comp. 10, 2018 (HiGHS).
 */
export function solveLinearProgram(
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramSolution> {
  return solveLinearProgramAs('solveLinearProgram', lp, options);
}

/**
 * `solveLinearProgram` for the packages: errors name `fn`, the function the user called.
 * @internal
 */
export async function solveLinearProgramAs(
  fn: string,
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramSolution> {
  assertLinearProgram(fn, lp);
  const { highs } = readOptions(fn, options);
  if (
    highs !== undefined &&
    (highs === null ||
      typeof highs !== 'object' ||
      typeof highs.withModel !== 'function' ||
      typeof highs.constants !== 'object')
  )
    throw new TypeError(
      `${fn}: highs must be a loaded HiGHS instance (await highsLoader()), got ${formatValue(highs)}`,
    );
  const solver = highs ?? (await loadHighs(fn));
  try {
    return runModel(fn, solver, lp);
  } catch (error) {
    // HiGHS's own messages (a failed parse or allocation) reach the user with the caller's name.
    if (error instanceof Error && error.message.startsWith(`${fn}:`)) throw error;
    throw new Error(`${fn}: HiGHS failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
}

/** Loads `lp` into HiGHS, solves it and reads the optimum. */
function runModel(fn: string, solver: Highs, lp: LinearProgram): LinearProgramSolution {
  const { starts, indices, values } = lp.matrix;
  const rows = lp.rowLower.length;
  const cols = lp.cost.length;
  return solver.withModel(
    {
      numCols: cols,
      numRows: rows,
      sense:
        lp.sense === 'maximize'
          ? solver.constants.objectiveSense.maximize
          : solver.constants.objectiveSense.minimize,
      colCost: lp.cost,
      colLower: lp.colLower,
      colUpper: lp.colUpper,
      rowLower: lp.rowLower,
      rowUpper: lp.rowUpper,
      matrix: {
        format: 'csr',
        numRows: rows,
        numCols: cols,
        starts,
        indices,
        values,
      },
    },
    (model) => {
      model.options.set('output_flag', false);
      const status = model.run().modelStatus;
      if (status !== solver.constants.modelStatus.optimal)
        throw new Error(`${fn}: HiGHS did not reach an optimum (model status ${status})`);
      const solution = model.getSolution();
      return {
        x: Float64Array.from(solution.colValue),
        rowDuals: Float64Array.from(solution.rowDual),
        objective: model.getObjectiveValue(),
      };
    },
  );
}

/** Checks the shape of a linear program: sizes agree, bounds are numbers, A's rows are valid. */
function assertLinearProgram(fn: string, lp: LinearProgram): void {
  const { sense, cost, colLower, colUpper, rowLower, rowUpper, matrix } = readObject(fn, 'lp', lp);
  assertOneOf(fn, 'lp.sense', sense, ['minimize', 'maximize']);
  assertFiniteVector(fn, 'lp.cost', cost);
  const cols = cost.length;
  const rows = rowLower?.length;
  const bounds = (name: string, v: ArrayLike<number>, n: number) => {
    assertArrayLike(fn, name, v);
    if (v.length !== n)
      throw new TypeError(`${fn}: ${name} must have length ${n}, got ${v.length}`);
    for (let i = 0; i < n; i++)
      if (typeof v[i] !== 'number' || Number.isNaN(v[i]))
        throw new RangeError(`${fn}: ${name}[${i}] must be a number, got ${formatValue(v[i])}`);
  };
  bounds('lp.colLower', colLower, cols);
  bounds('lp.colUpper', colUpper, cols);
  assertArrayLike(fn, 'lp.rowLower', rowLower);
  bounds('lp.rowUpper', rowUpper, rows);
  const { starts, indices, values } = readObject(fn, 'lp.matrix', matrix);
  assertArrayLike(fn, 'lp.matrix.starts', starts);
  if (starts.length !== rows + 1 || starts[0] !== 0)
    throw new TypeError(`${fn}: lp.matrix.starts must have length ${rows + 1} and start at 0`);
  const nnz = starts[rows]!;
  assertArrayLike(fn, 'lp.matrix.indices', indices);
  assertFiniteVector(fn, 'lp.matrix.values', values, nnz);
  if (indices.length !== nnz)
    throw new TypeError(`${fn}: lp.matrix.indices must have ${nnz} entries, got ${indices.length}`);
  for (let r = 0; r < rows; r++)
    if (!(starts[r + 1]! >= starts[r]!))
      throw new RangeError(`${fn}: lp.matrix.starts must not decrease (row ${r})`);
  for (let k = 0; k < nnz; k++)
    if (!Number.isInteger(indices[k]) || indices[k]! < 0 || indices[k]! >= cols)
      throw new RangeError(
        `${fn}: lp.matrix.indices[${k}] must be a column in [0, ${cols - 1}], got ${formatValue(indices[k])}`,
      );
}
