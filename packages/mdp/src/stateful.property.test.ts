import { fc } from '@fast-check/vitest';
import { createRng, type Rng } from '@x/linalg';
import {
  call,
  describeStatePromise,
  numberLike,
  type StatefulCase,
} from '../../../test/stateful.ts';
import { CascadingVi } from './cascading/CascadingVi.ts';
import { Psrl } from './learning/Psrl.ts';
import { Ucbvi } from './learning/Ucbvi.ts';
import { Ucrl2 } from './learning/Ucrl2.ts';
import { EnvironmentClass } from './rlhf/EnvironmentClass.ts';
import { RlhfIds } from './rlhf/RlhfIds.ts';
import { randomEnvironmentClass } from './rlhf/randomEnvironmentClass.ts';

/** A case without its generator factory (added for all below). */
type Case<T extends { toJSON(): unknown }> = Omit<StatefulCase<T>, 'createRng'>;

const S = 3;
const A = 2;
const H = 3;
/** Indices, mostly valid, sometimes one off either end or not an integer. */
const index = (n: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.nat({ max: n - 1 }), weight: 10 },
    { arbitrary: fc.constantFrom(-1, n, 0.5, '1', null), weight: 1 },
  );
const transition = fc.record({
  state: index(S),
  action: index(A),
  reward: numberLike,
  next: index(S),
});

/** An episodic learner's calls: episodes of transitions, good and bad, and plans. */
interface Episodic {
  observe(episode: never): void;
  plan(rng: Rng): Int32Array;
  toJSON(): unknown;
}
const episodic = (
  name: string,
  make: () => Episodic,
  restore: (s: never) => Episodic,
): Case<Episodic> => ({
  name,
  make,
  restore: (s) => restore(s as never),
  call: fc.oneof(
    fc
      .array(transition, { maxLength: H })
      .map((e) => call(`observe(${JSON.stringify(e)})`, (a: Episodic) => a.observe(e as never))),
    fc.constant(call('plan', (a: Episodic, rng: Rng) => a.plan(rng))),
  ),
  decide: (a: Episodic, rng: Rng) => {
    const policy = Array.from(a.plan(rng));
    a.observe([
      { state: 0, action: policy[0]!, reward: 0.5, next: 1 },
      { state: 1, action: policy[S + 1]!, reward: 1, next: 2 },
    ] as never);
    return policy;
  },
});

const envs = () =>
  randomEnvironmentClass(createRng(3), { size: 4, states: 2, actions: 2, horizon: 2 });
const trajectory = fc.record({
  states: fc.array(index(2), { minLength: 3, maxLength: 3 }),
  actions: fc.array(index(2), { minLength: 2, maxLength: 2 }),
  baselineStates: fc.array(index(2), { minLength: 3, maxLength: 3 }),
  baselineActions: fc.array(index(2), { minLength: 2, maxLength: 2 }),
  preferred: fc.oneof(fc.boolean(), fc.constantFrom(1, null)),
});

const CASES: readonly Case<never>[] = [
  episodic('Psrl', () => new Psrl({ states: S, actions: A, horizon: H }), Psrl.fromJSON),
  episodic(
    'Ucbvi',
    () => new Ucbvi({ states: S, actions: A, horizon: H }, { rounds: 50 }),
    Ucbvi.fromJSON,
  ),
  episodic(
    'Ucbvi (Bernstein)',
    () => new Ucbvi({ states: S, actions: A, horizon: H }, { rounds: 50, bonus: 'bernstein' }),
    Ucbvi.fromJSON,
  ),
  {
    name: 'Ucrl2',
    make: () => new Ucrl2({ states: S, actions: A }),
    restore: (s) => Ucrl2.fromJSON(s),
    call: fc
      .tuple(index(S), index(A), numberLike, index(S))
      .map(([s, a, r, n]) =>
        call(`observe(${String(s)}, ${String(a)}, ${String(r)}, ${String(n)})`, (u: Ucrl2) =>
          u.observe(s as number, a as number, r as number, n as number),
        ),
      ),
    decide: (u: Ucrl2) => {
      const a = u.act(1);
      u.observe(1, a, a === 0 ? 0.2 : 0.9, (a + 1) % S);
      return a;
    },
  } satisfies Case<Ucrl2>,
  {
    name: 'CascadingVi',
    make: () => new CascadingVi({ states: 2, items: 4, maxLength: 2, horizon: 2 }),
    restore: (s) => CascadingVi.fromJSON(s),
    call: fc
      .array(
        fc.record({
          state: index(2),
          list: fc.uniqueArray(index(4), { minLength: 1, maxLength: 2 }),
          clicked: fc.integer({ min: -2, max: 2 }),
          reward: numberLike,
          next: index(2),
        }),
        { maxLength: 2 },
      )
      .map((e) => call(`observe(${JSON.stringify(e)})`, (c: CascadingVi) => c.observe(e as never))),
    decide: (c: CascadingVi, rng: Rng) => {
      const lists = c.plan(rng).map((l) => Array.from(l));
      c.observe([{ state: 0, list: lists[0]!, clicked: 0, reward: 1, next: 1 }]);
      return lists;
    },
  } satisfies Case<CascadingVi>,
  {
    name: 'RlhfIds',
    make: () => new RlhfIds(envs(), { informationSamples: 8 }),
    restore: (s) => RlhfIds.fromJSON(s, new EnvironmentClass(envs().toJSON())),
    call: trajectory.map((f) =>
      call(`observe(${JSON.stringify(f)})`, (r: RlhfIds) => r.observe(f as never)),
    ),
    decide: (r: RlhfIds, rng: Rng) => {
      const policy = Array.from(r.plan(rng));
      r.observe({
        states: [0, 1, 0],
        actions: [policy[0]!, policy[3]!],
        baselineStates: [0, 0, 1],
        baselineActions: [1, 0],
        preferred: policy[0] === 1,
      });
      return policy;
    },
  } satisfies Case<RlhfIds>,
] as never;

describeStatePromise(
  CASES.map((c) => ({ ...c, createRng })),
  { seed: 12, numRuns: 40 },
);
