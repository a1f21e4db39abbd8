import type { Rng } from '@x/linalg';
import type { RunResult, SimulationOptions } from '@x/linalg/experiment';
import { assertMade, readObject, runExperimentAs } from '@x/linalg/validate';
import { assertSimulation } from '../core/validation.ts';
import type { BradleyTerryPreference } from './BradleyTerryPreference.ts';
import type { DuelingPolicy } from './DuelingPolicy.ts';

/**
 * Runs a dueling policy for several seeded runs and records the cumulative Condorcet regret
 * $\sum_t (\epsilon(a^*, i_t) + \epsilon(a^*, j_t))/2$ and Borda regret $\sum_t (\max_a b(a) -
 * (b(i_t) + b(j_t))/2)$ (`series.condorcetRegret`, `series.bordaRegret`). It is `runExperiment`
 * of `@x/linalg/experiment`: run i plays on the i-th split of `rng`, and run ranges merge with
 * `mergeRuns`.
 *
 * @param createPolicy - makes a fresh policy for each run, given the environment
 * @throws RangeError on bad options; TypeError if the policy's arm count differs
 *
 * @example
 * const env = new BradleyTerryPreference([0, 0.5, 1, 1.5]);
 * const result = simulateDuel(createRng(1), env, (e) => new DoubleThompsonSampling(e.arms), { rounds: 2000 });
 * result.series.condorcetRegret.mean; // grows like log t
 *
 * References: Yue, Broder, Kleinberg and Joachims, "The K-armed Dueling Bandits Problem", JCSS
 * 78, 2012; Jamieson et al., "Sparse Dueling Bandits", AISTATS 2015 (Borda regret).
 */
export function simulateDuel(
  rng: Rng,
  env: BradleyTerryPreference,
  createPolicy: (env: BradleyTerryPreference) => DuelingPolicy,
  options: SimulationOptions,
): RunResult<'condorcetRegret' | 'bordaRegret'> {
  const fn = 'simulateDuel';
  assertSimulation(fn, env, 'arms', 'createPolicy', createPolicy);
  const spec = {
    ...readObject(fn, 'options', options),
    series: ['condorcetRegret', 'bordaRegret'] as const,
  };
  return runExperimentAs(fn, rng, spec, ({ environment, agent }) => {
    const policy = assertMade(fn, 'createPolicy', createPolicy(env), ['selectPair', 'update']);
    if (policy.arms !== env.arms)
      throw new TypeError(`${fn}: the policy has ${policy.arms} arms, the environment ${env.arms}`);
    let condorcet = 0;
    let borda = 0;
    return {
      step() {
        const [i, j] = policy.selectPair(agent);
        policy.update(i, j, env.compare(environment, i, j));
        condorcet += env.condorcetRegret(i, j);
        borda += env.bordaRegret(i, j);
      },
      measure(out) {
        out[0] = condorcet;
        out[1] = borda;
      },
    };
  });
}
