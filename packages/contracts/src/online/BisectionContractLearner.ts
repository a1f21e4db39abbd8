import type { JsonValue, LearnerState, Rng } from '@x/linalg';
import { log } from '@x/linalg/math';
import {
  asCaller,
  assertInRange,
  assertInteger,
  assertPositive,
  assertRng,
  LEARNER_STATE_VERSION,
  MAX_ROUNDS,
  readLearnerState,
  readOptions,
} from '@x/linalg/validate';

/** Options of {@link BisectionContractLearner}. */
export interface BisectionContractLearnerOptions {
  /** The number of rounds T. */
  readonly rounds: number;
  /** The largest reward of any outcome (a known bound). */
  readonly rewardMax: number;
  /** Rounds spent on each probed share. @default $\lceil \sqrt T \rceil$ */
  readonly samplesPerProbe?: number;
  /** How close a found breakpoint is to the true one, the robust margin. @default $1/\sqrt T$ */
  readonly precision?: number;
}

interface Probe {
  share: number;
  sum: number;
  count: number;
}

/**
 * A structured learner for linear contracts (the library's instance of the robust-search
 * template of Wu et al., arXiv:2407.01458): the agent's expected reward $R(\alpha)$ under share
 * $\alpha$ is a non-decreasing step function, jumping where the agent switches actions. The
 * learner finds the jumps by bisection on $[0, 1 - \epsilon]$, spending m rounds on each probed
 * share and calling two estimates different when they differ by more than twice the Hoeffding
 * width $r_{\max}\sqrt{\log(2T^2)/(2m)}$; an interval narrower than the precision $\epsilon$ with
 * a jump inside marks a breakpoint, and its right end (a share at most $\epsilon$ above the
 * switch, so the new action is induced strictly: the robust margin) is a candidate. It then plays
 * the probed share with the best estimated $(1 - \alpha)\hat R(\alpha)$ for the rest of the game.
 *
 * With $m = \lceil\sqrt T\rceil$ and $\epsilon = 1/\sqrt T$, the search costs $O(n \log(T) \sqrt T)$
 * rounds and the margin $O(r_{\max}\sqrt T)$, so the regret against the best linear contract is
 * $\tilde O(\sqrt T)$ when every jump of $R$ is large enough to be seen with m samples (an
 * inducibility condition); a jump smaller than the detection width may be missed, at a cost of
 * at most its size per round. Which classes the paper covers exactly is not known; this is the
 * library's reading. Deterministic: it ignores the generator.
 *
 * @example
 * const learner = new BisectionContractLearner({ rounds: 10_000, rewardMax: 5 });
 * const share = learner.select(createRng(1)); // the share to offer this round
 * learner.update(share, 1.2); // what the principal kept, (1 - share) x the outcome's reward
 *
 * References: Wu, Chen, Wang, Wang and Xu, "Contractual Reinforcement Learning: Pulling Arms
 * with Invisible Hands", arXiv:2407.01458 (abstract: robust contracts and search, about sqrt(T)
 * for natural classes); Dutting, Roughgarden and Talgam-Cohen, arXiv:1808.03713 (R is
 * non-decreasing in the share).
 */
export class BisectionContractLearner {
  readonly #rounds: number;
  readonly #rewardMax: number;
  readonly #samples: number;
  readonly #precision: number;
  /** Probed shares with the sum and count of the outcome rewards seen there. */
  #probes: Probe[] = [];
  /** Intervals [lo, hi] of probed shares still to examine, last first. */
  #stack: [number, number][] = [];
  /** The share being probed (null once the search is over). */
  #current: number | null = 0;
  /** The share played after the search. */
  #choice: number | null = null;

  /** @throws RangeError on bad options */
  constructor(options: BisectionContractLearnerOptions) {
    const fn = 'BisectionContractLearner';
    if (options === undefined)
      throw new TypeError(`${fn}: options { rounds, rewardMax } are required`);
    const { rounds, rewardMax, samplesPerProbe, precision } = readOptions(fn, options);
    assertInteger(fn, 'rounds', rounds, 1, MAX_ROUNDS);
    assertPositive(fn, 'rewardMax', rewardMax);
    const m = samplesPerProbe ?? Math.ceil(Math.sqrt(rounds));
    assertInteger(fn, 'samplesPerProbe', m, 1, MAX_ROUNDS);
    const eps = precision ?? 1 / Math.sqrt(rounds);
    assertInRange(fn, 'precision', eps, 0, 0.5, { loOpen: true });
    this.#rounds = rounds;
    this.#rewardMax = rewardMax;
    this.#samples = m;
    this.#precision = eps;
    this.#probes.push({ share: 0, sum: 0, count: 0 });
  }

  /** Whether the search is over (the learner then plays one share). */
  get searching(): boolean {
    return this.#current !== null;
  }

  /** The share to offer this round: the one being probed, or the chosen one after the search. */
  select(rng: Rng): number {
    assertRng('BisectionContractLearner.select', rng);
    return this.#current ?? this.#choice!;
  }

  /**
   * Records what the principal kept, $(1 - \alpha) r_j$, under the share offered.
   * @throws RangeError if `share` is not the share this learner offers now, or the utility is
   *   outside $[0, (1 - \alpha) r_{\max}]$
   */
  update(share: number, utility: number): void {
    const fn = 'BisectionContractLearner.update';
    const offered = this.#current ?? this.#choice!;
    if (share !== offered)
      throw new RangeError(`${fn}: share must be the share offered now, ${offered}, got ${share}`);
    assertInRange(fn, 'utility', utility, 0, (1 - share) * this.#rewardMax);
    if (this.#current === null) return; // exploiting: nothing left to learn
    const probe = this.#probes.at(-1)!; // the probe being taken is always the last one started
    probe.sum += utility / (1 - share);
    probe.count++;
    if (probe.count >= this.#samples) this.#advance();
  }

  #probe(share: number): Probe | undefined {
    return this.#probes.find((p) => p.share === share);
  }

  #mean(share: number): number {
    const p = this.#probe(share)!;
    return p.sum / p.count;
  }

  /** After a probe is complete: the next share to probe, or the end of the search. */
  #advance(): void {
    const top = 1 - this.#precision;
    if (this.#probes.length === 1) {
      this.#start(top);
      return;
    }
    if (this.#stack.length === 0 && this.#probes.length === 2) this.#stack.push([0, top]);
    const width =
      this.#rewardMax * Math.sqrt(log(2 * this.#rounds * this.#rounds) / (2 * this.#samples));
    while (this.#stack.length > 0) {
      const [lo, hi] = this.#stack.pop()!;
      if (Math.abs(this.#mean(hi) - this.#mean(lo)) <= 2 * width) continue;
      if (hi - lo <= this.#precision) continue; // hi is a robust candidate: probed already
      const mid = (lo + hi) / 2;
      this.#stack.push([mid, hi], [lo, mid]);
      this.#start(mid);
      return;
    }
    // The search is over: the probed share with the best estimated principal utility.
    let best = 0;
    let value = Number.NEGATIVE_INFINITY;
    for (const p of this.#probes) {
      const u = (1 - p.share) * (p.sum / p.count);
      if (u > value) {
        value = u;
        best = p.share;
      }
    }
    this.#current = null;
    this.#choice = best;
  }

  #start(share: number): void {
    this.#probes.push({ share, sum: 0, count: 0 });
    this.#current = share;
  }

  /** The learner as JSON data: its options, the probes, the search stack and the choice. */
  toJSON(): LearnerState {
    return {
      type: 'BisectionContractLearner',
      version: LEARNER_STATE_VERSION,
      params: {
        rounds: this.#rounds,
        rewardMax: this.#rewardMax,
        samplesPerProbe: this.#samples,
        precision: this.#precision,
      },
      stats: {
        probes: this.#probes.map((p) => [p.share, p.sum, p.count]),
        stack: this.#stack.map(([lo, hi]) => [lo, hi]),
        current: this.#current,
        choice: this.#choice,
      } as Record<string, JsonValue>,
    };
  }

  /**
   * Restores a learner saved by `toJSON()`, checking every field (probes within [0, 1) with
   * sums and counts that fit, intervals between probed shares, the current or chosen share probed).
   * @throws TypeError or RangeError on a malformed state
   */
  static fromJSON(state: unknown): BisectionContractLearner {
    const fn = 'BisectionContractLearner.fromJSON';
    const { params, stats } = readLearnerState(fn, state, 'BisectionContractLearner');
    const learner = asCaller(
      fn,
      () =>
        new BisectionContractLearner({
          rounds: params.number('rounds'),
          rewardMax: params.number('rewardMax'),
          samplesPerProbe: params.number('samplesPerProbe'),
          precision: params.number('precision'),
        }),
    );
    const bad = (what: string) => new RangeError(`${fn}: state.stats.${what} is inconsistent`);
    const probes = stats.value('probes');
    const stack = stats.value('stack');
    const current = stats.value('current');
    const choice = stats.value('choice');
    if (!Array.isArray(probes) || probes.length === 0 || probes.length > 4096) throw bad('probes');
    const read: Probe[] = probes.map((p) => {
      if (!Array.isArray(p) || p.length !== 3) throw bad('probes');
      const [share, sum, count] = p as unknown[];
      if (typeof share !== 'number' || !(share >= 0 && share < 1)) throw bad('probes');
      if (
        typeof count !== 'number' ||
        !Number.isInteger(count) ||
        count < 0 ||
        count > learner.#samples
      )
        throw bad('probes');
      if (typeof sum !== 'number' || !(sum >= 0 && sum <= count * learner.#rewardMax))
        throw bad('probes');
      return { share, sum, count };
    });
    if (read[0]!.share !== 0) throw bad('probes');
    const probed = (x: unknown) => typeof x === 'number' && read.some((p) => p.share === x);
    if (!Array.isArray(stack) || stack.length > 4096) throw bad('stack');
    const intervals = stack.map((iv) => {
      if (!Array.isArray(iv) || iv.length !== 2 || !probed(iv[0]) || !probed(iv[1]))
        throw bad('stack');
      return [iv[0], iv[1]] as [number, number];
    });
    if (!(current === null || probed(current)) || !(choice === null || probed(choice)))
      throw bad('current');
    if ((current === null) === (choice === null)) throw bad('choice');
    // The share being probed is the last probe started, with samples still to take (a complete
    // probe would have moved on).
    if (
      current !== null &&
      (read.at(-1)!.share !== current || read.at(-1)!.count >= learner.#samples)
    )
      throw bad('current');
    learner.#probes = read;
    learner.#stack = intervals;
    learner.#current = current as number | null;
    learner.#choice = choice as number | null;
    return learner;
  }
}
