import type { Rng } from '@x/linalg';
import { exp, log, log1p } from '@x/linalg/math';
import { sampleCategoricalUnchecked } from '@x/linalg/validate';
import type { EnvironmentClass } from './EnvironmentClass.ts';

/** What the learner is told after each episode. */
export type RlhfFeedbackKind = 'preference' | 'reward';

/**
 * Samples one episode of environment `env` into `states` (length H + 1) and `actions` (length H),
 * following the deterministic `policy` (`policy[h * S + s]`) or, when it is null, the class's
 * baseline policy. @internal
 */
export function sampleTrajectoryInto(
  envs: EnvironmentClass,
  env: number,
  policy: Int32Array | null,
  rng: Rng,
  states: Int32Array,
  actions: Int32Array,
): void {
  const { states: S, actions: A, horizon: H } = envs;
  const mdp = envs.environments[env]!;
  let s = envs.start;
  states[0] = s;
  for (let h = 0; h < H; h++) {
    const a =
      policy === null
        ? sampleCategoricalUnchecked(
            rng,
            envs.baseline.subarray((h * S + s) * A, (h * S + s + 1) * A),
          )
        : policy[h * S + s]!;
    actions[h] = a;
    s = mdp.sampleNext(rng, s, a);
    states[h + 1] = s;
  }
}

/** $\sum_h r_i(s_h, a_h)$, the return of a trajectory under environment i's mean rewards. @internal */
export function trajectoryReturn(
  envs: EnvironmentClass,
  env: number,
  states: Int32Array,
  actions: Int32Array,
): number {
  const { states: S, actions: A } = envs;
  let total = 0;
  for (let h = 0; h < actions.length; h++)
    total += envs.reward[(env * S + states[h]!) * A + actions[h]!]!;
  return total;
}

/** $\log \sigma(x)$ without overflow. @internal */
export function logSigmoidUnchecked(x: number): number {
  return x >= 0 ? -log1p(exp(-x)) : x - log1p(exp(x));
}

/**
 * The log-likelihood of one episode's feedback under every environment, written into `out`:
 * the transitions of the agent's trajectory (and of the baseline's, for preferences) plus
 * $\log\sigma(\pm(R_i(\tau^1) - R_i(\tau^0)))$ for a preference (Bradley-Terry on returns) or
 * $\sum_h \log r_i^{y_h}(1 - r_i)^{1 - y_h}$ for 0/1 step rewards. @internal
 */
export function feedbackLogLikelihoodInto(
  envs: EnvironmentClass,
  kind: RlhfFeedbackKind,
  states: Int32Array,
  actions: Int32Array,
  otherStates: Int32Array,
  otherActions: Int32Array,
  outcome: boolean,
  rewards: Int32Array,
  out: Float64Array,
): void {
  const { states: S, actions: A, horizon: H } = envs;
  const logT = envs.logTransition;
  for (let i = 0; i < envs.size; i++) {
    let ll = 0;
    for (let h = 0; h < H; h++)
      ll += logT[((i * S + states[h]!) * A + actions[h]!) * S + states[h + 1]!]!;
    if (kind === 'preference') {
      for (let h = 0; h < H; h++)
        ll += logT[((i * S + otherStates[h]!) * A + otherActions[h]!) * S + otherStates[h + 1]!]!;
      const margin =
        trajectoryReturn(envs, i, states, actions) -
        trajectoryReturn(envs, i, otherStates, otherActions);
      ll += logSigmoidUnchecked(outcome ? margin : -margin);
    } else {
      for (let h = 0; h < H; h++) {
        const r = envs.reward[(i * S + states[h]!) * A + actions[h]!]!;
        ll += log(rewards[h] === 1 ? r : 1 - r);
      }
    }
    out[i] = ll;
  }
}
