import { type Rng, RunningStats } from '@x/linalg';
import { assertFunction, assertMade, assertRng, formatValue } from '@x/linalg/validate';
import { logSpacedRounds } from '../core/simulateBandit.ts';
import { readRunOptions, resolveCheckpoints } from '../core/validation.ts';
import type { BradleyTerryPreference } from './BradleyTerryPreference.ts';
import type { DuelingPolicy } from './DuelingPolicy.ts';

/** The regret curves of a dueling simulation: Condorcet and Borda. */
export interface DuelSimulationResult {
  readonly rounds: Int32Array;
  readonly condorcetRegret: Float64Array;
  readonly condorcetStdError: Float64Array;
  readonly bordaRegret: Float64Array;
  readonly bordaStdError: Float64Array;
}

/**
 * Runs a dueling policy for several seeded runs and records the cumulative Condorcet regret
 * $\sum_t (\epsilon(a^*, i_t) + \epsilon(a^*, j_t))/2$ and Borda regret $\sum_t (\max_a b(a) -
 * (b(i_t) + b(j_t))/2)$.
 *
 * References: Yue, Broder, Kleinberg and Joachims, "The K-armed Dueling Bandits Problem", JCSS
 * 78, 2012; Jamieson et al., "Sparse Dueling Bandits", AISTATS 2015 (Borda regret).
 */
export function simulateDuel(
  rng: Rng,
  env: BradleyTerryPreference,
  createPolicy: () => DuelingPolicy,
  options: {
    readonly horizon: number;
    readonly runs?: number;
    readonly checkpoints?: ArrayLike<number>;
  },
): DuelSimulationResult {
  assertRng('simulateDuel', rng);
  const { horizon, runs, checkpoints } = readRunOptions('simulateDuel', options);
  if (env === null || typeof env !== 'object' || typeof env.arms !== 'number')
    throw new TypeError(`simulateDuel: env must be an environment, got ${formatValue(env)}`);
  assertFunction('simulateDuel', 'createPolicy', createPolicy);
  const rounds = resolveCheckpoints('simulateDuel', horizon, checkpoints, () =>
    logSpacedRounds(horizon),
  );
  const cond = Array.from({ length: rounds.length }, () => new RunningStats());
  const borda = Array.from({ length: rounds.length }, () => new RunningStats());
  for (let run = 0; run < runs; run++) {
    const runRng = rng.split();
    const userRng = runRng.split();
    const policyRng = runRng.split();
    const policy = assertMade('simulateDuel', 'createPolicy', createPolicy(), [
      'selectPair',
      'update',
    ]);
    if (policy.arms !== env.arms)
      throw new TypeError(
        `simulateDuel: the policy has ${policy.arms} arms, the environment ${env.arms}`,
      );
    let c = 0;
    let b = 0;
    let next = 0;
    for (let t = 0; t < horizon; t++) {
      const [i, j] = policy.selectPair(policyRng);
      policy.update(i, j, env.compare(userRng, i, j));
      c += env.condorcetRegret(i, j);
      b += env.bordaRegret(i, j);
      if (t + 1 === rounds[next]) {
        cond[next]!.push(c);
        borda[next]!.push(b);
        next++;
      }
    }
  }
  const se = (s: RunningStats) => (s.count > 1 ? s.standardError : Number.POSITIVE_INFINITY);
  return {
    rounds,
    condorcetRegret: Float64Array.from(cond, (s) => s.mean),
    condorcetStdError: Float64Array.from(cond, se),
    bordaRegret: Float64Array.from(borda, (s) => s.mean),
    bordaStdError: Float64Array.from(borda, se),
  };
}
