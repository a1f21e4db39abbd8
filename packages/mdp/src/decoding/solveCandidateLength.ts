import {
  buildCandidateLengthTree,
  type CandidateLengthProblem,
  evaluateStopRule,
} from './CandidateLengthProblem.ts';

/** The optimal adaptive candidate-length policy of a {@link CandidateLengthProblem}. */
export interface CandidateLengthSolution {
  /** Optimal throughput: expected tokens per unit time, $\rho^* = E[\text{tokens}]/E[\text{time}]$ per round. */
  readonly rate: number;
  /** Expected tokens emitted per round under the optimal policy. */
  readonly tokensPerRound: number;
  /** Expected time per round under the optimal policy. */
  readonly timePerRound: number;
  /** For every drafting history (breadth first, see `depthStart`): 1 if the optimal policy stops and verifies there. */
  readonly stop: Uint8Array;
  /** Probability that all tokens drafted so far are accepted; $1 - $ survival is the rejection probability SpecDec++ thresholds. */
  readonly survival: Float64Array;
  /** `depthStart[k]` is the first history with k drafted tokens; histories of depth k end at `depthStart[k + 1]`. */
  readonly depthStart: Int32Array;
  /**
   * Per depth k < maxCandidates: the smallest rejection probability $1 - \prod_i \alpha_i$ at
   * which the optimal policy stops after k drafted tokens (Infinity if it never stops there).
   */
  readonly stopThresholds: Float64Array;
  /**
   * Whether the optimal policy is a threshold policy: at every depth it drafts on exactly the
   * histories whose rejection probability is below that depth's stop threshold (up to 1e-12).
   */
  readonly isThresholdPolicy: boolean;
  /** Dinkelbach iterations used. */
  readonly iterations: number;
}

/**
 * Solves the candidate-length MDP of speculative decoding exactly. The state after drafting k
 * tokens is the history of their acceptance probabilities; the actions are "draft one more"
 * (cost `draftCost`, and the new token adds its survival probability to the expected accepted
 * tokens) and "stop and verify" (cost `verifyCost`, and the round ends with the accepted prefix
 * plus one token from the target model).
 *
 * Choice made: the paper minimises the total latency of a long generation; per round that is
 * maximising the long-run throughput $\rho = E[\text{tokens}]/E[\text{time}]$ (renewal-reward),
 * which we solve exactly by Dinkelbach's method: for the current $\rho$, backward induction over
 * the tree of histories maximises $E[\text{tokens} - \rho\,\text{time}]$, and $\rho$ is updated to
 * the throughput of the maximiser until it stops increasing. Ties between stopping and drafting
 * are broken towards stopping. The paper's theorem, that the optimal policy stops once the
 * probability of at least one rejection exceeds a threshold, is checked by the tests: within each
 * depth, every stopping history has a larger rejection probability than every drafting one.
 *
 * @throws RangeError on an invalid problem or more than 2^21 histories
 *
 * @example
 * const problem = {
 *   acceptance: [0.2, 0.9],
 *   weights: [0.3, 0.7],
 *   draftCost: 0.1,
 *   verifyCost: 1,
 *   maxCandidates: 8,
 * };
 * solveCandidateLength(problem).rate; // the best tokens per unit time of any stopping rule
 *
 * References: Huang, Guo and Wang, "SpecDec++: Boosting Speculative Decoding via Adaptive
 * Candidate Lengths", arXiv:2405.19715; Dinkelbach, "On Nonlinear Fractional
 * Programming", Management Science 13(7), 1967.
 */
export function solveCandidateLength(problem: CandidateLengthProblem): CandidateLengthSolution {
  const tree = buildCandidateLengthTree('solveCandidateLength', problem);
  const { branching: m, survival, depthStart } = tree;
  const n = survival.length;
  const inner = depthStart[depthStart.length - 2]!;
  const w = new Float64Array(n); // W(i): value of the best continuation from history i, >= 0
  const stop = new Uint8Array(n).fill(1);
  let rate = 1 / problem.verifyCost; // the policy that never drafts
  let result = { tokensPerRound: 1, timePerRound: problem.verifyCost };
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    for (let i = inner - 1; i >= 0; i--) {
      let cont = 0;
      let mass = 0;
      for (let j = 0; j < m; j++) {
        const c = m * i + 1 + j;
        const pj = problem.weights[j]!;
        if (pj === 0) continue;
        mass += pj;
        cont += pj * (survival[c]! - rate * problem.draftCost + w[c]!);
      }
      const better = mass > 0 && cont > 0;
      stop[i] = better ? 0 : 1;
      w[i] = better ? cont : 0;
    }
    const next = evaluateStopRule(tree, problem, stop);
    const nextRate = next.tokensPerRound / next.timePerRound;
    if (!(nextRate > rate * (1 + 4 * Number.EPSILON))) {
      if (nextRate >= rate) result = next;
      break;
    }
    rate = nextRate;
    result = next;
  }
  const depths = depthStart.length - 2;
  const stopThresholds = new Float64Array(depths).fill(Infinity);
  let isThresholdPolicy = true;
  for (let k = 0; k < depths; k++) {
    let maxDrafting = -Infinity;
    for (let i = depthStart[k]!; i < depthStart[k + 1]!; i++) {
      const rejection = 1 - survival[i]!;
      if (stop[i]) stopThresholds[k] = Math.min(stopThresholds[k]!, rejection);
      else maxDrafting = Math.max(maxDrafting, rejection);
    }
    // Histories with equal products may differ in the last bit, hence the 1e-12 slack.
    if (maxDrafting > stopThresholds[k]! + 1e-12) isThresholdPolicy = false;
  }
  return {
    rate: result.tokensPerRound / result.timePerRound,
    ...result,
    stop,
    survival,
    depthStart,
    stopThresholds,
    isThresholdPolicy,
    iterations: iterations + 1,
  };
}
