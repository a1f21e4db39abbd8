import { logSigmoid, type Rng, sampleNormal, sigmoid } from '@x/linalg';
import { assertInteger, assertPositive, assertRng, readObject } from '@x/linalg/validate';
import { PreferenceGame } from './PreferenceGame.ts';

/** Options of {@link fitPreferenceEmbedding}. */
export interface PreferenceEmbeddingOptions {
  /** The embedding dimension 2k (even): k rotation blocks. @default 2 */
  readonly dim?: number;
  /** Full-batch gradient steps. @default 2000 */
  readonly iterations?: number;
  /** The step size. @default 0.5 */
  readonly learningRate?: number;
}

/** A fitted preference embedding: $P(y \succ y') = \sigma(v_y^\top R\, v_{y'})$. */
export interface PreferenceEmbedding {
  /** The embedding dimension 2k. */
  readonly dim: number;
  /** $v_y$ at `embeddings[y * dim .. (y + 1) * dim)`. */
  readonly embeddings: Float64Array;
  /** The modelled $P(y \succ y')$, row-major K x K. */
  readonly preferences: Float64Array;
  /** The mean cross-entropy of the modelled preferences against the game's, over ordered pairs. */
  readonly logLoss: number;
}

/**
 * Fits a general preference model (GPM) to a preference game: each response gets an embedding
 * $v_y \in \mathbb R^{2k}$ and $P(y \succ y') = \sigma(v_y^\top R\, v_{y'})$ with R block-diagonal
 * in the 2 x 2 rotations $\begin{pmatrix}0 & -1\\ 1 & 0\end{pmatrix}$, a skew-symmetric form: the
 * model is consistent ($P(y \succ y') + P(y' \succ y) = 1$) but need not be transitive, so it
 * can hold a cycle that every Bradley-Terry model ($\sigma(u_y - u_{y'})$) flattens to 1/2. Fitted
 * by full-batch gradient descent on the cross-entropy over all ordered pairs, from a small
 * seeded random start (zero is a saddle point). The per-block scales of the paper are absorbed
 * in the embeddings' norms, and a fit to a known matrix rather than to sampled comparisons is the
 * library's choice.
 *
 * @throws TypeError on a bad rng or game; RangeError on bad options
 *
 * @example
 * const rps = new PreferenceGame([[0.5, 0.1, 0.9], [0.9, 0.5, 0.1], [0.1, 0.9, 0.5]]);
 * const gpm = fitPreferenceEmbedding(createRng(1), rps, { dim: 2 });
 * gpm.preferences[1 * 3 + 0]; // about 0.9: paper beats rock, which no Bradley-Terry model can hold
 *
 * References: Zhang, Xu, Zhang et al., "General Preference Modeling with Preference
 * Representations for Aligning Language Models", arXiv:2410.02197 (GPM).
 */
export function fitPreferenceEmbedding(
  rng: Rng,
  game: PreferenceGame,
  options: PreferenceEmbeddingOptions = {},
): PreferenceEmbedding {
  const fn = 'fitPreferenceEmbedding';
  assertRng(fn, rng);
  if (!(game instanceof PreferenceGame))
    throw new TypeError(`${fn}: game must be a PreferenceGame`);
  const { dim = 2, iterations = 2000, learningRate = 0.5 } = readObject(fn, 'options', options);
  assertInteger(fn, 'dim', dim, 2, 1 << 10);
  if (dim % 2 !== 0) throw new RangeError(`${fn}: dim must be even, got ${dim}`);
  assertInteger(fn, 'iterations', iterations, 1, 1 << 24);
  assertPositive(fn, 'learningRate', learningRate);
  if (!(learningRate <= 100))
    throw new RangeError(`${fn}: learningRate must be at most 100, got ${learningRate}`);
  const K = game.responses;
  const P = game.matrix;
  const v = Float64Array.from({ length: K * dim }, () => 0.1 * sampleNormal(rng, 0, 1));
  const grad = new Float64Array(K * dim);
  const pairs = K * (K - 1);
  // s(i, j) = v_i^T R v_j with R v = (-v_2, v_1, -v_4, v_3, ...).
  const score = (i: number, j: number) => {
    let s = 0;
    for (let b = 0; b < dim; b += 2)
      s += v[i * dim + b]! * -v[j * dim + b + 1]! + v[i * dim + b + 1]! * v[j * dim + b]!;
    return s;
  };
  for (let t = 0; t < iterations; t++) {
    grad.fill(0);
    for (let i = 0; i < K; i++)
      for (let j = i + 1; j < K; j++) {
        // Both ordered pairs: d/ds of the two cross-entropies is 2 (sigma(s) - P_ij).
        const g = (2 * (sigmoid(score(i, j)) - P[i * K + j]!)) / pairs;
        for (let b = 0; b < dim; b += 2) {
          // ds/dv_i = R v_j, ds/dv_j = -R v_i.
          grad[i * dim + b] = grad[i * dim + b]! - g * v[j * dim + b + 1]!;
          grad[i * dim + b + 1] = grad[i * dim + b + 1]! + g * v[j * dim + b]!;
          grad[j * dim + b] = grad[j * dim + b]! + g * v[i * dim + b + 1]!;
          grad[j * dim + b + 1] = grad[j * dim + b + 1]! - g * v[i * dim + b]!;
        }
      }
    let finite = true;
    for (let k = 0; k < K * dim; k++) {
      v[k] = v[k]! - learningRate * grad[k]!;
      finite &&= Number.isFinite(v[k]!) && Math.abs(v[k]!) < 1e150;
    }
    if (!finite)
      throw new RangeError(`${fn}: the fit diverged at learningRate ${learningRate}: lower it`);
  }
  const preferences = new Float64Array(K * K).fill(0.5);
  let loss = 0;
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      if (i === j) continue;
      const s = score(i, j);
      preferences[i * K + j] = sigmoid(s);
      loss -= P[i * K + j]! * logSigmoid(s) + (1 - P[i * K + j]!) * logSigmoid(-s);
    }
  return { dim, embeddings: v, preferences, logLoss: loss / pairs };
}
