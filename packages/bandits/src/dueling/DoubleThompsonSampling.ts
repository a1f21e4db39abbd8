import type { LearnerState, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertBoolean,
  assertFinite,
  assertInteger,
  assertRng,
  LEARNER_STATE_VERSION,
  readLearnerState,
  readOptions,
  sampleBetaUnchecked,
} from '@x/linalg/validate';
import type { DuelingPolicy } from './DuelingPolicy.ts';

/** Options of {@link DoubleThompsonSampling}. */
export interface DoubleThompsonSamplingOptions {
  /** The confidence parameter alpha of the bounds $B_{ij}/N_{ij} \pm \sqrt{\alpha \log t / N_{ij}}$. @default 0.51 (the paper's, > 0.5) */
  readonly alpha?: number;
}

/**
 * Double Thompson sampling for dueling bandits. With win counts $B_{ij}$ (times i beat j) and
 * bounds $U, L = B_{ij}/N_{ij} \pm \sqrt{\alpha\log t/N_{ij}}$, $N = B + B^\top$: candidates for the
 * first arm are those with the largest upper Copeland score $|\{j : U_{ij} > 1/2\}|$; among them,
 * the first arm maximises the Copeland score under a draw $\theta_{ij} \sim \mathrm{Beta}(B_{ij} +
 * 1, B_{ji} + 1)$; the second arm maximises a fresh draw $\theta_{i,a_1}$ over the arms with
 * $L_{i,a_1} \le 1/2$ (the first arm itself counts 1/2). Ties at random. Regret $O(K^2 \log T)$
 * for Copeland winners and $O(K\log T + K^2\log\log T)$ with a Condorcet winner.
 *
 * @example
 * const policy = new DoubleThompsonSampling(4);
 * const [first, second] = policy.selectPair(createRng(1));
 * policy.update(first, second, true); // the user preferred the first
 *
 * References: Wu and Liu, "Double Thompson Sampling for Dueling Bandits", NeurIPS 2016,
 * arXiv:1604.07101, Algorithm 1.
 */
export class DoubleThompsonSampling implements DuelingPolicy {
  readonly arms: number;
  readonly #alpha: number;
  /** Row-major K x K win counts. */
  readonly #wins: Float64Array;
  readonly #scratch: Float64Array;
  #t = 0;

  /**
   * @param arms - K >= 2
   * @throws RangeError on fewer than two arms or a non-positive alpha
   */
  constructor(arms: number, options: DoubleThompsonSamplingOptions = {}) {
    const { alpha = 0.51 } = readOptions('DoubleThompsonSampling', options);
    assertInteger('DoubleThompsonSampling', 'arms', arms, 2, 4096);
    assertFinite('DoubleThompsonSampling', 'alpha', alpha);
    if (!(alpha > 0))
      throw new RangeError(`DoubleThompsonSampling: alpha must be > 0, got ${alpha}`);
    this.arms = arms;
    this.#alpha = alpha;
    this.#wins = new Float64Array(arms * arms);
    this.#scratch = new Float64Array(arms);
  }

  #bounds(i: number, j: number, logT: number): [number, number] {
    if (i === j) return [0.5, 0.5];
    const bij = this.#wins[i * this.arms + j]!;
    const n = bij + this.#wins[j * this.arms + i]!;
    if (n === 0) return [0, 1];
    const r = Math.sqrt((this.#alpha * logT) / n);
    return [bij / n - r, bij / n + r];
  }

  selectPair(rng: Rng): [number, number] {
    assertRng('DoubleThompsonSampling.selectPair', rng);
    const k = this.arms;
    const logT = log(Math.max(2, this.#t + 1));
    // Candidates: the largest upper Copeland score.
    const upper = this.#scratch;
    let maxUpper = -1;
    for (let i = 0; i < k; i++) {
      let c = 0;
      for (let j = 0; j < k; j++) if (j !== i && this.#bounds(i, j, logT)[1] > 0.5) c++;
      upper[i] = c;
      maxUpper = Math.max(maxUpper, c);
    }
    // First arm: the Copeland winner of one posterior draw, among the candidates.
    const theta = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const d = sampleBetaUnchecked(rng, this.#wins[i * k + j]! + 1, this.#wins[j * k + i]! + 1);
        theta[i * k + j] = d;
        theta[j * k + i] = 1 - d;
      }
    }
    let first = -1;
    let bestScore = -1;
    let ties = 0;
    for (let i = 0; i < k; i++) {
      if (upper[i] !== maxUpper) continue;
      let score = 0;
      for (let j = 0; j < k; j++) if (j !== i && theta[i * k + j]! > 0.5) score++;
      if (score > bestScore) {
        first = i;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore && rng.nextFloat64() * ++ties < 1) first = i;
    }
    // Second arm: the best challenger of the first under a fresh draw, among the arms not
    // clearly beaten by it.
    let second = first;
    let bestDraw = 0.5;
    ties = 1;
    for (let i = 0; i < k; i++) {
      if (i === first || this.#bounds(i, first, logT)[0] > 0.5) continue;
      const d = sampleBetaUnchecked(
        rng,
        this.#wins[i * k + first]! + 1,
        this.#wins[first * k + i]! + 1,
      );
      if (d > bestDraw) {
        second = i;
        bestDraw = d;
        ties = 1;
      } else if (d === bestDraw && rng.nextFloat64() * ++ties < 1) second = i;
    }
    return [first, second];
  }

  update(first: number, second: number, firstWins: boolean): void {
    const fn = 'DoubleThompsonSampling.update';
    assertInteger(fn, 'first', first, 0, this.arms - 1);
    assertInteger(fn, 'second', second, 0, this.arms - 1);
    assertBoolean(fn, 'firstWins', firstWins);
    this.#t++;
    if (first === second) return; // a self-comparison carries no information
    const [w, l] = firstWins ? [first, second] : [second, first];
    this.#wins[w * this.arms + l] = this.#wins[w * this.arms + l]! + 1;
  }

  /** How often i beat j. */
  wins(i: number, j: number): number {
    return this.#wins[i * this.arms + j]!;
  }

  reset(): void {
    this.#wins.fill(0);
    this.#t = 0;
  }

  toJSON(): LearnerState {
    return {
      type: 'DoubleThompsonSampling',
      version: LEARNER_STATE_VERSION,
      params: { arms: this.arms, alpha: this.#alpha },
      stats: { wins: Array.from(this.#wins), played: this.#t },
    };
  }

  /**
   * Restores a policy from {@link BanditPolicy.toJSON}'s output.
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): DoubleThompsonSampling {
    const fn = 'DoubleThompsonSampling.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'DoubleThompsonSampling');
    const p = asCaller(
      fn,
      () => new DoubleThompsonSampling(params.number('arms'), { alpha: params.number('alpha') }),
    );
    p.#wins.set(stats.numbers('wins', p.arms * p.arms, { min: 0, integer: true }));
    p.#t = stats.number('played', { min: 0, integer: true });
    return p;
  }
}
