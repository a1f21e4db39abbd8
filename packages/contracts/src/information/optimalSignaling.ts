import type { LinearProgramOptions, MatrixLike } from '@x/linalg';
import {
  assertProbabilityVector,
  readObject,
  readOptions,
  solveOptimalLinearProgramAs,
  toMatrix,
} from '@x/linalg/validate';

/** A persuasion problem: a prior over k states, and each side's utility of the receiver's n actions in each state. */
export interface PersuasionProblem {
  /** The common prior $\mu$ over states. */
  readonly prior: ArrayLike<number>;
  /** $v(\omega, a)$: the sender's utility, k rows of n. */
  readonly senderUtility: MatrixLike;
  /** $u(\omega, a)$: the receiver's utility, k rows of n. */
  readonly receiverUtility: MatrixLike;
}

/** The sender's optimal signalling scheme. */
export interface SignalingScheme {
  /** The sender's expected utility under the scheme. */
  readonly value: number;
  /** $\pi(a \mid \omega)$ at `scheme[omega * n + a]`: the probability of recommending a in state omega. */
  readonly scheme: Float64Array;
  /** The probability of each recommendation. */
  readonly signalProbabilities: Float64Array;
  /** The receiver's posterior after each recommendation, `posteriors[a * k + omega]` (uniform for a recommendation never sent). */
  readonly posteriors: Float64Array;
}

/**
 * Bayesian persuasion as a linear program: by the revelation principle the sender can
 * recommend actions, and a recommendation scheme $\pi(a \mid \omega)$ is followed when it is
 * obedient. The sender solves
 * $$\max_\pi \sum_\omega \mu(\omega) \sum_a \pi(a \mid \omega) v(\omega, a) \ \text{s.t.}\
 * \sum_\omega \mu(\omega)\pi(a \mid \omega)(u(\omega, a) - u(\omega, a')) \ge 0\ \ \forall a, a',$$
 * with each $\pi(\cdot \mid \omega)$ a distribution (HiGHS; ties go to the sender). Its value
 * is the concavification of the sender's value as a function of the posterior, evaluated at the
 * prior (Kamenica and Gentzkow).
 *
 * @throws TypeError or RangeError on a malformed problem (sizes, a prior that is not a distribution, non-finite utilities)
 *
 * @example
 * // The prosecutor: guilty with probability 0.3; the judge convicts iff P(guilty) >= 1/2.
 * const { value } = await optimalSignaling({
 *   prior: [0.7, 0.3], // innocent, guilty
 *   senderUtility: [[0, 1], [0, 1]], // acquit, convict: the prosecutor wants a conviction
 *   receiverUtility: [[1, 0], [0, 1]], // the judge wants to be right
 * });
 * value; // 0.6: convict with probability 2 mu (the concavified value)
 *
 * References: Kamenica and Gentzkow, "Bayesian Persuasion", American Economic Review 101(6), 2011;
 * Dughmi and Xu, "Algorithmic Bayesian Persuasion", STOC 2016, arXiv:1503.05988 (the linear
 * program).
 */
export async function optimalSignaling(
  problem: PersuasionProblem,
  options: LinearProgramOptions = {},
): Promise<SignalingScheme> {
  const fn = 'optimalSignaling';
  const { prior, senderUtility, receiverUtility } = readObject(fn, 'problem', problem);
  const { highs } = readOptions(fn, options);
  const vs = toMatrix(fn, 'senderUtility', senderUtility);
  const k = vs.rows;
  const n = vs.columns;
  assertProbabilityVector(fn, 'prior', prior, k);
  const ur = toMatrix(fn, 'receiverUtility', receiverUtility);
  if (ur.rows !== k || ur.columns !== n)
    throw new TypeError(
      `${fn}: receiverUtility must be ${k} x ${n} like senderUtility, got ${ur.rows} x ${ur.columns}`,
    );
  // Columns: pi(a | omega) at omega * n + a. Rows: obedience (a, a') for a != a', then one
  // distribution row per state.
  const obedience = n * (n - 1);
  const rows = obedience + k;
  const starts = new Int32Array(rows + 1);
  const indices = new Int32Array(obedience * k + k * n);
  const values = new Float64Array(obedience * k + k * n);
  let r = 0;
  let e = 0;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      for (let w = 0; w < k; w++) {
        indices[e] = w * n + a;
        values[e++] = prior[w]! * (ur.get(w, a) - ur.get(w, b));
      }
      starts[++r] = e;
    }
  for (let w = 0; w < k; w++) {
    for (let a = 0; a < n; a++) {
      indices[e] = w * n + a;
      values[e++] = 1;
    }
    starts[++r] = e;
  }
  // Feasible (full disclosure is obedient) and bounded (pi in [0, 1]).
  const result = await solveOptimalLinearProgramAs(
    fn,
    {
      sense: 'maximize',
      cost: Float64Array.from(
        { length: k * n },
        (_, i) => prior[Math.floor(i / n)]! * vs.get(Math.floor(i / n), i % n),
      ),
      colLower: new Float64Array(k * n),
      colUpper: new Float64Array(k * n).fill(1),
      rowLower: Float64Array.from({ length: rows }, (_, i) => (i < obedience ? 0 : 1)),
      rowUpper: Float64Array.from({ length: rows }, (_, i) =>
        i < obedience ? Number.POSITIVE_INFINITY : 1,
      ),
      matrix: { starts, indices, values },
    },
    { presolve: false, ...(highs === undefined ? {} : { highs }) },
  );
  const scheme = result.x.map((x) => Math.min(1, Math.max(0, x)));
  const signalProbabilities = new Float64Array(n);
  const posteriors = new Float64Array(n * k);
  for (let a = 0; a < n; a++) {
    for (let w = 0; w < k; w++)
      signalProbabilities[a] = signalProbabilities[a]! + prior[w]! * scheme[w * n + a]!;
    for (let w = 0; w < k; w++)
      posteriors[a * k + w] =
        signalProbabilities[a]! > 0
          ? (prior[w]! * scheme[w * n + a]!) / signalProbabilities[a]!
          : 1 / k;
  }
  return { value: result.objective, scheme, signalProbabilities, posteriors };
}
