import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { assertMade, readObject, runExperimentAs } from '@x/linalg/validate';
import { assertSimulation } from '../core/validation.ts';
import type { CascadeUcb } from './CascadeUcb.ts';
import type { CascadingBandit } from './CascadingBandit.ts';

/**
 * Runs a cascade learner for several seeded runs and records the expected regret $R(t) =
 * \sum_{s \le t} (f(A^*) - f(A_s))$, with $f$ the click probability of a list, and the clicks
 * (`series.clicks`). It is `runExperiment` of `@x/linalg/experiment`: run i plays on the i-th
 * split of `rng`, split into the user's and the learner's streams, and run ranges merge with
 * `mergeRuns`.
 *
 * @param createLearner - makes a fresh learner for each run, given the environment
 * @throws RangeError on bad options; TypeError if the learner's item count or list length
 * differs from the environment's
 *
 * @example
 * const env = new CascadingBandit([0.2, 0.1, 0.05, 0.05, 0.3], 2);
 * const result = simulateCascadingBandit(createRng(1), env, (e) => new CascadeUcb(e.items, e.listLength), { rounds: 5000 });
 * result.series.regret.mean; // grows like log t
 *
 * References: Kveton, Szepesvari, Wen and Ashkan, "Cascading Bandits: Learning to Rank in the
 * Cascade Model", ICML 2015, arXiv:1502.02763, Section 2 (the regret).
 */
export function simulateCascadingBandit(
  rng: Rng,
  env: CascadingBandit,
  createLearner: (env: CascadingBandit) => CascadeUcb,
  options: SimulationOptions,
): RunResult<'regret' | 'clicks'> {
  const fn = 'simulateCascadingBandit';
  assertSimulation(fn, env, 'items', 'createLearner', createLearner);
  const best = env.optimalReward();
  const spec = { ...readObject(fn, 'options', options), series: ['regret', 'clicks'] as const };
  return runExperimentAs(fn, rng, spec, ({ environment, agent }) => {
    const learner = assertMade(fn, 'createLearner', createLearner(env), ['selectList', 'update']);
    if (learner.items !== env.items || learner.listLength !== env.listLength)
      throw new TypeError(
        `${fn}: the learner has ${learner.items} items and lists of ${learner.listLength}; the environment ${env.items} and ${env.listLength}`,
      );
    let regret = 0;
    let clicks = 0;
    return {
      step() {
        const list = learner.selectList(agent);
        const c = env.click(environment, list);
        learner.update(list, c);
        if (c >= 0) clicks++;
        regret += best - env.expectedReward(list);
      },
      measure(out) {
        out[0] = regret;
        out[1] = clicks;
      },
    };
  });
}
