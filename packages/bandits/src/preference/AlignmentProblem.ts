import { normalCdf, type Rng, sigmoid } from '@x/linalg';
import { exp, expm1, log } from '@x/linalg/math';
import {
  assertArrayLike,
  assertFiniteVector,
  assertInteger,
  assertOneOf,
  assertPositive,
  assertRng,
  MAX_ARRAY_LENGTH,
  normalizedWeights,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { rowLogSumExp } from './rowLogSumExp.ts';

/** The data of an {@link AlignmentProblem}. */
export interface AlignmentProblemData {
  /** The number of candidate responses K per prompt. */
  readonly responses: number;
  /** The latent reward $r(x, y)$ at `rewards[x * K + y]`; its length fixes the number of prompts. */
  readonly rewards: ArrayLike<number>;
  /** The reference policy $\pi_{ref}(y \mid x) > 0$, row-major; each row sums to 1. @default uniform */
  readonly reference?: ArrayLike<number>;
  /** The law $\rho$ of prompts (weights, normalised). @default uniform */
  readonly promptWeights?: ArrayLike<number>;
  /**
   * How rewards become preferences: `'bradley-terry'`, $P(y \succ y') = \sigma(r - r')$, or
   * `'thurstone'` (probit), $\Phi(r - r')$. @default 'bradley-terry'
   */
  readonly link?: 'bradley-terry' | 'thurstone';
}

/** How a policy fares on an {@link AlignmentProblem}. */
export interface PolicyEvaluation {
  /** $E_{x \sim \rho, y \sim \pi}[r(x, y)]$. */
  readonly reward: number;
  /** $E_{x \sim \rho}[\mathrm{KL}(\pi(\cdot \mid x) \| \pi_{ref}(\cdot \mid x))]$. */
  readonly klToReference: number;
  /** The KL-regularised objective $J_\beta(\pi) = $ reward $- \beta\,$klToReference. */
  readonly objective: number;
  /** $E_{x \sim \rho}[\mathrm{KL}(\pi \| \pi^*_\beta)]$, which equals $(J_\beta(\pi^*) - J_\beta(\pi))/\beta$. */
  readonly klToOptimum: number;
}

/** The largest |log-sum| of a row of log-probabilities accepted as normalised. */
const LOG_NORMALISED = 1e-9;

/**
 * An alignment problem at episode length one: prompts x drawn from $\rho$, K candidate
 * responses per prompt, a reference policy $\pi_{ref}$ (the SFT model) and a latent reward
 * $r(x, y)$ that generates pairwise preferences through a link (Bradley-Terry or Thurstone).
 * Everything the field's methods are judged by is exact here: the KL-regularised optimum
 * $\pi^*_\beta(y \mid x) \propto \pi_{ref}(y \mid x) e^{r(x, y)/\beta}$ (in log space, so a
 * small $\beta$ does not overflow), a policy's reward, KL and objective, and the win rate of one
 * policy against another. Policies are passed as `logPolicy`: row-major log-probabilities,
 * `-Infinity` for a response never given.
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 3, rewards: [0, 1, 2] });
 * const optimum = problem.optimalPolicy(0.5); // log pi*, proportional to e^{2 r}
 * problem.evaluate(optimum, 0.5).objective; // the best J_beta: 0.5 log(1 + e^2 + e^4) - 0.5 log 3
 *
 * References: Rafailov, Sharma, Mitchell, Ermon, Manning and Finn, "Direct Preference
 * Optimization: Your Language Model is Secretly a Reward Model", arXiv:2305.18290 (the
 * optimum in closed form); Bradley and Terry, Biometrika 39, 1952; Thurstone, Psychological
 * Review 34, 1927.
 */
export class AlignmentProblem {
  readonly prompts: number;
  readonly responses: number;
  readonly link: 'bradley-terry' | 'thurstone';
  /** $r(x, y)$, row-major. @internal */
  readonly rewards: Float64Array;
  /** $\log \pi_{ref}(y \mid x)$, row-major. */
  readonly logReference: Float64Array;
  /** $\rho(x)$. */
  readonly promptLaw: Float64Array;

  /**
   * @throws TypeError on a malformed shape; RangeError on a bad size, a non-finite reward, a
   *   reference row with a non-positive entry or not summing to 1 (within 1e-9 K), bad prompt
   *   weights or an unknown link
   */
  constructor(data: AlignmentProblemData) {
    const fn = 'AlignmentProblem';
    const {
      responses,
      rewards,
      reference,
      promptWeights,
      link = 'bradley-terry',
    } = readObject(fn, 'data', data);
    assertInteger(fn, 'responses', responses, 2, MAX_ARRAY_LENGTH);
    assertFiniteVector(fn, 'rewards', rewards);
    const K = responses;
    if (rewards.length === 0 || rewards.length % K !== 0)
      throw new RangeError(
        `${fn}: rewards must hold prompts x ${K} entries, got length ${rewards.length}`,
      );
    const X = rewards.length / K;
    assertOneOf(fn, 'link', link, ['bradley-terry', 'thurstone']);
    this.prompts = X;
    this.responses = K;
    this.link = link;
    this.rewards = Float64Array.from(rewards);
    this.promptLaw = normalizedWeights(fn, 'promptWeights', promptWeights, X);
    if (reference === undefined) this.logReference = new Float64Array(X * K).fill(-log(K));
    else {
      assertFiniteVector(fn, 'reference', reference, X * K, { min: 0, max: 1 });
      this.logReference = new Float64Array(X * K);
      for (let x = 0; x < X; x++) {
        let sum = 0;
        for (let y = 0; y < K; y++) {
          const p = reference[x * K + y]!;
          if (!(p > 0))
            throw new RangeError(
              `${fn}: reference[${x * K + y}] must be > 0 (the KL to it must be finite), got ${p}`,
            );
          sum += p;
          this.logReference[x * K + y] = log(p);
        }
        if (!(Math.abs(sum - 1) <= 1e-9 * K))
          throw new RangeError(`${fn}: reference row ${x} must sum to 1, got ${sum}`);
      }
    }
  }

  /** $P(y \succ y' \mid x)$ under the link. */
  preference(prompt: number, y: number, other: number): number {
    const fn = 'AlignmentProblem.preference';
    this.#assertPrompt(fn, prompt);
    this.#assertResponse(fn, 'y', y);
    this.#assertResponse(fn, 'other', other);
    return this.preferenceUnchecked(prompt, y, other);
  }

  /** {@link AlignmentProblem.preference} without checks. @internal */
  preferenceUnchecked(prompt: number, y: number, other: number): number {
    const K = this.responses;
    const d = this.rewards[prompt * K + y]! - this.rewards[prompt * K + other]!;
    return this.link === 'bradley-terry' ? sigmoid(d) : normalCdf(d);
  }

  /** One labelled comparison: true when the annotator prefers y to `other`. */
  compare(rng: Rng, prompt: number, y: number, other: number): boolean {
    const fn = 'AlignmentProblem.compare';
    assertRng(fn, rng);
    this.#assertPrompt(fn, prompt);
    this.#assertResponse(fn, 'y', y);
    this.#assertResponse(fn, 'other', other);
    return rng.nextFloat64() < this.preferenceUnchecked(prompt, y, other);
  }

  /**
   * A ranking of `candidates` (distinct responses) under the Plackett-Luce model, the
   * Bradley-Terry model of lists: the first is drawn with probability $\propto e^{r(x, y)}$, the
   * next from the rest alike, and so on (so for two candidates it is the Bradley-Terry link).
   * Returns the candidates best first.
   *
   * References: Plackett, "The Analysis of Permutations", JRSS C 24, 1975; Luce, Individual
   * Choice Behavior, 1959; Zhu, Jordan and Jiao, "Principled Reinforcement Learning with Human
   * Feedback from Pairwise or K-wise Comparisons", arXiv:2301.11270.
   * @throws RangeError on a bad prompt or candidates (out of range or repeated)
   */
  rank(rng: Rng, prompt: number, candidates: ArrayLike<number>): Int32Array {
    const fn = 'AlignmentProblem.rank';
    assertRng(fn, rng);
    this.#assertPrompt(fn, prompt);
    assertArrayLike(fn, 'candidates', candidates);
    const K = this.responses;
    const m = candidates.length;
    if (m < 1 || m > K)
      throw new RangeError(`${fn}: candidates must hold 1 to ${K} responses, got ${m}`);
    const seen = new Uint8Array(K);
    for (let i = 0; i < m; i++) {
      this.#assertResponse(fn, `candidates[${i}]`, candidates[i]);
      if (seen[candidates[i]!] === 1)
        throw new RangeError(`${fn}: candidates must be distinct, ${candidates[i]} repeats`);
      seen[candidates[i]!] = 1;
    }
    // Each pick: weights e^{r - max r} over the candidates still unranked (the max taken among
    // them, so the best of them has weight 1 however low the rewards).
    const weights = new Float64Array(m);
    const used = new Uint8Array(m);
    const order = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      let top = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++)
        if (used[i] === 0) top = Math.max(top, this.rewards[prompt * K + candidates[i]!]!);
      for (let i = 0; i < m; i++)
        weights[i] = used[i] === 0 ? exp(this.rewards[prompt * K + candidates[i]!]! - top) : 0;
      const i = sampleCategoricalUnchecked(rng, weights);
      order[k] = candidates[i]!;
      used[i] = 1;
    }
    return order;
  }

  /**
   * The KL-regularised optimum $\pi^*_\beta \propto \pi_{ref} e^{r/\beta}$ as log-probabilities,
   * computed in log space. With `support` (a 0/1 mask per (x, y)), the optimum among policies
   * that give only the marked responses: the best policy a dataset covering them can certify.
   * @throws RangeError on a bad beta or a support with an empty row
   */
  optimalPolicy(beta: number, support?: ArrayLike<number>): Float64Array {
    const fn = 'AlignmentProblem.optimalPolicy';
    assertPositive(fn, 'beta', beta);
    const X = this.prompts;
    const K = this.responses;
    if (support !== undefined) {
      assertFiniteVector(fn, 'support', support, X * K, { min: 0, max: 1 });
      for (let x = 0; x < X; x++) {
        let any = false;
        for (let y = 0; y < K; y++) any ||= support[x * K + y] === 1;
        if (!any) throw new RangeError(`${fn}: support must mark a response of prompt ${x}`);
      }
    }
    return this.optimalPolicyUnchecked(this.rewards, beta, support, new Float64Array(X * K));
  }

  /**
   * The KL-regularised optimum for any reward vector of this shape, into `out` (the support
   * and the rewards are trusted). @internal
   */
  optimalPolicyUnchecked(
    rewards: ArrayLike<number>,
    beta: number,
    support: ArrayLike<number> | undefined,
    out: Float64Array,
  ): Float64Array {
    const X = this.prompts;
    const K = this.responses;
    for (let x = 0; x < X; x++) {
      // Shift r by its largest value on the support first: (r - max r) / beta is <= 0 and at
      // worst -Infinity (probability 0), so no beta overflows.
      let top = Number.NEGATIVE_INFINITY;
      for (let y = 0; y < K; y++)
        if (support === undefined || support[x * K + y] === 1)
          top = Math.max(top, rewards[x * K + y]!);
      for (let y = 0; y < K; y++) {
        const i = x * K + y;
        out[i] =
          support === undefined || support[i] === 1
            ? this.logReference[i]! + (rewards[i]! - top) / beta
            : Number.NEGATIVE_INFINITY;
      }
      const norm = rowLogSumExp(out, x * K, K);
      for (let y = 0; y < K; y++) out[x * K + y] = out[x * K + y]! - norm;
    }
    return out;
  }

  /**
   * A policy's reward, KL to the reference, objective $J_\beta$ and KL to the optimum, exactly.
   * @throws RangeError on a bad beta or a `logPolicy` that is not row-normalised log-probabilities
   */
  evaluate(logPolicy: ArrayLike<number>, beta: number): PolicyEvaluation {
    const fn = 'AlignmentProblem.evaluate';
    assertPositive(fn, 'beta', beta);
    this.assertLogPolicy(fn, 'logPolicy', logPolicy);
    const K = this.responses;
    let reward = 0;
    for (let x = 0; x < this.prompts; x++) {
      const w = this.promptLaw[x]!;
      for (let y = 0; y < K; y++) {
        const lp = logPolicy[x * K + y]!;
        if (lp !== Number.NEGATIVE_INFINITY) reward += w * exp(lp) * this.rewards[x * K + y]!;
      }
    }
    const klRef = this.klUnchecked(logPolicy, this.logReference);
    const klOpt = this.klUnchecked(logPolicy, this.optimalPolicy(beta));
    return { reward, klToReference: klRef, objective: reward - beta * klRef, klToOptimum: klOpt };
  }

  /**
   * $E_{x \sim \rho}[\mathrm{KL}(\pi(\cdot \mid x) \| \pi'(\cdot \mid x))]$ of two trusted policies
   * given as log-probabilities, clamped at 0 (rounding can leave an exact match a hair below).
   * @internal
   */
  klUnchecked(logPolicy: ArrayLike<number>, logOther: ArrayLike<number>): number {
    const K = this.responses;
    let kl = 0;
    for (let x = 0; x < this.prompts; x++) {
      const w = this.promptLaw[x]!;
      for (let y = 0; y < K; y++) {
        const lp = logPolicy[x * K + y]!;
        if (lp !== Number.NEGATIVE_INFINITY) kl += w * exp(lp) * (lp - logOther[x * K + y]!);
      }
    }
    return Math.max(0, kl);
  }

  /** $J_\beta$ of a (trusted) policy under any reward vector of this shape. @internal */
  objectiveUnchecked(
    rewards: ArrayLike<number>,
    logPolicy: ArrayLike<number>,
    beta: number,
  ): number {
    let value = 0;
    for (let i = 0; i < logPolicy.length; i++) {
      const lp = logPolicy[i]!;
      if (lp === Number.NEGATIVE_INFINITY) continue;
      const w = this.promptLaw[Math.floor(i / this.responses)]! * exp(lp);
      value += w * (rewards[i]! - beta * (lp - this.logReference[i]!));
    }
    return value;
  }

  /**
   * The win rate $E_{x \sim \rho} \sum_{y, y'} \pi(y \mid x) \pi'(y' \mid x) P(y \succ y' \mid x)$
   * of one policy against another (1/2 against itself).
   * @throws RangeError on a `logPolicy` or `logOpponent` that is not row-normalised log-probabilities
   */
  winRate(logPolicy: ArrayLike<number>, logOpponent: ArrayLike<number>): number {
    const fn = 'AlignmentProblem.winRate';
    this.assertLogPolicy(fn, 'logPolicy', logPolicy);
    this.assertLogPolicy(fn, 'logOpponent', logOpponent);
    const K = this.responses;
    let total = 0;
    for (let x = 0; x < this.prompts; x++) {
      let sum = 0;
      for (let y = 0; y < K; y++) {
        const p = exp(logPolicy[x * K + y]!);
        if (p === 0) continue;
        for (let z = 0; z < K; z++) {
          const q = exp(logOpponent[x * K + z]!);
          if (q !== 0) sum += p * q * this.preferenceUnchecked(x, y, z);
        }
      }
      total += this.promptLaw[x]! * sum;
    }
    return total;
  }

  /**
   * The exact law of best-of-N: draw n responses from `logPolicy` (the reference by default)
   * and keep the one with the highest score (the true reward by default; a proxy reward model
   * to study its errors), ties broken uniformly. With the scores' distinct levels
   * $s_1 < s_2 < \dots$ and $F$ the policy's law of the score,
   * $P(\text{level } k) = F(s_k)^n - F(s_{k-1})^n$, shared within the level in proportion to
   * the policy. Log-probabilities, computed in log space so a large n does not underflow.
   *
   * References: Beirami et al., "Theoretical Guarantees on the Best-of-n Alignment Policy",
   * arXiv:2401.01879 (the law of best-of-n).
   * @throws RangeError on a bad n, logPolicy or scores
   */
  bestOfN(
    n: number,
    options: { readonly logPolicy?: ArrayLike<number>; readonly scores?: ArrayLike<number> } = {},
  ): Float64Array {
    const fn = 'AlignmentProblem.bestOfN';
    assertInteger(fn, 'n', n, 1, Number.MAX_SAFE_INTEGER);
    const { logPolicy = this.logReference, scores = this.rewards } = readObject(
      fn,
      'options',
      options,
    );
    this.assertLogPolicy(fn, 'logPolicy', logPolicy);
    const K = this.responses;
    assertFiniteVector(fn, 'scores', scores, this.prompts * K);
    const out = new Float64Array(this.prompts * K);
    const order = new Int32Array(K);
    for (let x = 0; x < this.prompts; x++) {
      const row = x * K;
      for (let y = 0; y < K; y++) order[y] = y;
      order.sort((a, b) => scores[row + a]! - scores[row + b]!);
      // Walk the levels upwards with the log of F below the level and of the level's mass.
      let below = 0; // F(s_{k-1}), as a probability (it only grows to 1)
      for (let start = 0; start < K; ) {
        let end = start;
        let mass = 0;
        while (end < K && scores[row + order[end]!] === scores[row + order[start]!]) {
          mass += exp(logPolicy[row + order[end]!]!);
          end++;
        }
        const upTo = Math.min(1, below + mass);
        // log(F(s_k)^n - F(s_{k-1})^n) = n log F(s_k) + log(1 - (F(s_{k-1}) / F(s_k))^n)
        const logLevel =
          mass === 0
            ? Number.NEGATIVE_INFINITY
            : n * log(upTo) +
              log(-expm1(below === 0 ? Number.NEGATIVE_INFINITY : n * (log(below) - log(upTo))));
        for (let k = start; k < end; k++) {
          const i = row + order[k]!;
          out[i] =
            logPolicy[i] === Number.NEGATIVE_INFINITY
              ? Number.NEGATIVE_INFINITY
              : logPolicy[i]! - log(mass) + logLevel;
        }
        below = upTo;
        start = end;
      }
      // Rounding in F: renormalise the row exactly.
      const norm = rowLogSumExp(out, row, K);
      for (let y = 0; y < K; y++) out[row + y] = out[row + y]! - norm;
    }
    return out;
  }

  /**
   * One draw from the KL-regularised optimum $\pi^*_\beta(\cdot \mid x)$ by rejection sampling:
   * propose from $\pi_{ref}$, accept y with probability $e^{(r(x, y) - \max_y r)/\beta}$. The
   * acceptance rate is $\sum_y \pi_{ref}(y) e^{(r(x,y) - \max r)/\beta}$; a call whose expected
   * number of proposals exceeds `maxProposals` / 10 is refused before drawing.
   * @throws RangeError on a bad prompt, beta or maxProposals, or too low an acceptance rate
   */
  sampleOptimal(
    rng: Rng,
    prompt: number,
    beta: number,
    options: { readonly maxProposals?: number } = {},
  ): { readonly response: number; readonly proposals: number } {
    const fn = 'AlignmentProblem.sampleOptimal';
    assertRng(fn, rng);
    this.#assertPrompt(fn, prompt);
    assertPositive(fn, 'beta', beta);
    const { maxProposals = 1_000_000 } = readObject(fn, 'options', options);
    assertInteger(fn, 'maxProposals', maxProposals, 1, Number.MAX_SAFE_INTEGER);
    const K = this.responses;
    const row = prompt * K;
    let top = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < K; y++) top = Math.max(top, this.rewards[row + y]!);
    let rate = 0;
    for (let y = 0; y < K; y++)
      rate += exp(this.logReference[row + y]! + (this.rewards[row + y]! - top) / beta);
    if (!(1 / rate <= maxProposals / 10))
      throw new RangeError(
        `${fn}: the acceptance rate ${rate} needs about ${1 / rate} proposals, more than maxProposals / 10 = ${maxProposals / 10}`,
      );
    const reference = this.referenceRow(prompt);
    for (let proposals = 1; proposals <= maxProposals; proposals++) {
      const y = sampleCategoricalUnchecked(rng, reference);
      if (rng.nextFloat64() < exp((this.rewards[row + y]! - top) / beta))
        return { response: y, proposals };
    }
    throw new RangeError(`${fn}: no proposal accepted within maxProposals = ${maxProposals}`);
  }

  #referenceRows: Float64Array[] | undefined;

  /** $\pi_{ref}(\cdot \mid x)$ as probabilities, computed once per problem; do not modify. @internal */
  referenceRow(prompt: number): Float64Array {
    if (this.#referenceRows === undefined) {
      const K = this.responses;
      this.#referenceRows = Array.from({ length: this.prompts }, (_, x) =>
        Float64Array.from({ length: K }, (_, y) => exp(this.logReference[x * K + y]!)),
      );
    }
    return this.#referenceRows[prompt]!;
  }

  /**
   * Checks row-normalised log-probabilities of this problem's shape: entries <= 0 or -Infinity,
   * never NaN, each row's log-sum-exp within 1e-9 of 0. @internal
   */
  assertLogPolicy(
    fn: string,
    name: string,
    logPolicy: unknown,
  ): asserts logPolicy is ArrayLike<number> {
    const K = this.responses;
    assertArrayLike(fn, name, logPolicy);
    if (logPolicy.length !== this.prompts * K)
      throw new TypeError(
        `${fn}: ${name} must have length ${this.prompts * K}, got length ${logPolicy.length}`,
      );
    for (let i = 0; i < logPolicy.length; i++) {
      const v = logPolicy[i];
      if (typeof v !== 'number' || !(v <= 0))
        throw new RangeError(
          `${fn}: ${name}[${i}] must be a log-probability (<= 0 or -Infinity), got ${String(v)}`,
        );
    }
    for (let x = 0; x < this.prompts; x++) {
      const lse = rowLogSumExp(logPolicy as ArrayLike<number>, x * K, K);
      if (!(Math.abs(lse) <= LOG_NORMALISED))
        throw new RangeError(
          `${fn}: ${name} row ${x} must be log-probabilities summing to 1, got log-sum ${lse}`,
        );
    }
  }

  #assertPrompt(fn: string, prompt: unknown): void {
    assertInteger(fn, 'prompt', prompt, 0, this.prompts - 1);
  }

  #assertResponse(fn: string, name: string, y: unknown): void {
    assertInteger(fn, name, y, 0, this.responses - 1);
  }
}
