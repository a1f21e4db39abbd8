import { type JsonValue, type LearnerState, logSigmoid, type Rng, sigmoid } from '@x/linalg';
import { exp } from '@x/linalg/math';
import {
  asCaller,
  assertInRange,
  assertInteger,
  assertOneOf,
  assertRng,
  LEARNER_STATE_VERSION,
  readLearnerState,
  readObject,
  sampleCategoricalUnchecked,
} from '@x/linalg/validate';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { assertPair, countPairs, type PairCounts } from './pairCounts.ts';
import type { PreferenceData } from './preferenceDataset.ts';
import { rowLogSumExp, softmaxRow } from './rowLogSumExp.ts';

/** The offline losses of {@link PreferenceOptimizer}. */
export type PreferenceLoss = 'dpo' | 'ipo' | 'rpo' | 'spac' | 'sail';

/** Options of {@link PreferenceOptimizer}. */
export interface PreferenceOptimizerOptions {
  /** `'dpo'`, `'ipo'`, `'rpo'` (DPO plus SFT on chosen responses) or `'spac'` (self-play against a pessimistic critic). */
  readonly loss: PreferenceLoss;
  /** The KL weight $\beta$ (IPO's $\tau$), in $[10^{-6}, 10^6]$. */
  readonly beta: number;
  /**
   * The step size of `update` on the logits. At most 1/4 for IPO (each step then moves its
   * pair's margin towards the target without overshooting); at most $10^6$ otherwise.
   * @default 0.1
   */
  readonly learningRate?: number;
  /** RPO's weight $\eta$ of the SFT term (only with `loss: 'rpo'`). @default 1 */
  readonly sftWeight?: number;
  /** SPAC's weight $\eta$ of the pessimism term (only with `loss: 'spac'`). @default 1 */
  readonly pessimism?: number;
  /**
   * The class of implicit rewards $\beta(z - \log\pi_{ref})$: within $[-R, R]$ (the bounded reward
   * class of the theory of RPO and SPAC); it should contain the true reward. A response in no
   * pair of the data is then set by `fit` to its exact minimiser in the class. @default 10 for
   * SPAC, Infinity (unbounded logits) otherwise
   */
  readonly rewardBound?: number;
  /** SPAC's critic steps per round of self-play in `fit` (only with `loss: 'spac'`). @default 50 */
  readonly innerIterations?: number;
  /**
   * SAIL's weight $\lambda$ of the sampling-gradient term (only with `loss: 'sail'`; 0 is
   * iterative DPO). @default 1
   */
  readonly samplingWeight?: number;
}

/** The largest step size or weight accepted. */
const MAX_RATE = 1e6;

/**
 * Offline preference optimisation of a tabular policy on its logits $z(x, y)$ ($\pi = $ softmax
 * of each row), from the reference policy: `fit` by full-batch gradient descent on the mean
 * loss, `update` by one stochastic step on a pair. With the margin
 * $h = (z_w - \log\pi_{ref}(y_w)) - (z_l - \log\pi_{ref}(y_l))$ of a labelled pair
 * $(x, y_w \succ y_l)$ (the normaliser cancels), the losses are
 * - DPO: $-\log\sigma(\beta h)$ (Rafailov et al., arXiv:2305.18290);
 * - IPO: $(h - 1/(2\beta))^2$ (Azar et al., "A General Theoretical Paradigm to Understand
 *   Learning from Human Preferences", arXiv:2310.12036, with $\tau = \beta$);
 * - RPO: DPO $+\ \eta\beta(-\log\pi(y_w \mid x))$, the SFT loss on chosen responses as an
 *   adversarial regulariser (Liu et al., "Provably Mitigating Overoptimization in RLHF: Your SFT
 *   Loss is Implicitly an Adversarial Regularizer", arXiv:2405.16436; the chosen responses as
 *   its baseline distribution is the library's choice);
 * - SPAC: self-play against an adversarial critic (Ji, Kulkarni, Wang and Xie, "Self-Play with
 *   Adversarial Critic: Provable and Scalable Offline Alignment for Language Models",
 *   arXiv:2406.04274). Only its abstract was at hand; the library's reading of its on-average
 *   pessimism: the critic is the implicit reward $\beta(z - \log\pi_{ref})$, bounded by R, and
 *   minimises DPO's loss plus $\eta\beta(E_{\pi_t}[z] - E_D[z])$, the previous policy's advantage
 *   over the data's responses (so responses the data never show are pushed to $-R$); the next
 *   policy is the critic's own, $\pi \propto \pi_{ref} e^{r/\beta}$. `update` takes the same step
 *   against the current policy.
 * - SAIL, online only: DPO's step on a pair drawn from the current policy plus
 *   $\lambda\,\ell\,\nabla(\log\pi(y_w) + \log\pi(y_l))$, the gradient through the sampling
 *   distribution of the single-level objective $E_{y, y' \sim \pi}[-\log\sigma(\beta h)]$ (Ding et
 *   al., "SAIL: Self-Improving Efficient Online Alignment of Large Language Models",
 *   arXiv:2406.15567; only its abstract was at hand, so this objective is the library's reading).
 *   With $\lambda = 0$ it is iterative DPO, whose fixed point is $\pi^*$; the sampling term moves
 *   the fixed point away from $\pi^*$ as $\lambda$ grows (the tests measure by how much).
 *
 * DPO and IPO touch two logits per pair, O(1); RPO's and SPAC's extra terms move every logit of
 * the prompt, O(K). Nothing is allocated per update. DPO's loss never moves a response that is
 * not in the data: under sparse coverage its mass stays where the reference put it, which is the
 * failure the claim tests show and RPO's and SPAC's terms remove.
 *
 * @example
 * const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, 3] });
 * const data = preferenceDataset(createRng(1), problem, { pairs: 2000 });
 * const dpo = new PreferenceOptimizer(problem, { loss: 'dpo', beta: 0.5 });
 * dpo.fit(data, { iterations: 2000 }); // full-batch gradient descent on the mean loss
 * problem.evaluate(dpo.logPolicy(), 0.5).klToOptimum; // small: the data cover every pair
 */
export class PreferenceOptimizer {
  readonly prompts: number;
  readonly responses: number;
  readonly loss: PreferenceLoss;
  readonly beta: number;
  readonly learningRate: number;
  /** RPO's $\eta$ (0 for the other losses). */
  readonly sftWeight: number;
  /** SPAC's $\eta$ (0 for the other losses). */
  readonly pessimism: number;
  /** The bound R of the implicit rewards (Infinity: none). */
  readonly rewardBound: number;
  /** SPAC's critic steps per round (0 for the other losses). */
  readonly innerIterations: number;
  /** SAIL's $\lambda$ (0 for the other losses). */
  readonly samplingWeight: number;
  #logReference: Float64Array;
  #logits: Float64Array;
  #updates = 0;
  /** One row of exponentials, reused by every update. */
  readonly #scratch: Float64Array;

  /**
   * @throws TypeError if `problem` is not an AlignmentProblem; RangeError on bad options or an
   *   option of another loss
   */
  constructor(problem: AlignmentProblem, options: PreferenceOptimizerOptions) {
    const fn = 'PreferenceOptimizer';
    if (!(problem instanceof AlignmentProblem))
      throw new TypeError(`${fn}: problem must be an AlignmentProblem`);
    const {
      loss,
      beta,
      learningRate = 0.1,
      sftWeight,
      pessimism,
      rewardBound,
      innerIterations,
      samplingWeight,
    } = readObject(fn, 'options', options);
    assertOneOf(fn, 'loss', loss, ['dpo', 'ipo', 'rpo', 'spac', 'sail']);
    assertInRange(fn, 'beta', beta, 1e-6, MAX_RATE);
    assertInRange(fn, 'learningRate', learningRate, 0, loss === 'ipo' ? 0.25 : MAX_RATE, {
      loOpen: true,
    });
    const only = (name: string, value: unknown, owner: PreferenceLoss) => {
      if (value !== undefined && loss !== owner)
        throw new RangeError(`${fn}: ${name} applies to loss '${owner}' only, got loss '${loss}'`);
    };
    only('sftWeight', sftWeight, 'rpo');
    only('pessimism', pessimism, 'spac');
    only('innerIterations', innerIterations, 'spac');
    only('samplingWeight', samplingWeight, 'sail');
    const lambda = samplingWeight ?? (loss === 'sail' ? 1 : 0);
    assertInRange(fn, 'samplingWeight', lambda, 0, MAX_RATE);
    const spac = loss === 'spac';
    const eta = sftWeight ?? (loss === 'rpo' ? 1 : 0);
    assertInRange(fn, 'sftWeight', eta, 0, MAX_RATE);
    const pess = pessimism ?? (spac ? 1 : 0);
    assertInRange(fn, 'pessimism', pess, 0, MAX_RATE);
    const bound = rewardBound ?? (spac ? 10 : Number.POSITIVE_INFINITY);
    if (rewardBound !== undefined || spac)
      assertInRange(fn, 'rewardBound', bound, 0, MAX_RATE, { loOpen: true });
    const inner = innerIterations ?? (spac ? 50 : 0);
    if (spac) assertInteger(fn, 'innerIterations', inner, 1, 1 << 20);
    this.prompts = problem.prompts;
    this.responses = problem.responses;
    this.loss = loss;
    this.beta = beta;
    this.learningRate = learningRate;
    this.sftWeight = eta;
    this.pessimism = pess;
    this.rewardBound = bound;
    this.innerIterations = inner;
    this.samplingWeight = lambda;
    this.#logReference = Float64Array.from(problem.logReference);
    this.#logits = Float64Array.from(problem.logReference);
    this.#scratch = new Float64Array(problem.responses);
  }

  /** The number of pair gradients taken so far (a full-batch step over n pairs counts n). */
  get updates(): number {
    return this.#updates;
  }

  /**
   * Two responses drawn independently from the current policy at `prompt`, for online
   * (on-policy) learning: label them with the preference oracle and pass them to `update`; with
   * `loss: 'dpo'` this is iterative (online) DPO. O(K), no allocation beyond the returned pair.
   * @throws TypeError on a bad rng; RangeError on a bad prompt
   */
  selectPair(rng: Rng, prompt: number): [number, number] {
    const fn = 'PreferenceOptimizer.selectPair';
    assertRng(fn, rng);
    assertInteger(fn, 'prompt', prompt, 0, this.prompts - 1);
    const e = this.#scratch;
    rowLogSumExp(this.#logits, prompt * this.responses, this.responses, e);
    return [sampleCategoricalUnchecked(rng, e), sampleCategoricalUnchecked(rng, e)];
  }

  /**
   * One stochastic gradient step on the pair $(x, y_w \succ y_l)$.
   * @throws RangeError on an index out of range or `chosen === rejected`
   */
  update(prompt: number, chosen: number, rejected: number): void {
    const fn = 'PreferenceOptimizer.update';
    assertPair(fn, this.prompts, this.responses, prompt, chosen, rejected);
    this.#step(prompt, chosen, rejected);
  }

  /**
   * Minimises the mean loss over `data` by full-batch gradient descent from the current logits,
   * `iterations` steps of size $1/L$ with $L = \beta^2/2 + \eta\beta$ (IPO: $L = 4$), a bound on
   * the curvature of the mean loss in the logits, so every step decreases it. For SPAC each
   * iteration is a round of self-play: the critic, a policy's implicit reward
   * $\beta(z - \log\pi_{ref})$ kept within $[-R, R]$, takes `innerIterations` projected steps on
   * DPO's loss plus the pessimism $\eta\beta\,(E_{x, y \sim \pi_t}[z] - E_{(x, y) \sim D}[z])$
   * against the previous iterate $\pi_t$, and becomes the next iterate. Pairs are counted first;
   * a step costs O(distinct pairs + prompts x K); deterministic.
   * @throws TypeError or RangeError on bad data (arrays of equal length, indices in range,
   *   chosen != rejected) or iterations; nothing is learned then
   */
  fit(data: PreferenceData, options: { readonly iterations: number }): void {
    const fn = 'PreferenceOptimizer.fit';
    if (this.loss === 'sail')
      throw new RangeError(
        `${fn}: loss 'sail' learns online only (pairs from selectPair, labels to update)`,
      );
    const counts = countPairs(fn, data, this.prompts, this.responses);
    const { iterations } = readObject(fn, 'options', options);
    assertInteger(fn, 'iterations', iterations, 1, 1 << 24);
    const n = data.prompt.length;
    const K = this.responses;
    const X = this.prompts;
    const beta = this.beta;
    const z = this.#logits;
    const grad = new Float64Array(X * K);
    if (this.loss === 'spac') {
      const step = 2 / (beta * beta);
      const opponent = new Float64Array(X * K);
      const c = this.pessimism * beta;
      for (let t = 0; t < iterations; t++) {
        this.logPolicy(opponent);
        for (let i = 0; i < X * K; i++)
          opponent[i] =
            c *
            (counts.promptShare[Math.floor(i / K)]! * exp(opponent[i]!) - counts.responseShare[i]!);
        for (let s = 0; s < this.innerIterations; s++) {
          this.#pairGradient(counts, grad);
          for (let i = 0; i < X * K; i++)
            z[i] = this.#clip(i, z[i]! - step * (grad[i]! + opponent[i]!));
        }
        // A response in no pair enters the critic's objective only through the linear term: its
        // exact minimiser is an end of the box (the low end when the policy plays it more often
        // than the data shows it).
        for (let i = 0; i < X * K; i++)
          if (!counts.inPair[i]! && opponent[i] !== 0)
            z[i] = this.#clip(
              i,
              opponent[i]! > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
            );
      }
      this.#updates += iterations * this.innerIterations * n;
      return;
    }
    const eta = this.sftWeight;
    const step = this.loss === 'ipo' ? 1 / 4 : 1 / ((beta * beta) / 2 + eta * beta);
    for (let t = 0; t < iterations; t++) {
      this.#pairGradient(counts, grad);
      if (eta > 0)
        for (let x = 0; x < X; x++) {
          if (counts.promptShare[x] === 0) continue;
          const pi = this.#policyRow(x);
          for (let y = 0; y < K; y++) {
            const i = x * K + y;
            grad[i] =
              grad[i]! + eta * beta * (counts.promptShare[x]! * pi[y]! - counts.chosenShare[i]!);
          }
        }
      for (let i = 0; i < X * K; i++) z[i] = this.#clip(i, z[i]! - step * grad[i]!);
    }
    // With a bounded class, RPO's SFT term pushes a response in no pair down at every step (its
    // gradient, eta beta pi, is positive): its exact minimiser is the low end.
    if (eta > 0 && this.rewardBound !== Number.POSITIVE_INFINITY)
      for (let i = 0; i < X * K; i++)
        if (!counts.inPair[i]! && counts.promptShare[Math.floor(i / K)]! > 0)
          z[i] = this.#clip(i, Number.NEGATIVE_INFINITY);
    this.#updates += iterations * n;
  }

  /** The gradient of the mean pair loss (without SFT or pessimism terms) into `grad`. */
  #pairGradient(counts: PairCounts, grad: Float64Array): void {
    const z = this.#logits;
    const ref = this.#logReference;
    grad.fill(0);
    for (let p = 0; p < counts.weight.length; p++) {
      const w = counts.winner[p]!;
      const l = counts.loser[p]!;
      const g = counts.weight[p]! * this.#marginSlope(z[w]! - ref[w]! - (z[l]! - ref[l]!));
      grad[w] = grad[w]! + g;
      grad[l] = grad[l]! - g;
    }
  }

  /** The reward class: the implicit reward $\beta(z - \log\pi_{ref})$ within $[-R, R]$. */
  #clip(i: number, value: number): number {
    if (this.rewardBound === Number.POSITIVE_INFINITY) return value;
    const ref = this.#logReference[i]!;
    const width = this.rewardBound / this.beta;
    return Math.min(ref + width, Math.max(ref - width, value));
  }

  /** The derivative of the pair loss in its margin h (without the SFT term). */
  #marginSlope(h: number): number {
    return this.loss === 'ipo'
      ? 2 * (h - 1 / (2 * this.beta))
      : -this.beta * sigmoid(-this.beta * h);
  }

  /** The policy learned so far as log-probabilities, row-major (into `out` when given). */
  logPolicy(out?: Float64Array): Float64Array {
    const K = this.responses;
    const n = this.prompts * K;
    if (out !== undefined && !(out instanceof Float64Array && out.length === n))
      throw new TypeError(
        `PreferenceOptimizer.logPolicy: out must be a Float64Array of length ${n}`,
      );
    const result = out ?? new Float64Array(n);
    for (let x = 0; x < this.prompts; x++) {
      const norm = this.#logNormaliser(x);
      for (let y = 0; y < K; y++) result[x * K + y] = this.#logits[x * K + y]! - norm;
    }
    return result;
  }

  #logNormaliser(x: number): number {
    return rowLogSumExp(this.#logits, x * this.responses, this.responses);
  }

  /** $\pi(\cdot \mid x)$ into the scratch row (one pass of K exponentials), which it returns. */
  #policyRow(x: number): Float64Array {
    softmaxRow(this.#logits, x * this.responses, this.responses, this.#scratch);
    return this.#scratch;
  }

  #step(x: number, w: number, l: number): void {
    const K = this.responses;
    const z = this.#logits;
    const ref = this.#logReference;
    const iw = x * K + w;
    const il = x * K + l;
    const h = z[iw]! - ref[iw]! - (z[il]! - ref[il]!);
    const rate = this.learningRate;
    const beta = this.beta;
    // The loss's derivative in the margin h, then its gradient on (z_w, z_l) is (g, -g).
    const g = this.#marginSlope(h);
    const weight = this.loss === 'rpo' ? this.sftWeight : this.pessimism;
    if (weight > 0) {
      // RPO's SFT term eta beta (-log pi(y_w)) has the gradient eta beta (pi - e_w); SPAC's
      // pessimism against the current policy eta beta (pi - (e_w + e_l)/2).
      const row = x * K;
      const pi = this.#policyRow(x);
      const c = rate * weight * beta;
      for (let y = 0; y < K; y++) z[row + y] = z[row + y]! - c * pi[y]!;
      if (this.loss === 'rpo') z[iw] = z[iw]! + c;
      else {
        z[iw] = z[iw]! + c / 2;
        z[il] = z[il]! + c / 2;
      }
    }
    if (this.loss === 'sail' && this.samplingWeight > 0) {
      // SAIL's sampling-gradient term: the pair's loss times the score of drawing it from pi,
      // lambda l(h) (e_w + e_l - 2 pi), from the policy that drew it.
      const row = x * K;
      const pi = this.#policyRow(x);
      const c = rate * this.samplingWeight * -logSigmoid(beta * h);
      for (let y = 0; y < K; y++) z[row + y] = z[row + y]! + 2 * c * pi[y]!;
      z[iw] = z[iw]! - c;
      z[il] = z[il]! - c;
    }
    z[iw] = z[iw]! - rate * g;
    z[il] = z[il]! + rate * g;
    if (this.rewardBound !== Number.POSITIVE_INFINITY)
      for (let y = 0; y < K; y++) z[x * K + y] = this.#clip(x * K + y, z[x * K + y]!);
    this.#updates++;
  }

  /** The learner as JSON data: its options, the reference, the logits and the update count. */
  toJSON(): LearnerState {
    const options: Record<string, JsonValue> =
      this.loss === 'rpo'
        ? { sftWeight: this.sftWeight }
        : this.loss === 'spac'
          ? { pessimism: this.pessimism, innerIterations: this.innerIterations }
          : this.loss === 'sail'
            ? { samplingWeight: this.samplingWeight }
            : {};
    if (this.rewardBound !== Number.POSITIVE_INFINITY) options.rewardBound = this.rewardBound;
    return {
      type: 'PreferenceOptimizer',
      version: LEARNER_STATE_VERSION,
      params: {
        prompts: this.prompts,
        responses: this.responses,
        loss: this.loss,
        beta: this.beta,
        learningRate: this.learningRate,
        ...options,
        logReference: Array.from(this.#logReference),
      },
      stats: { logits: Array.from(this.#logits), updates: this.#updates },
    };
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field (sizes, options, a reference of
   * row-normalised log-probabilities, finite logits, within SPAC's bound).
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): PreferenceOptimizer {
    const fn = 'PreferenceOptimizer.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'PreferenceOptimizer');
    const X = params.number('prompts', { min: 1, max: 1 << 24, integer: true });
    const K = params.number('responses', { min: 2, max: 1 << 24, integer: true });
    if (X * K > 1 << 26) throw params.error('prompts x responses must be at most 2^26');
    const logReference = params.numbers('logReference', X * K, { max: 0 });
    const logits = stats.numbers('logits', X * K);
    const updates = stats.number('updates', {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    });
    // The reference, as a problem: it checks the rows are probabilities.
    const reference = Float64Array.from(logReference, (v) => exp(v));
    const problem: AlignmentProblem = asCaller(
      fn,
      () => new AlignmentProblem({ responses: K, rewards: new Float64Array(X * K), reference }),
    );
    problem.assertLogPolicy(fn, 'state.params.logReference', logReference);
    const loss = params.oneOf<PreferenceLoss>('loss', ['dpo', 'ipo', 'rpo', 'spac', 'sail']);
    const optional = (key: string) => (params.has(key) ? { [key]: params.number(key) } : {});
    const learner = asCaller(
      fn,
      () =>
        new PreferenceOptimizer(problem, {
          loss,
          beta: params.number('beta'),
          learningRate: params.number('learningRate'),
          ...optional('sftWeight'),
          ...optional('pessimism'),
          ...optional('rewardBound'),
          ...optional('innerIterations'),
          ...optional('samplingWeight'),
        }),
    );
    if (learner.rewardBound !== Number.POSITIVE_INFINITY) {
      const width = learner.rewardBound / learner.beta;
      for (let i = 0; i < X * K; i++)
        if (Math.abs(logits[i]! - logReference[i]!) > width * (1 + 1e-12))
          throw stats.error(`logits[${i}] is outside the critic's bound`);
    }
    learner.#logReference = Float64Array.from(logReference);
    learner.#logits = Float64Array.from(logits);
    learner.#updates = updates;
    return learner;
  }
}
