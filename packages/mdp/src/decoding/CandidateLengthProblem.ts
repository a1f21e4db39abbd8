import {
  assertFinite,
  assertFiniteVector,
  assertInteger,
  assertPositive,
  assertProbabilityVector,
  readObject,
} from '@x/linalg/validate';

/**
 * The candidate-length problem of speculative decoding: each drafted token is accepted (given
 * that all earlier ones were) with a probability $\alpha$ drawn independently from a finite
 * distribution and revealed when the token is drafted (SpecDec++ predicts it with an acceptance
 * head). Drafting costs `draftCost`, verifying a round costs `verifyCost`, and at most
 * `maxCandidates` tokens are drafted per round.
 */
export interface CandidateLengthProblem {
  /** The possible acceptance probabilities of a drafted token, each in [0, 1]. */
  readonly acceptance: ArrayLike<number>;
  /** Their probabilities (a distribution, same length). */
  readonly weights: ArrayLike<number>;
  /** Time of one draft-model forward pass, non-negative. */
  readonly draftCost: number;
  /** Time of one target-model (verification) forward pass, positive. */
  readonly verifyCost: number;
  /** Largest number of candidates per round, K_max >= 0. */
  readonly maxCandidates: number;
}

/** Largest number of tree nodes the exact solvers enumerate. */
const MAX_NODES = 1 << 21;

/**
 * The tree of drafting histories, breadth first: node i has children m i + 1 + j for the m
 * acceptance values; `survival` is the probability that every token drafted so far is accepted,
 * `reach` the probability of the history, `depthStart[k]` the first node of depth k.
 */
export interface CandidateLengthTree {
  readonly branching: number;
  readonly survival: Float64Array;
  readonly reach: Float64Array;
  readonly depthStart: Int32Array;
}

/** Validates a problem and enumerates its tree. @internal */
export function buildCandidateLengthTree(
  fn: string,
  problem: CandidateLengthProblem,
): CandidateLengthTree {
  const { acceptance, weights, draftCost, verifyCost, maxCandidates } = readObject(
    fn,
    'problem',
    problem,
  );
  assertProbabilityVector(fn, 'weights', weights);
  assertFiniteVector(fn, 'acceptance', acceptance, weights.length, { min: 0, max: 1 });
  assertFinite(fn, 'draftCost', draftCost);
  if (draftCost < 0)
    throw new RangeError(`${fn}: draftCost must be non-negative, got ${draftCost}`);
  assertPositive(fn, 'verifyCost', verifyCost);
  assertInteger(fn, 'maxCandidates', maxCandidates, 0);
  const m = acceptance.length;
  const depthStart = new Int32Array(maxCandidates + 2);
  let size = 1;
  let level = 1;
  for (let k = 0; k <= maxCandidates; k++) {
    depthStart[k] = size - level;
    if (k < maxCandidates) {
      level *= m;
      size += level;
    }
    if (size > MAX_NODES)
      throw new RangeError(
        `${fn}: ${m}^maxCandidates histories exceed ${MAX_NODES}; lower maxCandidates (got ${maxCandidates})`,
      );
  }
  depthStart[maxCandidates + 1] = size;
  const survival = new Float64Array(size);
  const reach = new Float64Array(size);
  survival[0] = 1;
  reach[0] = 1;
  for (let i = 0; i < depthStart[maxCandidates]!; i++) {
    for (let j = 0; j < m; j++) {
      const c = m * i + 1 + j;
      survival[c] = survival[i]! * acceptance[j]!;
      reach[c] = reach[i]! * weights[j]!;
    }
  }
  return { branching: m, survival, reach, depthStart };
}

/** Expected tokens and time per round of a stopping rule on the tree (leaves always stop). @internal */
export function evaluateStopRule(
  tree: CandidateLengthTree,
  problem: CandidateLengthProblem,
  stop: Uint8Array,
): { tokensPerRound: number; timePerRound: number } {
  const { branching: m, survival, reach } = tree;
  const inner = tree.depthStart[tree.depthStart.length - 2]!;
  const reached = new Uint8Array(survival.length);
  reached[0] = 1;
  let tokens = 1;
  let drafts = 0;
  for (let i = 0; i < inner; i++) {
    if (!reached[i] || stop[i]) continue;
    for (let j = 0; j < m; j++) {
      const c = m * i + 1 + j;
      reached[c] = 1;
      tokens += reach[c]! * survival[c]!;
      drafts += reach[c]!;
    }
  }
  return { tokensPerRound: tokens, timePerRound: problem.verifyCost + problem.draftCost * drafts };
}
