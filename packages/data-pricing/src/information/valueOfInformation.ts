import type { MatrixLike } from '@x/linalg';
import { assertProbabilityVector, readObject, toMatrix } from '@x/linalg/validate';

/** A finite decision problem: a prior over states and the utility of each action in each state. */
export interface DecisionProblem {
  /** Prior $\mu(\omega)$ over the S states. */
  readonly prior: ArrayLike<number>;
  /** $u(\omega, a)$, S x A. */
  readonly utility: MatrixLike;
}

/** The instrumental value of an experiment, from {@link valueOfInformation}. */
export interface InformationValue {
  /** $V(E) = E_m[\max_a E[u \mid m]] - \max_a E[u] \ge 0$. */
  readonly value: number;
  /** Expected utility when deciding after the signal. */
  readonly informed: number;
  /** Expected utility of the best action under the prior alone. */
  readonly uninformed: number;
  /** The best action after each signal (ties to the smallest index). */
  readonly decisions: Int32Array;
}

/**
 * The instrumental value of information of an experiment (a signal matrix $E(m \mid \omega)$)
 * to a Bayesian decision maker: the expected utility of deciding after seeing the signal minus
 * that of deciding on the prior,
 * $$V(E) = \sum_m \max_a \sum_\omega \mu(\omega)E(m|\omega)u(\omega,a) - \max_a \sum_\omega
 * \mu(\omega)u(\omega, a).$$
 * It is non-negative, zero for an uninformative experiment (identical rows) and never grows
 * under a garbling $E \mapsto EG$ (Blackwell's theorem): the value of data depends on the
 * decision it serves and on what the decision maker already believes.
 *
 * @param experiment - S x M, each row a distribution over the M signals
 * @throws TypeError on mismatched sizes; RangeError on an invalid prior, utility or row
 *
 * @example
 * // Two equally likely states; guessing the state right pays 1.
 * const problem = { prior: [0.5, 0.5], utility: [[1, 0], [0, 1]] };
 * valueOfInformation(problem, [[0.8, 0.2], [0.2, 0.8]]).value; // 0.3: from 0.5 to 0.8 expected payoff
 *
 * References: Ai, Lyu, Wang, Yang and Xu, "An Instrumental Value for Data Production and its
 * Application to Data Pricing", arXiv:2412.18140 (the instrumental value of an
 * experiment); Blackwell, "Equivalent Comparisons of Experiments", Ann. Math. Statist. 1953.
 */
export function valueOfInformation(
  problem: DecisionProblem,
  experiment: MatrixLike,
): InformationValue {
  const fn = 'valueOfInformation';
  readObject(fn, 'problem', problem);
  const u = toMatrix(fn, 'utility', problem.utility);
  const S = u.rows;
  const A = u.columns;
  assertProbabilityVector(fn, 'prior', problem.prior, S);
  const e = toMatrix(fn, 'experiment', experiment);
  if (e.rows !== S)
    throw new TypeError(`${fn}: experiment must have one row per state (${S}), got ${e.rows}`);
  const M = e.columns;
  for (let s = 0; s < S; s++) assertProbabilityVector(fn, `experiment row ${s}`, e.getRow(s));
  let uninformed = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < A; a++) {
    let total = 0;
    for (let s = 0; s < S; s++) total += problem.prior[s]! * u.get(s, a);
    uninformed = Math.max(uninformed, total);
  }
  let informed = 0;
  const decisions = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) {
      let total = 0;
      for (let s = 0; s < S; s++) total += problem.prior[s]! * e.get(s, m) * u.get(s, a);
      if (total > best) {
        best = total;
        decisions[m] = a;
      }
    }
    informed += best;
  }
  // Rounding can leave a tiny negative for an uninformative experiment; the value is >= 0.
  return { value: Math.max(0, informed - uninformed), informed, uninformed, decisions };
}
