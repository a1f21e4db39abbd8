import { logSigmoid, type Rng, sampleNormal, sigmoid } from '@x/linalg';
import { exp, log } from '@x/linalg/math';
import {
  assertInteger,
  assertNonNegative,
  assertRng,
  MAX_ARRAY_LENGTH,
  readObject,
} from '@x/linalg/validate';
import { countPairs, type PairCounts } from './pairCounts.ts';
import type { PreferenceData } from './preferenceDataset.ts';

/** Options of {@link fitRewardMixture}. */
export interface RewardMixtureOptions {
  /** The number of prompts of the data. @default 1 */
  readonly prompts?: number;
  /** The number of responses K per prompt. */
  readonly responses: number;
  /** The number of user groups G. */
  readonly groups: number;
  /** EM rounds. @default 100 */
  readonly iterations?: number;
  /** Gradient steps of each M-step per group. @default 50 */
  readonly innerIterations?: number;
  /** The ridge penalty on each group's rewards (fixes their level). @default 1e-3 */
  readonly regularization?: number;
}

/** A mixture of Bradley-Terry reward models fitted to users' comparisons. */
export interface RewardMixture {
  /** The groups' shares $w_g$. */
  readonly weights: Float64Array;
  /** Group g's reward at `rewards[g * prompts * K + x * K + y]`. */
  readonly rewards: Float64Array;
  /** $P(\text{user } u \in g \mid \text{data})$ at `responsibilities[u * G + g]`. */
  readonly responsibilities: Float64Array;
  /** The data's log-likelihood under the fitted mixture. */
  readonly logLikelihood: number;
}

/**
 * Fits a mixture of Bradley-Terry reward models to comparisons from users who each belong to
 * one of G unknown groups, by expectation-maximisation: the E-step weighs each user's
 * comparisons under every group's rewards, $P(u \in g) \propto w_g \prod_i \sigma(r_g(y_{w,i}) -
 * r_g(y_{l,i}))$ (in log space); the M-step sets $w_g$ to the mean responsibility and takes
 * gradient steps on each group's weighted, ridge-penalised log-likelihood (concave, step 1/L).
 * Rewards start from small seeded normal draws, so the fit is reproducible; EM finds a local
 * optimum, and the groups come out in an arbitrary order.
 *
 * @param users - each user's labelled pairs
 * @throws TypeError or RangeError on a bad rng, users (bad pairs name the user) or options
 *
 * @example
 * const like = new AlignmentProblem({ responses: 3, rewards: [2, 0, 1] });
 * const unlike = new AlignmentProblem({ responses: 3, rewards: [0, 2, 1] });
 * const rng = createRng(1);
 * const users = [like, like, unlike].map((p) => preferenceDataset(rng, p, { pairs: 30 }));
 * const fit = fitRewardMixture(createRng(2), users, { responses: 3, groups: 2 });
 * fit.responsibilities; // the first two users together, the third apart
 *
 * References: Chakraborty, Qiu, Yuan, Koppel, Huang, Manocha, Bedi and Wang, "MaxMin-RLHF:
 * Alignment with Diverse Human Preferences", arXiv:2402.08925 (EM over user groups);
 * Dempster, Laird and Rubin, JRSS B 39, 1977.
 */
export function fitRewardMixture(
  rng: Rng,
  users: readonly PreferenceData[],
  options: RewardMixtureOptions,
): RewardMixture {
  const fn = 'fitRewardMixture';
  assertRng(fn, rng);
  if (!Array.isArray(users) || users.length === 0)
    throw new TypeError(`${fn}: users must be a non-empty array of labelled pairs`);
  const {
    prompts = 1,
    responses,
    groups,
    iterations = 100,
    innerIterations = 50,
    regularization = 1e-3,
  } = readObject(fn, 'options', options);
  assertInteger(fn, 'prompts', prompts, 1, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'responses', responses, 2, MAX_ARRAY_LENGTH);
  assertInteger(fn, 'groups', groups, 1, 1 << 12);
  assertInteger(fn, 'iterations', iterations, 1, 1 << 20);
  assertInteger(fn, 'innerIterations', innerIterations, 1, 1 << 20);
  assertNonNegative(fn, 'regularization', regularization);
  if (!(regularization <= 1e6))
    throw new RangeError(`${fn}: regularization must be at most 1e6, got ${regularization}`);
  const n = prompts * responses;
  if (groups * n > MAX_ARRAY_LENGTH)
    throw new RangeError(`${fn}: groups x prompts x responses must be at most ${MAX_ARRAY_LENGTH}`);
  const U = users.length;
  const G = groups;
  // Each user's distinct pairs (weights are shares of that user's pairs) and pair count.
  const counts: PairCounts[] = users.map((data, u) =>
    countPairs(fn, data, prompts, responses, `users[${u}]`),
  );
  const sizes = users.map((d) => d.prompt.length);
  const rewards = Float64Array.from({ length: G * n }, () => 0.1 * sampleNormal(rng, 0, 1));
  const weights = new Float64Array(G).fill(1 / G);
  const resp = new Float64Array(U * G);
  const logLik = new Float64Array(G);
  const grad = new Float64Array(n);
  let logLikelihood = 0;
  const userLogLik = (u: number, g: number) => {
    const c = counts[u]!;
    let ll = 0;
    for (let p = 0; p < c.weight.length; p++)
      ll +=
        c.weight[p]! *
        sizes[u]! *
        logSigmoid(rewards[g * n + c.winner[p]!]! - rewards[g * n + c.loser[p]!]!);
    return ll;
  };
  for (let t = 0; t <= iterations; t++) {
    // E-step, and the log-likelihood of the current fit.
    logLikelihood = 0;
    for (let u = 0; u < U; u++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let g = 0; g < G; g++) {
        logLik[g] = log(weights[g]!) + userLogLik(u, g);
        max = Math.max(max, logLik[g]!);
      }
      let total = 0;
      for (let g = 0; g < G; g++) total += exp(logLik[g]! - max);
      for (let g = 0; g < G; g++) resp[u * G + g] = exp(logLik[g]! - max) / total;
      logLikelihood += max + log(total);
    }
    if (t === iterations) break;
    // M-step: shares, then each group's rewards on its weighted comparisons.
    for (let g = 0; g < G; g++) {
      let share = 0;
      let mass = 0;
      for (let u = 0; u < U; u++) {
        share += resp[u * G + g]! / U;
        mass += resp[u * G + g]! * sizes[u]!;
      }
      weights[g] = Math.max(share, 1e-300);
      if (mass === 0) continue;
      const step = 1 / (0.5 + regularization);
      for (let s = 0; s < innerIterations; s++) {
        for (let i = 0; i < n; i++) grad[i] = -regularization * rewards[g * n + i]!;
        for (let u = 0; u < U; u++) {
          const r = resp[u * G + g]!;
          if (r === 0) continue;
          const c = counts[u]!;
          const scale = (r * sizes[u]!) / mass;
          for (let p = 0; p < c.weight.length; p++) {
            const w = c.winner[p]!;
            const l = c.loser[p]!;
            const d = scale * c.weight[p]! * sigmoid(rewards[g * n + l]! - rewards[g * n + w]!);
            grad[w] = grad[w]! + d;
            grad[l] = grad[l]! - d;
          }
        }
        for (let i = 0; i < n; i++) rewards[g * n + i] = rewards[g * n + i]! + step * grad[i]!;
      }
    }
  }
  return { weights, rewards, responsibilities: resp, logLikelihood };
}
