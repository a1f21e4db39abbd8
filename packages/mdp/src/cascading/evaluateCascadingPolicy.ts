import { assertArrayLike, assertInstance, assertInteger } from '@x/linalg/validate';
import { CascadingProblem } from './CascadingProblem.ts';
import { cascadeListValueUnchecked } from './cascadeListValue.ts';

/**
 * The exact expected return from the start state of a list policy in a cascading MDP:
 * $V_h(s) = f(A_h(s))$ with $f$ the cascade value of the list (see `cascadeListValue`), $w_a =
 * R(s,a) + P(\cdot|s,a)^\top V_{h+1}$ and $w_\perp$ likewise for "no click"; $V_H = 0$.
 *
 * @param lists - the list shown at step h in state s, at `h * S + s` (non-empty, distinct items, at most m)
 * @throws RangeError or TypeError on a bad problem or list
 *
 * @example
 * const mdp = garnet(createRng(1), 3, 5, 2);
 * const attraction = Array.from({ length: 3 * 4 }, (_, i) => (i % 4) / 8);
 * const problem = new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 3 });
 * const plan = cascadingBackwardInduction(mdp, attraction, 2, 3);
 * evaluateCascadingPolicy(problem, plan.lists); // plan.values[0], the optimum
 *
 * References: Du, Srikant and Chen, "Cascading Reinforcement Learning", arXiv:2401.08961, Section 3.
 */
export function evaluateCascadingPolicy(
  problem: CascadingProblem,
  lists: readonly ArrayLike<number>[],
): number {
  const fn = 'evaluateCascadingPolicy';
  assertInstance(fn, 'problem', problem, CascadingProblem);
  const N = problem.items;
  const { mdp, horizon: H, maxLength: m } = problem;
  const S = mdp.states;
  assertArrayLike(fn, 'lists', lists);
  if (lists.length !== H * S)
    throw new TypeError(`${fn}: lists must have H * S = ${H * S} entries, got ${lists.length}`);
  for (let i = 0; i < lists.length; i++) assertList(fn, lists[i]!, N, m, `lists[${i}]`);
  return cascadingPolicyValueUnchecked(problem, lists);
}

/** Checks one list: 1..m distinct items in [0, N). @internal */
export function assertList(
  fn: string,
  list: ArrayLike<number>,
  N: number,
  m: number,
  name: string,
): void {
  assertArrayLike(fn, name, list);
  if (!(list.length >= 1 && list.length <= m))
    throw new RangeError(`${fn}: ${name} must show 1 to ${m} items, got ${list.length}`);
  for (let i = 0; i < list.length; i++) {
    assertInteger(fn, `${name}[${i}]`, list[i], 0, N - 1);
    for (let j = 0; j < i; j++)
      if (list[j] === list[i]) throw new RangeError(`${fn}: ${name} shows item ${list[i]} twice`);
  }
}

/** {@link evaluateCascadingPolicy} without checks. @internal */
export function cascadingPolicyValueUnchecked(
  problem: CascadingProblem,
  lists: readonly ArrayLike<number>[],
): number {
  const { mdp, attraction, horizon: H, start } = problem;
  const S = mdp.states;
  const N = mdp.actions - 1;
  let next = new Float64Array(S);
  let v = new Float64Array(S);
  const w = new Float64Array(N);
  const attractionRows = attraction;
  for (let h = H - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < N; a++)
        w[a] = mdp.reward[s * (N + 1) + a]! + mdp.expectedNext(s, a, next);
      const noClick = mdp.reward[s * (N + 1) + N]! + mdp.expectedNext(s, N, next);
      const q = attractionRows.subarray(s * N, (s + 1) * N);
      v[s] = cascadeListValueUnchecked(lists[h * S + s]!, q, w, noClick);
    }
    [next, v] = [v, next];
  }
  return next[start]!;
}
