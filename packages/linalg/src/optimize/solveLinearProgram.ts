import type { Highs, Model, ModelData } from 'highs';
import {
  assertArrayLike,
  assertBoolean,
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
  /**
   * Whether HiGHS presolves the program. Presolve pays off on large programs; on small ones
   * (tens of variables, solved by the thousand) it dominates the time, and turning it off is
   * about ten times faster. @default true
   */
  readonly presolve?: boolean;
}

/** An optimum of a {@link LinearProgram}. */
export interface LinearProgramSolution {
  readonly status: 'optimal';
  /** The optimal point x. */
  readonly x: Float64Array;
  /** The dual value of each row. */
  readonly rowDuals: Float64Array;
  /** The optimal objective, as HiGHS reports it. */
  readonly objective: number;
}

/** A {@link LinearProgram} without an optimum: no feasible point, or an unbounded objective. */
export interface LinearProgramFailure {
  readonly status: 'infeasible' | 'unbounded';
}

/** What {@link solveLinearProgram} finds: an optimum, or why there is none (check `status`). */
export type LinearProgramResult = LinearProgramSolution | LinearProgramFailure;

/**
 * HiGHS's infinity: a bound or cost of this size or more is read as infinite, so the checks
 * reject finite values that large (they would silently change the program).
 */
export const HIGHS_INFINITY = 1e20;

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
 * @returns `{ status: 'optimal', x, rowDuals, objective }`, or `{ status: 'infeasible' }` /
 *   `{ status: 'unbounded' }` when HiGHS proves there is no optimum (an undecided "infeasible or
 *   unbounded" after presolve is settled by solving again without presolve)
 * @throws TypeError or RangeError on a malformed program; Error if HiGHS fails otherwise (a
 *   time or iteration limit, a numerical failure) or cannot be loaded
 *
 * @example
 * // min x0 + x1 subject to x0 + 2 x1 >= 2, x >= 0: x = (0, 1)
 * const result = await solveLinearProgram({
 *   sense: 'minimize',
 *   cost: Float64Array.of(1, 1),
 *   colLower: Float64Array.of(0, 0),
 *   colUpper: Float64Array.of(Infinity, Infinity),
 *   rowLower: Float64Array.of(2),
 *   rowUpper: Float64Array.of(Infinity),
 *   matrix: { starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 2) },
 * });
 * if (result.status === 'optimal') result.x; // Float64Array [0, 1]
 *
 * References: Huangfu and Hall, "Parallelizing the dual revised simplex method", Math. Prog.
 * Comp. 10, 2018 (HiGHS).
 */
export function solveLinearProgram(
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramResult> {
  return solveLinearProgramAs('solveLinearProgram', lp, options);
}

/**
 * Solves many linear programs through one HiGHS model (loaded once, each program passed in
 * turn): the per-call overhead of {@link solveLinearProgram} is paid once, which matters for
 * thousands of small programs. Results are in the order of `lps`.
 * @throws as {@link solveLinearProgram}, naming the index of a malformed program
 *
 * @example
 * // min x subject to x >= b and 0 <= x <= 1, for b = 0.5 and b = 2
 * const lp = (b: number) => ({
 *   sense: 'minimize' as const,
 *   cost: Float64Array.of(1),
 *   colLower: Float64Array.of(0),
 *   colUpper: Float64Array.of(1),
 *   rowLower: Float64Array.of(b),
 *   rowUpper: Float64Array.of(Infinity),
 *   matrix: { starts: Int32Array.of(0, 1), indices: Int32Array.of(0), values: Float64Array.of(1) },
 * });
 * const results = await solveLinearPrograms([lp(0.5), lp(2)]);
 * results.map((r) => r.status); // ['optimal', 'infeasible']
 */
export function solveLinearPrograms(
  lps: readonly LinearProgram[],
  options: LinearProgramOptions = {},
): Promise<LinearProgramResult[]> {
  return solveLinearProgramsAs('solveLinearPrograms', lps, options);
}

/**
 * `solveLinearPrograms` for the packages: errors name `fn`, the function the user called.
 * @internal
 */
export async function solveLinearProgramsAs(
  fn: string,
  lps: readonly LinearProgram[],
  options: LinearProgramOptions = {},
): Promise<LinearProgramResult[]> {
  if (!Array.isArray(lps))
    throw new TypeError(`${fn}: lps must be an array of linear programs, got ${formatValue(lps)}`);
  for (const [i, lp] of lps.entries()) assertLinearProgram(fn, lp, `lps[${i}]`);
  const solver = await readSolver(fn, options);
  const presolve = readPresolve(fn, options);
  if (lps.length === 0) return [];
  return guarded(fn, () =>
    solver.withModel(modelData(solver, lps[0]!), (model) =>
      lps.map((lp, i) => {
        if (i > 0) model.passModel(modelData(solver, lp));
        return solveModel(fn, solver, model, presolve);
      }),
    ),
  );
}

/**
 * `solveLinearProgram` for the packages: errors name `fn`, the function the user called.
 * @internal
 */
export async function solveLinearProgramAs(
  fn: string,
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramResult> {
  assertLinearProgram(fn, lp);
  const solver = await readSolver(fn, options);
  const presolve = readPresolve(fn, options);
  return guarded(fn, () =>
    solver.withModel(modelData(solver, lp), (model) => solveModel(fn, solver, model, presolve)),
  );
}

/** The `presolve` option, checked. */
function readPresolve(fn: string, options: LinearProgramOptions): boolean {
  const { presolve = true } = options;
  assertBoolean(fn, 'presolve', presolve);
  return presolve;
}

/**
 * For packages whose programs always have an optimum (feasible and bounded by construction):
 * `solveLinearProgramAs`'s optimum, or an Error naming `fn` if HiGHS reports none (a solver
 * failure, not a user error). @internal
 */
export async function solveOptimalLinearProgramAs(
  fn: string,
  lp: LinearProgram,
  options: LinearProgramOptions = {},
): Promise<LinearProgramSolution> {
  const result = await solveLinearProgramAs(fn, lp, options);
  if (result.status !== 'optimal')
    throw new Error(`${fn}: HiGHS reported the program ${result.status}`);
  return result;
}

/** The HiGHS instance of the options, or the one loaded on first use. */
async function readSolver(fn: string, options: LinearProgramOptions): Promise<Highs> {
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
  return highs ?? (await loadHighs(fn));
}

/** Runs a HiGHS call, giving its own errors the caller's name. */
function guarded<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    // HiGHS's own messages (a failed parse or allocation) reach the user with the caller's name.
    if (error instanceof Error && error.message.startsWith(`${fn}:`)) throw error;
    throw new Error(`${fn}: HiGHS failed: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
}

/** `lp` as HiGHS model data. */
function modelData(solver: Highs, lp: LinearProgram): ModelData {
  const { starts, indices, values } = lp.matrix;
  const rows = lp.rowLower.length;
  const cols = lp.cost.length;
  return {
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
    matrix: { format: 'csr', numRows: rows, numCols: cols, starts, indices, values },
  };
}

/**
 * Solves the program loaded in `model` and reads the result. HiGHS's presolve may stop at
 * "infeasible or unbounded"; the program is then solved again without presolve, which decides.
 */
function solveModel(
  fn: string,
  solver: Highs,
  model: Model,
  presolve: boolean,
): LinearProgramResult {
  const codes = solver.constants.modelStatus;
  model.options.set('output_flag', false);
  model.options.set('presolve', presolve ? 'choose' : 'off');
  let status: number = model.run().modelStatus;
  if (status === codes.unboundedOrInfeasible && presolve) {
    model.options.set('presolve', 'off');
    status = model.run().modelStatus;
  }
  if (status === codes.infeasible) return { status: 'infeasible' };
  if (status === codes.unbounded) return { status: 'unbounded' };
  if (status !== codes.optimal)
    throw new Error(`${fn}: HiGHS did not reach an optimum (model status ${status})`);
  const solution = model.getSolution();
  return {
    status: 'optimal',
    x: Float64Array.from(solution.colValue),
    rowDuals: Float64Array.from(solution.rowDual),
    objective: model.getObjectiveValue(),
  };
}

/** Checks the shape of a linear program: sizes agree, bounds are numbers, A's rows are valid. */
function assertLinearProgram(fn: string, lp: LinearProgram, name = 'lp'): void {
  const { sense, cost, colLower, colUpper, rowLower, rowUpper, matrix } = readObject(fn, name, lp);
  assertOneOf(fn, `${name}.sense`, sense, ['minimize', 'maximize']);
  assertFiniteVector(fn, `${name}.cost`, cost, undefined, {
    min: -HIGHS_INFINITY,
    max: HIGHS_INFINITY,
    minOpen: true,
  });
  const cols = cost.length;
  const rows = rowLower?.length;
  const bounds = (label: string, v: ArrayLike<number>, n: number) => {
    assertArrayLike(fn, label, v);
    if (v.length !== n)
      throw new TypeError(`${fn}: ${label} must have length ${n}, got ${v.length}`);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (typeof x !== 'number' || Number.isNaN(x))
        throw new RangeError(`${fn}: ${label}[${i}] must be a number, got ${formatValue(x)}`);
      if (Number.isFinite(x) && Math.abs(x) >= HIGHS_INFINITY)
        throw new RangeError(
          `${fn}: ${label}[${i}] = ${x} is finite but at least 1e20, which HiGHS reads as infinite; use Infinity or rescale the program`,
        );
    }
  };
  bounds(`${name}.colLower`, colLower, cols);
  bounds(`${name}.colUpper`, colUpper, cols);
  assertArrayLike(fn, `${name}.rowLower`, rowLower);
  bounds(`${name}.rowUpper`, rowUpper, rows);
  const { starts, indices, values } = readObject(fn, `${name}.matrix`, matrix);
  assertArrayLike(fn, `${name}.matrix.starts`, starts);
  if (starts.length !== rows + 1 || starts[0] !== 0)
    throw new TypeError(`${fn}: ${name}.matrix.starts must have length ${rows + 1} and start at 0`);
  const nnz = starts[rows]!;
  assertArrayLike(fn, `${name}.matrix.indices`, indices);
  assertFiniteVector(fn, `${name}.matrix.values`, values, nnz);
  if (indices.length !== nnz)
    throw new TypeError(
      `${fn}: ${name}.matrix.indices must have ${nnz} entries, got ${indices.length}`,
    );
  for (let r = 0; r < rows; r++)
    if (!(starts[r + 1]! >= starts[r]!))
      throw new RangeError(`${fn}: ${name}.matrix.starts must not decrease (row ${r})`);
  for (let k = 0; k < nnz; k++)
    if (!Number.isInteger(indices[k]) || indices[k]! < 0 || indices[k]! >= cols)
      throw new RangeError(
        `${fn}: ${name}.matrix.indices[${k}] must be a column in [0, ${cols - 1}], got ${formatValue(indices[k])}`,
      );
}
