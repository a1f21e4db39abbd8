import { type Rng, RunningStats } from '@x/linalg';
import { pow } from '@x/linalg/math';
import {
  assertFunction,
  assertInteger,
  assertMade,
  assertRng,
  formatValue,
} from '@x/linalg/validate';
import type { BanditEnvironment } from './BanditEnvironment.ts';
import type { BanditPolicy } from './BanditPolicy.ts';
import { readRunOptions, resolveCheckpoints } from './validation.ts';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of rounds T per run. */
  readonly horizon: number;
  /** Number of independent runs. @default 1 */
  readonly runs?: number;
  /**
   * Rounds (1-based, increasing, at most T) at which the regret is recorded. @default about 60
   * log-spaced rounds from 1 to T
   */
  readonly checkpoints?: ArrayLike<number>;
}

/** The regret curves of a simulation. */
export interface SimulationResult {
  /** The checkpoint rounds t (1-based). */
  readonly rounds: Int32Array;
  /** Mean regret over the runs at each checkpoint. */
  readonly meanRegret: Float64Array;
  /** Standard error of that mean (Infinity for a single run: there is no spread to estimate it from). */
  readonly stdError: Float64Array;
  /** Each run's regret at the horizon. */
  readonly finalRegret: Float64Array;
  /** Mean over runs of the total reward collected. */
  readonly meanTotalReward: number;
}

/** About `count` distinct log-spaced rounds from 1 to T, always including T. */
export function logSpacedRounds(horizon: number, count = 60): Int32Array {
  assertInteger('logSpacedRounds', 'horizon', horizon, 1, 2 ** 31 - 1);
  assertInteger('logSpacedRounds', 'count', count, 2, 100_000);
  const set = new Set<number>();
  for (let i = 0; i < count; i++) set.add(Math.max(1, Math.round(pow(horizon, i / (count - 1)))));
  set.add(horizon);
  return Int32Array.from([...set].sort((a, b) => a - b));
}

/**
 * Runs a policy on an environment for several independent runs and records the regret
 * $R(t) = \max_i \sum_{s \le t} m_{s,i} - \sum_{s \le t} m_{s, I_s}$, where $m_{s,i}$ is the
 * expected reward of arm i in round s: the pseudo-regret $t\mu^* - \sum_s \mu_{I_s}$ for a
 * stochastic environment, the regret against the best fixed arm for an oblivious adversary.
 * For a contextual environment (one with `context`), the benchmark is the best arm of each
 * round: $R(t) = \sum_{s \le t} (\max_i m_{s,i} - m_{s, I_s})$, and the policy gets the
 * context in `select` and `update`.
 *
 * Each run gets its own split of `rng`, split again into an environment stream and a policy
 * stream, so runs are independent and reproducible, and a policy's decisions do not depend on
 * how many rewards the environment drew. `rng` may be at split depth 0 or 1.
 *
 * @param rng - the random source
 * @param env - the environment (its parameters are never shown to the policy)
 * @param createPolicy - makes a fresh policy for each run
 * @throws RangeError on a bad horizon, run count or checkpoint list; TypeError when the policy
 * and the environment disagree on the number of arms
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Section 1.1
 * (regret) and Chapter 6 (regret against the best arm in hindsight).
 */
export function simulate(
  rng: Rng,
  env: BanditEnvironment,
  createPolicy: () => BanditPolicy,
  options: SimulateOptions,
): SimulationResult {
  assertRng('simulate', rng);
  const fn = 'simulate';
  const { horizon, runs, checkpoints } = readRunOptions('simulate', options);
  if (env === null || typeof env !== 'object' || typeof env.arms !== 'number')
    throw new TypeError(`simulate: env must be an environment, got ${formatValue(env)}`);
  assertFunction('simulate', 'createPolicy', createPolicy);
  const rounds = resolveCheckpoints(fn, horizon, checkpoints, () => logSpacedRounds(horizon));
  const k = env.arms;
  const contextual = typeof env.context === 'function';
  const stats = Array.from({ length: rounds.length }, () => new RunningStats());
  const finalRegret = new Float64Array(runs);
  const cumulative = new Float64Array(k);
  let totalReward = 0;
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const envRng = runRng.split();
    const policyRng = runRng.split();
    const policy = assertMade('simulate', 'createPolicy', createPolicy(), ['select', 'update']);
    if (policy.arms !== k)
      throw new TypeError(`${fn}: the policy has ${policy.arms} arms, the environment ${k}`);
    cumulative.fill(0);
    let collected = 0;
    let perRoundBest = 0;
    let next = 0;
    const regretNow = (): number => {
      if (contextual) return perRoundBest - collected;
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < k; a++) best = Math.max(best, cumulative[a]!);
      return best - collected;
    };
    for (let t = 0; t < horizon; t++) {
      const context = contextual ? env.context!(envRng, t) : undefined;
      const arm = policy.select(policyRng, context === undefined ? undefined : { context });
      const reward = env.pull(envRng, t, arm, context);
      policy.update(arm, reward, context === undefined ? undefined : { context });
      collected += env.expectedReward(t, arm, context);
      totalReward += reward;
      let roundBest = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < k; a++) {
        const m = env.expectedReward(t, a, context);
        cumulative[a] = cumulative[a]! + m;
        roundBest = Math.max(roundBest, m);
      }
      perRoundBest += roundBest;
      if (t + 1 === rounds[next]) {
        stats[next]!.push(regretNow());
        next++;
      }
    }
    finalRegret[run] = regretNow();
  }
  return {
    rounds,
    meanRegret: Float64Array.from(stats, (s) => s.mean),
    stdError: Float64Array.from(stats, (s) =>
      s.count > 1 ? s.standardError : Number.POSITIVE_INFINITY,
    ),
    finalRegret,
    meanTotalReward: totalReward / runs,
  };
}
