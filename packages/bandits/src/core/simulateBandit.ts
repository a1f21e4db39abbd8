import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { assertMade, readObject, runExperimentAs } from '@x/linalg/validate';
import type { BanditEnvironment } from './BanditEnvironment.ts';
import type { BanditPolicy } from './BanditPolicy.ts';
import { assertSimulation } from './validation.ts';

/**
 * Runs a policy on an environment for several independent runs and records the regret
 * $R(t) = \max_i \sum_{s \le t} m_{s,i} - \sum_{s \le t} m_{s, I_s}$, where $m_{s,i}$ is the
 * expected reward of arm i in round s: the pseudo-regret $t\mu^* - \sum_s \mu_{I_s}$ for a
 * stochastic environment, the regret against the best fixed arm for an oblivious adversary.
 * For a contextual environment (one with `context`), the benchmark is the best arm of each
 * round: $R(t) = \sum_{s \le t} (\max_i m_{s,i} - m_{s, I_s})$, and the policy gets the
 * context in `select` and `update`.
 *
 * It is `runExperiment` of `@x/linalg/experiment` with bandit rounds: run i plays on the i-th
 * split of `rng`, split again into an environment stream and a policy stream, so runs are
 * independent and reproducible, a policy's decisions do not depend on how many rewards the
 * environment drew, and run ranges computed apart (`firstRun`, `runs`) merge with `mergeRuns`
 * into this call's result bit for bit. Besides the regret it records the cumulative reward
 * collected (`series.reward`).
 *
 * @param rng - the random source (at split depth 0 or 1)
 * @param env - the environment (its parameters are never shown to the policy)
 * @param createPolicy - makes a fresh policy for each run, given the environment
 * @param options - the rounds T per run, the runs and the checkpoints
 * @returns the regret and the reward, per run and on average, at the checkpoints
 * @throws RangeError on bad options; TypeError when the policy and the environment disagree on
 * the number of arms
 *
 * @example
 * const result = simulateBandit(createRng(1), new BernoulliBandit([0.3, 0.5, 0.7]), (env) => new Ucb1(env.arms), {
 *   rounds: 10_000,
 *   runs: 20,
 * });
 * result.series.regret.mean; // grows like log t
 *
 * References: Slivkins, "Introduction to Multi-Armed Bandits", arXiv:1904.07272, Section 1.1
 * (regret) and Chapter 6 (regret against the best arm in hindsight).
 */
export function simulateBandit<E extends BanditEnvironment>(
  rng: Rng,
  env: E,
  createPolicy: (env: E) => BanditPolicy,
  options: SimulationOptions,
): RunResult<'regret' | 'reward'> {
  const fn = 'simulateBandit';
  assertSimulation(fn, env, 'arms', 'createPolicy', createPolicy);
  const k = env.arms;
  const contextual = typeof env.context === 'function';
  const cumulative = new Float64Array(k);
  const spec = { ...readObject(fn, 'options', options), series: ['regret', 'reward'] as const };
  return runExperimentAs(fn, rng, spec, ({ environment, agent }) => {
    const policy = assertMade(fn, 'createPolicy', createPolicy(env), ['select', 'update']);
    if (policy.arms !== k)
      throw new TypeError(`${fn}: the policy has ${policy.arms} arms, the environment ${k}`);
    cumulative.fill(0);
    let t = 0;
    let collected = 0;
    let reward = 0;
    let perRoundBest = 0;
    return {
      step() {
        const context = contextual ? env.context!(environment, t) : undefined;
        const options = context === undefined ? undefined : { context };
        const arm = policy.select(agent, options);
        const r = env.pull(environment, t, arm, context);
        policy.update(arm, r, options);
        collected += env.expectedReward(t, arm, context);
        reward += r;
        let roundBest = Number.NEGATIVE_INFINITY;
        for (let a = 0; a < k; a++) {
          const m = env.expectedReward(t, a, context);
          cumulative[a] = cumulative[a]! + m;
          roundBest = Math.max(roundBest, m);
        }
        perRoundBest += roundBest;
        t++;
      },
      measure(out) {
        let best = perRoundBest;
        if (!contextual) {
          best = Number.NEGATIVE_INFINITY;
          for (let a = 0; a < k; a++) best = Math.max(best, cumulative[a]!);
        }
        out[0] = best - collected;
        out[1] = reward;
      },
    };
  });
}
