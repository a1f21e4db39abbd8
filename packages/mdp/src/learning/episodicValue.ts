import { assertInstance, formatValue } from '@x/linalg/validate';
import { EpisodicProblem } from '../model/EpisodicProblem.ts';
import { assertFiniteHorizon, backwardPass } from '../planning/backwardInduction.ts';

/**
 * The expected return over one episode from the problem's start state of a finite-horizon
 * policy (`policy[h * S + s]`, step h from the start), or of an optimal policy when `policy` is
 * null: the package's one evaluator of finite-horizon policies, exact by backward induction.
 *
 * @param problem - the episodic problem
 * @param policy - H x S actions, or null for the optimal value $V^*_0(s_0)$
 * @returns $V^\pi_0(s_0)$
 * @throws TypeError if problem is not an EpisodicProblem or the policy has the wrong type or
 *   length; RangeError on an action out of range
 *
 * @example
 * const problem = new EpisodicProblem({ mdp: riverSwim(6), horizon: 20 });
 * const learner = new Psrl(problem);
 * episodicValue(problem, null) - episodicValue(problem, learner.plan(createRng(1))); // its regret
 *
 * References: Puterman, Markov Decision Processes, 1994, Section 4.2 (policy evaluation).
 */
export function episodicValue(problem: EpisodicProblem, policy: Int32Array | null): number {
  const fn = 'episodicValue';
  assertInstance(fn, 'problem', problem, EpisodicProblem);
  const { mdp, horizon, start } = problem;
  assertFiniteHorizon(fn, mdp, horizon);
  if (policy !== null) assertEpisodicPolicy(fn, policy, horizon, mdp.states, mdp.actions);
  return backwardPass(mdp, horizon, policy, null, null)[start]!;
}

/** Checks a finite-horizon policy: an Int32Array of H x S actions in [0, A). @internal */
export function assertEpisodicPolicy(
  fn: string,
  policy: unknown,
  horizon: number,
  states: number,
  actions: number,
): asserts policy is Int32Array {
  if (!(policy instanceof Int32Array) || policy.length !== horizon * states)
    throw new TypeError(
      `${fn}: policy must be an Int32Array of horizon x states = ${horizon * states} actions, got ${formatValue(policy)}`,
    );
  for (let i = 0; i < policy.length; i++)
    if (!(policy[i]! >= 0 && policy[i]! < actions))
      throw new RangeError(
        `${fn}: policy[${i}] must be an action in [0, ${actions - 1}], got ${policy[i]}`,
      );
}
