import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { assertFunction, assertMade, runRegretAs } from '@x/linalg/validate';
import { KnapsackBandit } from './KnapsackBandit.ts';
import { knapsackBenchmark } from './knapsackBenchmark.ts';

/** A learner for bandits with knapsacks. */
export interface KnapsackLearner {
  select(rng: Rng): number;
  update(arm: number, reward: number, consumption: ArrayLike<number>): void;
}

/**
 * Plays a learner on a bandit with knapsacks: each round it pulls an arm and sees the reward and
 * the consumption; once some resource has less than one unit left the process stops (no more
 * reward). Regret is against the LP benchmark ({@link knapsackBenchmark}), accrued evenly:
 * $t \cdot \mathrm{OPT}_{LP}/T$ minus the reward collected by round t. Asynchronous because the
 * benchmark is a linear program; the runs use the shared runner (`runs`, `firstRun`, checkpoints).
 *
 * @throws TypeError on a bad env or factory; RangeError on bad options or a bad arm
 *
 * @example
 * const env = new KnapsackBandit({ rewards: [0.9, 0.5], consumption: [[0.8], [0.1]], budget: 100, rounds: 1000 });
 * const result = await simulateKnapsackBandit(createRng(1), env, (e) => new LagrangeBwk(e), { rounds: 1000 });
 * result.series.regret.mean; // regret against the LP benchmark at the checkpoints
 *
 * References: Badanidiyuru, Kleinberg and Slivkins, "Bandits with Knapsacks", arXiv:1305.2545.
 */
export async function simulateKnapsackBandit(
  rng: Rng,
  env: KnapsackBandit,
  createLearner: (env: KnapsackBandit) => KnapsackLearner,
  options: SimulationOptions,
): Promise<RunResult<'regret'>> {
  const fn = 'simulateKnapsackBandit';
  if (!(env instanceof KnapsackBandit)) throw new TypeError(`${fn}: env must be a KnapsackBandit`);
  assertFunction(fn, 'createLearner', createLearner);
  const perRound = (await knapsackBenchmark(env)).value / env.rounds;
  const d = env.resources;
  const consumption = new Float64Array(d);
  const spent = new Float64Array(d);
  return runRegretAs(fn, rng, options, ({ environment, agent }) => {
    const learner = assertMade(fn, 'createLearner', createLearner(env), ['select', 'update']);
    spent.fill(0);
    let stopped = false;
    return () => {
      if (stopped) return perRound;
      const arm = learner.select(agent);
      if (!(Number.isInteger(arm) && arm >= 0 && arm < env.arms))
        throw new RangeError(`${fn}: the learner chose arm ${arm}, not in [0, ${env.arms - 1}]`);
      const reward = env.pullUnchecked(environment, arm, consumption);
      learner.update(arm, reward, consumption);
      for (let i = 0; i < d; i++) {
        spent[i] = spent[i]! + consumption[i]!;
        if (env.budget - spent[i]! < 1) stopped = true;
      }
      return perRound - reward;
    };
  });
}
