import type { Rng } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  assertFiniteVector,
  assertInteger,
  assertOneOf,
  assertRng,
  MAX_ARRAY_LENGTH,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';

/** Labelled comparisons: pair i is prompt `prompt[i]`, with `chosen[i]` preferred to `rejected[i]`. */
export interface PreferenceData {
  readonly prompt: Int32Array;
  readonly chosen: Int32Array;
  readonly rejected: Int32Array;
}

/**
 * Which pairs a dataset holds. `'policy'`: two different responses drawn from `logPolicy` (the
 * reference when omitted: the usual offline data; a policy other than the one trained gives a
 * shifted dataset). `'anchored'`: every pair holds the optimal response $y^*(x) = \arg\max_y
 * r(x, y)$ and one other drawn uniformly from the `covered` responses (a 0/1 mask; all when
 * omitted): sparse coverage, responses outside the mask never observed.
 */
export type PreferenceCoverage =
  | { readonly kind: 'policy'; readonly logPolicy?: ArrayLike<number> }
  | { readonly kind: 'anchored'; readonly covered?: ArrayLike<number> };

/** Options of {@link preferenceDataset}. */
export interface PreferenceDatasetOptions {
  /** The number of labelled pairs. */
  readonly pairs: number;
  /** @default { kind: 'policy' } (pairs from the reference policy) */
  readonly coverage?: PreferenceCoverage;
}

/**
 * A dataset of labelled comparisons from an {@link AlignmentProblem}: prompts from $\rho$, two
 * different responses per the coverage pattern (in random order), and the label drawn from the
 * problem's link, $P(y \succ y') = \sigma(r(x, y) - r(x, y'))$ for Bradley-Terry.
 *
 * @throws TypeError on a bad rng or problem; RangeError on a bad size or coverage (a policy row
 *   with fewer than two responses of positive probability, a mask covering no response besides
 *   the optimal one)
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, 3] });
 * const data = preferenceDataset(createRng(1), problem, { pairs: 500 });
 * data.chosen[0]; // the preferred response of the first pair
 */
export function preferenceDataset(
  rng: Rng,
  problem: AlignmentProblem,
  options: PreferenceDatasetOptions,
): PreferenceData {
  const fn = 'preferenceDataset';
  assertRng(fn, rng);
  if (!(problem instanceof AlignmentProblem))
    throw new TypeError(`${fn}: problem must be an AlignmentProblem`);
  const { pairs, coverage = { kind: 'policy' } } = readObject(fn, 'options', options);
  assertInteger(fn, 'pairs', pairs, 1, MAX_ARRAY_LENGTH);
  readObject(fn, 'coverage', coverage);
  assertOneOf(fn, 'coverage.kind', coverage.kind, ['policy', 'anchored']);
  const X = problem.prompts;
  const K = problem.responses;
  // Per prompt, the weights the first and the second response are drawn with.
  const weights = new Float64Array(X * K);
  const anchor = new Int32Array(X).fill(-1);
  if (coverage.kind === 'policy') {
    const logPolicy = coverage.logPolicy ?? problem.logReference;
    problem.assertLogPolicy(fn, 'coverage.logPolicy', logPolicy);
    for (let i = 0; i < X * K; i++) weights[i] = exp(logPolicy[i]!);
  } else {
    const covered = coverage.covered;
    if (covered !== undefined)
      assertFiniteVector(fn, 'coverage.covered', covered, X * K, { min: 0, max: 1 });
    for (let x = 0; x < X; x++) {
      let best = 0;
      for (let y = 1; y < K; y++)
        if (problem.rewards[x * K + y]! > problem.rewards[x * K + best]!) best = y;
      anchor[x] = best;
      for (let y = 0; y < K; y++)
        weights[x * K + y] =
          y !== best && (covered === undefined || covered[x * K + y] === 1) ? 1 : 0;
    }
  }
  for (let x = 0; x < X; x++) {
    let positive = 0;
    for (let y = 0; y < K; y++) if (weights[x * K + y]! > 0) positive++;
    if (positive < (anchor[x] === -1 ? 2 : 1))
      throw new RangeError(
        `${fn}: coverage gives prompt ${x} no pair of different responses to compare`,
      );
  }
  const rows = Array.from({ length: X }, (_, x) => weights.subarray(x * K, (x + 1) * K));
  const others = new Float64Array(K);
  const prompt = new Int32Array(pairs);
  const chosen = new Int32Array(pairs);
  const rejected = new Int32Array(pairs);
  for (let i = 0; i < pairs; i++) {
    const x = sampleCategoricalUnchecked(rng, problem.promptLaw);
    let a: number;
    let b: number;
    if (anchor[x] !== -1) {
      // The optimal response and a covered other, in random order.
      const other = sampleCategoricalUnchecked(rng, rows[x]!);
      [a, b] = rng.nextFloat64() < 0.5 ? [anchor[x]!, other] : [other, anchor[x]!];
    } else {
      a = sampleCategoricalUnchecked(rng, rows[x]!);
      others.set(rows[x]!);
      others[a] = 0;
      b = sampleCategoricalUnchecked(rng, others);
    }
    const aWins = rng.nextFloat64() < problem.preferenceUnchecked(x, a, b);
    prompt[i] = x;
    chosen[i] = aWins ? a : b;
    rejected[i] = aWins ? b : a;
  }
  return { prompt, chosen, rejected };
}
