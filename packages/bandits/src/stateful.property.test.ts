import { fc } from '@fast-check/vitest';
import { createRng, type Rng } from '@x/linalg';
import {
  type Call,
  call,
  describeStatePromise,
  numberLike,
  type StatefulCase,
} from '../../../test/stateful.ts';
import { POLICY_CASES } from '../test/policies.ts';
import { Exp4 } from './adversarial/Exp4.ts';
import { Hedge } from './adversarial/Hedge.ts';
import { CascadeUcb } from './cascading/CascadeUcb.ts';
import { LinearThompsonSampling } from './contextual/LinearThompsonSampling.ts';
import { LinUcb } from './contextual/LinUcb.ts';
import { SquareCb } from './contextual/SquareCb.ts';
import type { BanditPolicy } from './core/BanditPolicy.ts';
import { learnerFromJSON } from './core/learnerFromJSON.ts';
import { DoubleThompsonSampling } from './dueling/DoubleThompsonSampling.ts';
import { PreferenceIds } from './dueling/PreferenceIds.ts';
import { AlignmentProblem } from './preference/AlignmentProblem.ts';
import { PreferenceOptimizer } from './preference/PreferenceOptimizer.ts';
import { TallyingSuccessiveElimination } from './tallying/TallyingSuccessiveElimination.ts';

/** Two prompts, three responses, a skewed reference. */
const ALIGNMENT = new AlignmentProblem({
  responses: 3,
  rewards: [0, 1, 2, 2, 0, 1],
  reference: [0.2, 0.3, 0.5, 0.6, 0.3, 0.1],
});

/** A case without its generator factory (added for all below). */
type Case<T extends { toJSON(): unknown }> = Omit<StatefulCase<T>, 'createRng'>;

const K = 4;
/** Arm indices, mostly valid, sometimes one off either end or not an integer. */
const armLike = (k: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.nat({ max: k - 1 }), weight: 8 },
    { arbitrary: fc.constantFrom(-1, k, 0.5, '1', null), weight: 1 },
  );
/** Entries of a context vector: ordinary, large (1e154 overflows squares) or not numbers. */
const entry = fc.oneof(
  { arbitrary: fc.double({ min: -2, max: 2, noNaN: true }), weight: 8 },
  { arbitrary: fc.constantFrom(1e154, -1e200, Number.NaN, '0.5'), weight: 1 },
);

/** Calls every {@link BanditPolicy} takes, with contexts of length `dim` when it is contextual. */
function policyCalls(
  k: number,
  context?: fc.Arbitrary<unknown[]>,
): fc.Arbitrary<Call<BanditPolicy>> {
  const ctx = context ?? fc.constant(undefined);
  const opts = (c: unknown) => (c === undefined ? {} : { context: c });
  return fc.oneof(
    fc
      .tuple(armLike(k), numberLike, ctx)
      .map(([a, r, c]) =>
        call(`update(${String(a)}, ${String(r)})`, (p: BanditPolicy) =>
          p.update(a as number, r as number, opts(c) as never),
        ),
      ),
    fc
      .tuple(fc.array(fc.tuple(armLike(k), numberLike), { maxLength: 5 }), ctx)
      .map(([pairs, c]) =>
        call(`updateMany(${JSON.stringify(pairs)})`, (p: BanditPolicy) =>
          p.updateMany(
            pairs.map(([a]) => a) as number[],
            pairs.map(([, r]) => r) as number[],
            c === undefined ? undefined : (pairs.map(() => c) as number[][]),
          ),
        ),
      ),
    fc
      .tuple(fc.uniqueArray(fc.nat({ max: k - 1 }), { minLength: 1, maxLength: k }), ctx)
      .map(([available, c]) =>
        call(`select(${available})`, (p: BanditPolicy, rng: Rng) =>
          p.select(rng, { available, ...opts(c) } as never),
        ),
      ),
    ctx.map((c) =>
      call('selectWithPropensity', (p: BanditPolicy, rng: Rng) =>
        p.selectWithPropensity(rng, { samples: 50, ...opts(c) } as never),
      ),
    ),
  );
}

/** A decision of a policy and a deterministic reward for it, so the two copies stay in step. */
const decidePolicy =
  (context?: () => number[]) => (p: BanditPolicy, rng: Parameters<BanditPolicy['select']>[0]) => {
    const options = context === undefined ? {} : { context: context() };
    const a = p.select(rng, options);
    p.update(a, (a % 2) * 0.75, options);
    return a;
  };

const linear = (name: string, make: () => BanditPolicy, dim = 2): Case<BanditPolicy> => ({
  name,
  make,
  restore: (s) => learnerFromJSON(s) as BanditPolicy,
  call: policyCalls(3, fc.array(entry, { minLength: dim, maxLength: dim })),
  decide: decidePolicy(() => Array.from({ length: dim }, (_, i) => 0.3 - 0.25 * (i % 3))),
});
const advice = () => [0.5, 0.5, 1, 0];

const CASES: readonly Case<never>[] = [
  ...POLICY_CASES.filter((p) => p.context === undefined).map(
    (p): Case<BanditPolicy> => ({
      name: p.name,
      make: () => p.make(K),
      restore: (s) => p.restore(s as never),
      call: policyCalls(K),
      decide: decidePolicy(),
    }),
  ),
  linear('LinUcb', () => new LinUcb(3, 2, { model: 'disjoint' })),
  linear('LinUcb (shared)', () => new LinUcb(3, 2, { model: 'shared' }), 6),
  linear('LinearThompsonSampling', () => new LinearThompsonSampling(3, 2, { model: 'disjoint' })),
  linear('SquareCb', () => new SquareCb(3, 2, { model: 'disjoint' })),
  {
    name: 'Exp4',
    make: () => new Exp4(2, 2),
    restore: (s) => Exp4.fromJSON(s as never),
    call: policyCalls(
      2,
      fc.oneof(fc.constant(advice()), fc.array(entry, { minLength: 4, maxLength: 4 })),
    ),
    decide: decidePolicy(advice),
  } satisfies Case<BanditPolicy>,
  {
    name: 'Hedge',
    make: () => new Hedge(K, { learningRate: 0.5 }),
    restore: (s) => Hedge.fromJSON(s as never),
    call: fc
      .array(numberLike, { minLength: K, maxLength: K })
      .map((r) => call(`update(${JSON.stringify(r)})`, (h: Hedge) => h.update(r as number[]))),
    decide: (h: Hedge, rng: Rng) => {
      const e = h.select(rng);
      h.update([0.1, 0.9, 0.5, e % 2]);
      return e;
    },
  } satisfies Case<Hedge>,
  {
    name: 'CascadeUcb',
    make: () => new CascadeUcb(5, 2),
    restore: (s) => CascadeUcb.fromJSON(s as never),
    call: fc.oneof(
      fc
        .tuple(
          fc.uniqueArray(armLike(5), { minLength: 1, maxLength: 2 }),
          fc.integer({ min: -2, max: 2 }),
        )
        .map(([list, click]) =>
          call(`update(${JSON.stringify(list)}, ${click})`, (c: CascadeUcb) =>
            c.update(list as number[], click),
          ),
        ),
      fc.constant(call('selectList', (c: CascadeUcb, rng: Rng) => c.selectList(rng))),
    ),
    decide: (c: CascadeUcb, rng: Rng) => {
      const list = Array.from(c.selectList(rng));
      c.update(list, list[0]! % 2 === 0 ? 0 : -1);
      return list;
    },
  } satisfies Case<CascadeUcb>,
  {
    name: 'DoubleThompsonSampling',
    make: () => new DoubleThompsonSampling(K),
    restore: (s) => DoubleThompsonSampling.fromJSON(s as never),
    call: fc
      .tuple(armLike(K), armLike(K), fc.oneof(fc.boolean(), fc.constantFrom(0, 'yes', null)))
      .map(([i, j, w]) =>
        call(`update(${String(i)}, ${String(j)}, ${String(w)})`, (d: DoubleThompsonSampling) =>
          d.update(i as number, j as number, w as boolean),
        ),
      ),
    decide: (d: DoubleThompsonSampling, rng: Rng) => {
      const [i, j] = d.selectPair(rng);
      d.update(i, j, i < j);
      return [i, j];
    },
  } satisfies Case<DoubleThompsonSampling>,
  {
    name: 'PreferenceIds',
    make: () =>
      new PreferenceIds([
        [0, 1, 2],
        [2, 1, 0],
        [1, 0, 2],
      ]),
    restore: (s) => PreferenceIds.fromJSON(s as never),
    call: fc
      .tuple(armLike(3), armLike(3), fc.oneof(fc.boolean(), fc.constantFrom(1, null)))
      .map(([i, j, w]) =>
        call(`update(${String(i)}, ${String(j)}, ${String(w)})`, (d: PreferenceIds) =>
          d.update(i as number, j as number, w as boolean),
        ),
      ),
    decide: (d: PreferenceIds, rng: Rng) => {
      const [i, j] = d.selectPair(rng);
      d.update(i, j, i <= j);
      return [i, j];
    },
  } satisfies Case<PreferenceIds>,
  ...(['dpo', 'ipo', 'rpo', 'spac', 'sail'] as const).map(
    (loss) =>
      ({
        name: `PreferenceOptimizer (${loss})`,
        make: () =>
          new PreferenceOptimizer(ALIGNMENT, {
            loss,
            beta: 0.7,
            learningRate: 0.2,
            ...(loss === 'spac' ? { rewardBound: 3, innerIterations: 2 } : {}),
          }),
        restore: (s) => PreferenceOptimizer.fromJSON(s as never),
        call: fc.oneof(
          fc
            .tuple(armLike(2), armLike(3), armLike(3))
            .map(([x, w, l]) =>
              call(`update(${String(x)}, ${String(w)}, ${String(l)})`, (p: PreferenceOptimizer) =>
                p.update(x as number, w as number, l as number),
              ),
            ),
          fc
            .tuple(
              fc.array(fc.tuple(armLike(2), armLike(3), armLike(3)), { maxLength: 4 }),
              armLike(3),
            )
            .map(([pairs, iterations]) =>
              call(
                `fit(${JSON.stringify(pairs)}, ${String(iterations)})`,
                (p: PreferenceOptimizer) =>
                  p.fit(
                    {
                      prompt: pairs.map(([x]) => x) as never,
                      chosen: pairs.map(([, w]) => w) as never,
                      rejected: pairs.map(([, , l]) => l) as never,
                    },
                    { iterations: iterations as number },
                  ),
              ),
            ),
        ),
        decide: (p: PreferenceOptimizer) => {
          p.update(1, 2, 0);
          return Array.from(p.logPolicy());
        },
      }) satisfies Case<PreferenceOptimizer>,
  ),
  {
    name: 'TallyingSuccessiveElimination',
    make: () => new TallyingSuccessiveElimination(3, { rounds: 200, memoryBound: 3 }),
    restore: (s) => TallyingSuccessiveElimination.fromJSON(s as never),
    call: fc.oneof(
      fc
        .tuple(armLike(3), numberLike)
        .map(([a, r]) =>
          call(`update(${String(a)}, ${String(r)})`, (t: TallyingSuccessiveElimination) =>
            t.update(a as number, r as number),
          ),
        ),
      fc.constant(call('select', (t: TallyingSuccessiveElimination, rng: Rng) => t.select(rng))),
    ),
    decide: (t: TallyingSuccessiveElimination, rng: Rng) => {
      const a = t.select(rng);
      t.update(a, a === 0 ? 0.2 : 0.6);
      return a;
    },
  } satisfies Case<TallyingSuccessiveElimination>,
] as never;

describeStatePromise(
  CASES.map((c) => ({ ...c, createRng })),
  { seed: 11, numRuns: 60 },
);
