import { createRng, type Rng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { CascadingVi } from '../cascading/CascadingVi.ts';
import { riverSwim } from '../generators/riverSwim.ts';
import { randomTokenTree } from '../guided/randomTokenTree.ts';
import { TokenTree } from '../guided/TokenTree.ts';
import { EnvironmentClass } from '../rlhf/EnvironmentClass.ts';
import { RlhfIds } from '../rlhf/RlhfIds.ts';
import { randomEnvironmentClass } from '../rlhf/randomEnvironmentClass.ts';
import type { EpisodicAgent, Transition } from './EpisodicAgent.ts';
import { Psrl } from './Psrl.ts';
import { Ucbvi } from './Ucbvi.ts';
import { Ucrl2 } from './Ucrl2.ts';

const H = 5;
const mdp = riverSwim(4);

/** Plays `episodes` episodes of an episodic agent on RiverSwim with Bernoulli rewards. */
function play(agent: EpisodicAgent, rng: Rng, episodes: number): Int32Array[] {
  const plans: Int32Array[] = [];
  for (let k = 0; k < episodes; k++) {
    const policy = agent.plan(rng);
    plans.push(policy);
    const episode: Transition[] = [];
    let s = 0;
    for (let h = 0; h < H; h++) {
      const a = policy[h * 4 + s]!;
      const reward = rng.nextFloat64() < mdp.reward[s * 2 + a]! ? 1 : 0;
      const next = mdp.sampleNext(rng, s, a);
      episode.push({ state: s, action: a, reward, next });
      s = next;
    }
    agent.observe(episode);
  }
  return plans;
}

describe('saving and resuming learners', () => {
  for (const [name, make, restore] of [
    [
      'Ucbvi',
      () =>
        new Ucbvi({ states: 4, actions: 2, horizon: H }, { bonusScale: 0.3, bonus: 'bernstein' }),
      Ucbvi.fromJSON,
    ],
    ['Psrl', () => new Psrl({ states: 4, actions: 2, horizon: H }), Psrl.fromJSON],
  ] as const) {
    it(`${name}: a run resumed from JSON continues exactly like the uninterrupted run`, () => {
      const straight = make();
      const rngA = createRng(1);
      const all = play(straight, rngA, 40);
      const first = make();
      const rngB = createRng(1);
      play(first, rngB, 20);
      const saved = JSON.parse(JSON.stringify(first.toJSON()));
      const resumed = restore(saved);
      const rest = play(resumed, rngB, 20);
      for (let k = 0; k < 20; k++) expect(Array.from(rest[k]!)).toEqual(Array.from(all[20 + k]!));
    });
  }

  it('Ucrl2: resumes in the same episode with the same policy', () => {
    const run = (agent: Ucrl2, rng: Rng, steps: number, start: number) => {
      let s = start;
      const actions: number[] = [];
      for (let t = 0; t < steps; t++) {
        const a = agent.act(s);
        actions.push(a);
        const next = mdp.sampleNext(rng, s, a);
        agent.observe(s, a, rng.nextFloat64() < mdp.reward[s * 2 + a]! ? 1 : 0, next);
        s = next;
      }
      return { actions, s };
    };
    const straight = new Ucrl2({ states: 4, actions: 2 }, { confidenceScale: 0.1 });
    const all = run(straight, createRng(2), 600, 0);
    const first = new Ucrl2({ states: 4, actions: 2 }, { confidenceScale: 0.1 });
    const rng = createRng(2);
    const half = run(first, rng, 300, 0);
    const resumed = Ucrl2.fromJSON(JSON.parse(JSON.stringify(first.toJSON())));
    expect(resumed.episodes).toBe(first.episodes);
    const rest = run(resumed, rng, 300, half.s);
    expect([...half.actions, ...rest.actions]).toEqual(all.actions);
  });

  it('CascadingVi and RlhfIds round-trip through JSON', () => {
    const cascading = new CascadingVi({ states: 2, items: 3, maxLength: 2, horizon: 2 });
    cascading.observe([{ state: 0, list: [1, 2], clicked: 1, reward: 1, next: 1 }]);
    const copy = CascadingVi.fromJSON(JSON.parse(JSON.stringify(cascading.toJSON())));
    expect(copy.plan(createRng(1)).map((l) => Array.from(l))).toEqual(
      cascading.plan(createRng(1)).map((l) => Array.from(l)),
    );
    const envs = randomEnvironmentClass(createRng(3), {
      states: 2,
      actions: 2,
      horizon: 2,
      size: 4,
    });
    const ids = new RlhfIds(envs, { variant: 'approximate' });
    ids.observe({
      states: [0, 1, 0],
      actions: [0, 1],
      baselineStates: [0, 0, 1],
      baselineActions: [1, 0],
      preferred: true,
    });
    const restored = RlhfIds.fromJSON(JSON.parse(JSON.stringify(ids.toJSON())), envs);
    const a = ids.posterior;
    const b = restored.posterior;
    for (let i = 0; i < 4; i++) expect(b[i]).toBeCloseTo(a[i]!, 14);
    expect(Array.from(restored.plan(createRng(1)))).toEqual(Array.from(ids.plan(createRng(1))));
    // The class itself travels too: rebuilt elsewhere, it has the same precomputed tables, and the
    // learner restored on it plans the same.
    const rebuilt = new EnvironmentClass(JSON.parse(JSON.stringify(envs)));
    expect(rebuilt.policyValues).toEqual(envs.policyValues);
    expect(rebuilt.logTransition).toEqual(envs.logTransition);
    expect(rebuilt.prior).toEqual(envs.prior);
    const elsewhere = RlhfIds.fromJSON(JSON.parse(JSON.stringify(ids.toJSON())), rebuilt);
    expect(Array.from(elsewhere.plan(createRng(1)))).toEqual(Array.from(ids.plan(createRng(1))));
  });

  it('a token tree travels as JSON', () => {
    const tree = randomTokenTree(createRng(5), 3, 3);
    const back = new TokenTree(JSON.parse(JSON.stringify(tree)));
    expect(back.reference).toEqual(tree.reference);
    expect(back.reward).toEqual(tree.reward);
    expect([back.vocabulary, back.length]).toEqual([3, 3]);
  });

  it('rejects malformed states, naming the field', () => {
    const state = new Ucbvi({ states: 2, actions: 2, horizon: 2 }).toJSON();
    expect(() => Ucbvi.fromJSON({ ...state, type: 'Psrl' })).toThrow(/state.type must be 'Ucbvi'/);
    expect(() => Ucbvi.fromJSON({ ...state, version: 2 })).toThrow(/version must be 1/);
    expect(() =>
      Ucbvi.fromJSON({ ...state, stats: { ...state.stats, visits: [1, 0, 0, 0] } }),
    ).toThrow(/transitions of row 0 sum to 0, not its 1 visits/);
    expect(() =>
      Ucbvi.fromJSON({ ...state, stats: { ...state.stats, visits: [-1, 0, 0, 0] } }),
    ).toThrow(
      /^Ucbvi.fromJSON: state.stats.visits\[0\] must be an integer in \[0, Infinity\], got -1/,
    );
    expect(() => Ucbvi.fromJSON({ ...state, params: { ...state.params, horizon: 0 } })).toThrow(
      /horizon/,
    );
    const c = new CascadingVi({ states: 1, items: 2, maxLength: 1, horizon: 1 }).toJSON();
    expect(() =>
      CascadingVi.fromJSON({ ...c, stats: { ...c.stats, clicks: [1, 0], examined: [0, 0] } }),
    ).toThrow(/clicks\[0\] exceeds/);
    const envs = randomEnvironmentClass(createRng(3), {
      states: 2,
      actions: 2,
      horizon: 2,
      size: 4,
    });
    const other = randomEnvironmentClass(createRng(3), {
      states: 2,
      actions: 2,
      horizon: 2,
      size: 3,
    });
    expect(() => RlhfIds.fromJSON(new RlhfIds(envs).toJSON(), other)).toThrow(
      /class of 4 environments, not 3/,
    );
  });
});

describe('learners read untrusted rewards', () => {
  it('a reward given as a string is rejected and leaves the state as it was', async () => {
    const { Psrl } = await import('./Psrl.ts');
    const { Ucbvi } = await import('./Ucbvi.ts');
    const { Ucrl2 } = await import('./Ucrl2.ts');
    const bad = [{ state: 0, action: 0, reward: '0.5' as unknown as number, next: 1 }];
    for (const learner of [
      new Psrl({ states: 2, actions: 2, horizon: 3 }),
      new Ucbvi({ states: 2, actions: 2, horizon: 3 }),
    ]) {
      const before = JSON.stringify(learner.toJSON());
      expect(() => learner.observe(bad)).toThrow(
        /transition 0 reward must be in \[0, 1\], got "0.5"/,
      );
      expect(() => learner.observe(null as never)).toThrow(TypeError);
      expect(JSON.stringify(learner.toJSON())).toBe(before);
    }
    const u = new Ucrl2({ states: 2, actions: 2 });
    const before = JSON.stringify(u.toJSON());
    expect(() => u.observe(0, 0, '1' as unknown as number, 1)).toThrow(/Ucrl2.observe/);
    expect(JSON.stringify(u.toJSON())).toBe(before);
  });
});
