import { createRng, type Rng } from '@x/linalg';
import type { RunResult } from '@x/linalg/experiment';
import { CascadingProblem } from '../src/cascading/CascadingProblem.ts';
import { CascadingVi } from '../src/cascading/CascadingVi.ts';
import { simulateCascadingMdp } from '../src/cascading/simulateCascadingMdp.ts';
import { learnerFromJSON } from '../src/learning/learnerFromJSON.ts';
import { Psrl } from '../src/learning/Psrl.ts';
import { simulateAverageReward } from '../src/learning/simulateAverageReward.ts';
import { simulateEpisodic } from '../src/learning/simulateEpisodic.ts';
import { Ucbvi } from '../src/learning/Ucbvi.ts';
import { Ucrl2 } from '../src/learning/Ucrl2.ts';
import { EpisodicProblem } from '../src/model/EpisodicProblem.ts';
import { Mdp } from '../src/model/Mdp.ts';
import { RlhfIds } from '../src/rlhf/RlhfIds.ts';
import { randomEnvironmentClass } from '../src/rlhf/randomEnvironmentClass.ts';
import { simulateRlhf } from '../src/rlhf/simulateRlhf.ts';

/** A stored learner state, as every learner of the package writes it. */
export interface State {
  readonly type: string;
  readonly version: number;
  readonly params: Record<string, unknown>;
  readonly stats: Record<string, unknown>;
}

/** A learner of the package as the contract sees it. */
export interface Learner {
  toJSON(): State;
}

/** The rounds of one run, and where its regret is recorded (default: at the end). */
export interface PlayOptions {
  readonly rounds: number;
  readonly checkpoints?: readonly number[];
}

/** One learner of the package on a small problem of its family, with its simulator. */
export interface LearnerCase {
  readonly name: string;
  /** The class name every message of the learner starts with. */
  readonly type: string;
  readonly make: () => Learner;
  readonly restore: (state: unknown) => Learner;
  /** `learnerFromJSON` with whatever context the learner needs. */
  readonly restoreAny: (state: unknown) => Learner;
  /** Plays one run of the family's simulator with this learner, from `rng`. */
  readonly play: (rng: Rng, learner: Learner, options: PlayOptions) => RunResult<'regret'>;
  /** The learner's next decision (a plan or an action), checked for shape and range. */
  readonly decide: (rng: Rng, learner: Learner) => unknown;
  /** Calls the learner must reject: each with what it is. */
  readonly bad: readonly (readonly [string, (learner: Learner) => unknown])[];
  /** Rounds after which the learner must act optimally on the family's problem. */
  readonly learnsWithin: number;
  /** The most regret one round can cost: H for an episode, 1 for a step (rewards in [0, 1]). */
  readonly maxRoundRegret: number;
}

/** Each state's action 1 pays 0.9 and action 0 pays 0.1 on average; both move alike. */
export const dominant = (() => {
  const S = 3;
  const transition = new Float64Array(S * 2 * S);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < 2; a++) {
      transition[(s * 2 + a) * S + ((s + 1) % S)] = 0.7;
      transition[(s * 2 + a) * S + s] = 0.3;
    }
  const reward = Array.from({ length: S * 2 }, (_, i) => (i % 2 === 1 ? 0.9 : 0.1));
  return Mdp.fromTables(S, 2, transition, reward);
})();
const episodic = new EpisodicProblem({ mdp: dominant, horizon: 3, start: 0 });

/** Items 0 and 1 are attractive and lead to reward; the rest rarely are. */
const cascading = (() => {
  const S = 2;
  const N = 4;
  const transition = new Float64Array(S * (N + 1) * S).fill(0.5);
  const reward = Array.from({ length: S * (N + 1) }, (_, i) => (i % (N + 1) < 2 ? 0.9 : 0.1));
  const mdp = Mdp.fromTables(S, N + 1, transition, reward);
  const attraction = Array.from({ length: S * N }, (_, i) => (i % N < 2 ? 0.6 : 0.05));
  return new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 2, start: 0 });
})();

const envs = randomEnvironmentClass(createRng(3), {
  states: 2,
  actions: 2,
  horizon: 2,
  size: 4,
  spread: 1,
});

const episode = (state: number, action: number, reward: number, next: number) => ({
  state,
  action,
  reward,
  next,
});

/** The bad calls every episodic learner (S = 3, A = 2, H = 3) must reject. */
const episodicBad: LearnerCase['bad'] = [
  ['an action out of range', (l) => (l as Psrl).observe([episode(0, 2, 1, 1)])],
  ['a state out of range', (l) => (l as Psrl).observe([episode(3, 0, 1, 1)])],
  ['a next state out of range', (l) => (l as Psrl).observe([episode(0, 0, 1, -1)])],
  ['a reward outside [0, 1]', (l) => (l as Psrl).observe([episode(0, 0, 1.5, 1)])],
  ['a reward that is a string', (l) => (l as Psrl).observe([episode(0, 0, '1' as never, 1)])],
  ['an episode longer than H', (l) => (l as Psrl).observe(Array(4).fill(episode(0, 0, 1, 0)))],
  ['an episode that is not an array', (l) => (l as Psrl).observe(null as never)],
  ['a generator that is not one', (l) => (l as Psrl).plan({} as never)],
];

const episodicCase = (name: string, make: () => Psrl | Ucbvi, restore: (s: unknown) => Learner) =>
  ({
    name,
    type: make().toJSON().type,
    make,
    restore,
    restoreAny: (s) => learnerFromJSON(s),
    play: (rng, learner, options) =>
      simulateEpisodic(rng, episodic, () => learner as Psrl, options),
    decide: (rng, learner) => Array.from((learner as Psrl).plan(rng)),
    bad: episodicBad,
    learnsWithin: 400,
    maxRoundRegret: episodic.horizon,
  }) satisfies LearnerCase;

/** Every learner of the package, each on a small problem of its family. */
export const LEARNER_CASES: readonly LearnerCase[] = [
  episodicCase('Psrl', () => new Psrl(episodic), Psrl.fromJSON),
  // The proof's bonus keeps every value at its cap of H for thousands of episodes on any small
  // problem; the contract checks the learning with the bonus scaled down (a practical tuning).
  episodicCase(
    'Ucbvi',
    () => new Ucbvi(episodic, { rounds: 1000, bonusScale: 0.05 }),
    Ucbvi.fromJSON,
  ),
  episodicCase(
    'Ucbvi (Bernstein)',
    () => new Ucbvi(episodic, { rounds: 1000, bonusScale: 0.05, bonus: 'bernstein' }),
    Ucbvi.fromJSON,
  ),
  {
    name: 'Ucrl2',
    type: 'Ucrl2',
    make: () => new Ucrl2(dominant, { confidenceScale: 0.05 }),
    restore: Ucrl2.fromJSON,
    restoreAny: (s) => learnerFromJSON(s),
    play: (rng, learner, options) =>
      simulateAverageReward(rng, dominant, () => learner as Ucrl2, options),
    decide: (_rng, learner) => [0, 1, 2].map((s) => (learner as Ucrl2).act(s)),
    bad: [
      ['an action out of range', (l) => (l as Ucrl2).observe(0, 2, 1, 1)],
      ['a state out of range', (l) => (l as Ucrl2).act(3)],
      ['a next state out of range', (l) => (l as Ucrl2).observe(0, 0, 1, 3)],
      ['a reward outside [0, 1]', (l) => (l as Ucrl2).observe(0, 0, -0.5, 1)],
      ['a reward that is a string', (l) => (l as Ucrl2).observe(0, 0, '1' as never, 1)],
    ],
    learnsWithin: 3000,
    maxRoundRegret: 1,
  },
  {
    name: 'CascadingVi',
    type: 'CascadingVi',
    make: () => new CascadingVi(cascading, { rounds: 1000, bonusScale: 0.05 }),
    restore: CascadingVi.fromJSON,
    restoreAny: (s) => learnerFromJSON(s),
    play: (rng, learner, options) =>
      simulateCascadingMdp(rng, cascading, () => learner as CascadingVi, options),
    decide: (rng, learner) => (learner as CascadingVi).plan(rng).map((l) => Array.from(l)),
    bad: [
      [
        'an item out of range',
        (l) =>
          (l as CascadingVi).observe([{ state: 0, list: [4], clicked: -1, reward: 0, next: 1 }]),
      ],
      [
        'a list longer than maxLength',
        (l) =>
          (l as CascadingVi).observe([
            { state: 0, list: [0, 1, 2], clicked: -1, reward: 0, next: 1 },
          ]),
      ],
      [
        'an item listed twice',
        (l) =>
          (l as CascadingVi).observe([{ state: 0, list: [1, 1], clicked: -1, reward: 0, next: 1 }]),
      ],
      [
        'a click beyond the list',
        (l) =>
          (l as CascadingVi).observe([{ state: 0, list: [0, 1], clicked: 2, reward: 0, next: 1 }]),
      ],
      [
        'a reward outside [0, 1]',
        (l) =>
          (l as CascadingVi).observe([{ state: 0, list: [0], clicked: 0, reward: 2, next: 1 }]),
      ],
      [
        'an episode longer than H',
        (l) =>
          (l as CascadingVi).observe(
            Array(3).fill({ state: 0, list: [0], clicked: 0, reward: 1, next: 0 }),
          ),
      ],
    ],
    learnsWithin: 400,
    maxRoundRegret: cascading.horizon,
  },
  ...(['preference', 'reward'] as const).map(
    (feedback): LearnerCase => ({
      name: `RlhfIds (${feedback})`,
      type: 'RlhfIds',
      make: () => new RlhfIds(envs, { feedback, informationSamples: 8 }),
      restore: (s) => RlhfIds.fromJSON(s, envs),
      restoreAny: (s) => learnerFromJSON(s, { environments: envs }),
      play: (rng, learner, options) =>
        simulateRlhf(rng, envs, () => learner as RlhfIds, { ...options, feedback }),
      decide: (rng, learner) => Array.from((learner as RlhfIds).plan(rng)),
      bad: [
        [
          'a trajectory of the wrong length',
          (l) =>
            (l as RlhfIds).observe(
              feedback === 'preference'
                ? {
                    states: [0, 1],
                    actions: [0],
                    baselineStates: [0, 1, 0],
                    baselineActions: [0, 1],
                    preferred: true,
                  }
                : { states: [0, 1], actions: [0], rewards: [1] },
            ),
        ],
        [
          'an action out of range',
          (l) =>
            (l as RlhfIds).observe(
              feedback === 'preference'
                ? {
                    states: [0, 1, 0],
                    actions: [0, 2],
                    baselineStates: [0, 1, 0],
                    baselineActions: [0, 1],
                    preferred: true,
                  }
                : { states: [0, 1, 0], actions: [0, 2], rewards: [1, 0] },
            ),
        ],
        ['feedback of the other kind', (l) => (l as RlhfIds).observe({} as never)],
      ],
      learnsWithin: 300,
      maxRoundRegret: envs.horizon,
    }),
  ),
];
