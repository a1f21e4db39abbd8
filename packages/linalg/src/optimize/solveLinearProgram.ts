import type { Highs } from 'highs';
import { formatValue, readOptions } from '../validate/assert.ts';

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
 * compiled to WebAssembly (so it runs in Node and in browsers). The one place the packages reach
 * the solver. In Node, HiGHS is loaded on the first call unless an instance is passed; in a
 * browser, pass one (loaded with `locateFile` pointing at `highs.wasm`): bundlers are not shown
 * the lazy import, so apps that never solve a linear program do not ship the solver. It solves
 * to its default feasibility tolerances (about $10^{-7}$), so callers that need a guarantee
 * should check the solution themselves.
 *
 * @param fn - the calling function's name, for the error message
 * @throws Error naming `fn` if HiGHS does not report an optimum (infeasible, unbounded, ...), or
 *   if no instance was passed and the `highs` package cannot be loaded
 *
 * References: Huangfu and Hall, "Parallelizing the dual revised simplex method", Math. Prog.
 * Comp. 10, 2018 (HiGHS).
 */
export async function solveLinearProgram(
  fn: string,
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramSolution> {
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
