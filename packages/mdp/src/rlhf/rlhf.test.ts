import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { sigma, twoEnvironments } from '../../test/rlhfEnvironments.ts';
import { episodicValue } from '../learning/episodicValue.ts';
import { EpisodicProblem } from '../model/EpisodicProblem.ts';
import { Mdp } from '../model/Mdp.ts';
import { backwardInduction } from '../planning/backwardInduction.ts';
import { EnvironmentClass } from './EnvironmentClass.ts';
import { RlhfIds } from './RlhfIds.ts';
import { randomEnvironmentClass } from './randomEnvironmentClass.ts';
import { environmentDistance, surrogateCells } from './surrogateCells.ts';

describe('EnvironmentClass', () => {
  it('precomputes each optimal policy and its value in every environment', () => {
    const envs = randomEnvironmentClass(createRng(1), {
      states: 3,
      actions: 2,
      horizon: 3,
      size: 5,
    });
    for (let i = 0; i < 5; i++) {
      const best = backwardInduction(envs.environments[i]!, 3).values[0]!;
      expect(envs.policyValues[i * 5 + i]).toBeCloseTo(best, 12);
      for (let j = 0; j < 5; j++)
        expect(envs.policyValues[i * 5 + j]).toBeLessThanOrEqual(best + 1e-12);
      expect(
        episodicValue(
          new EpisodicProblem({ mdp: envs.environments[i]!, horizon: 3, start: 0 }),
          envs.optimalPolicies[i]!,
        ),
      ).toBeCloseTo(best, 12);
    }
  });

  it('rejects mismatched environments, rewards outside [0, 1] and bad priors or baselines', () => {
    const a = Mdp.fromDense([[[1]]], [[0.5]]);
    const b = Mdp.fromDense([[[1], [1]]], [[0.5, 0.5]]);
    expect(() => new EnvironmentClass({ environments: [a, b], horizon: 2 })).toThrow(
      /environment 1 has 1 states and 2 actions/,
    );
    expect(
      () => new EnvironmentClass({ environments: [Mdp.fromDense([[[1]]], [[1.5]])], horizon: 2 }),
    ).toThrow(/environment 0 reward at state 0, action 0 must be in \[0, 1\]/);
    expect(() => new EnvironmentClass({ environments: [a], prior: [-1], horizon: 2 })).toThrow(
      /prior/,
    );
    expect(
      () => new EnvironmentClass({ environments: [a], horizon: 2, baseline: [0.5, 0.5] }),
    ).toThrow(/baseline/);
    expect(() => new EnvironmentClass({ environments: [], horizon: 2 })).toThrow(/at least one/);
  });
});

describe('surrogateCells', () => {
  test.prop([fc.nat(), fc.double({ min: 0, max: 2, noNaN: true })], { seed: 6, numRuns: 30 })(
    'every environment is within epsilon of its cell centre, and centres are farther than epsilon apart',
    (seed, epsilon) => {
      const envs = randomEnvironmentClass(createRng(seed), {
        states: 2,
        actions: 2,
        horizon: 2,
        size: 8,
      });
      const { cell, count, centres } = surrogateCells(envs, epsilon);
      expect(centres.length).toBe(count);
      for (let i = 0; i < 8; i++) {
        expect(environmentDistance(envs, i, centres[cell[i]!]!)).toBeLessThanOrEqual(epsilon);
        expect(cell[centres[cell[i]!]!]).toBe(cell[i]);
      }
      for (let a = 0; a < count; a++)
        for (let b = 0; b < a; b++)
          expect(environmentDistance(envs, centres[a]!, centres[b]!)).toBeGreaterThan(epsilon);
      expect(surrogateCells(envs, 1e9).count).toBe(1);
    },
  );
});

describe('RlhfIds', () => {
  it('updates the posterior by Bayes rule on the Bradley-Terry likelihood, in log space', () => {
    const envs = twoEnvironments();
    const agent = new RlhfIds(envs);
    const feedback = {
      states: [0, 1, 0],
      actions: [0, 1],
      baselineStates: [0, 0, 1],
      baselineActions: [1, 0],
      preferred: true,
    };
    agent.observe(feedback);
    const like = [0, 1].map((i) => {
      const P = (s: number, a: number, t: number) =>
        Math.exp(envs.logTransition[((i * 2 + s) * 2 + a) * 2 + t]!);
      const r = (s: number, a: number) => envs.reward[(i * 2 + s) * 2 + a]!;
      return (
        P(0, 0, 1) *
        P(1, 1, 0) *
        P(0, 1, 0) *
        P(0, 0, 1) *
        sigma(r(0, 0) + r(1, 1) - r(0, 1) - r(0, 0))
      );
    });
    const z = 0.3 * like[0]! + 0.7 * like[1]!;
    expect(agent.posterior[0]).toBeCloseTo((0.3 * like[0]!) / z, 14);
    // A thousand observations do not underflow: the posterior stays a distribution.
    for (let k = 0; k < 1000; k++) agent.observe(feedback);
    const post = agent.posterior;
    expect(post[0]! + post[1]!).toBeCloseTo(1, 12);
    expect(Number.isFinite(post[0]!)).toBe(true);
  });

  it('plans for more episodes than one generator can split (common random numbers without splits)', () => {
    const envs = twoEnvironments();
    const agent = new RlhfIds(envs, { informationSamples: 1 });
    const rng = createRng(4);
    const first = agent.plan(rng);
    for (let k = 1; k < 70_000; k++) agent.plan(rng);
    expect(first.length).toBe(4);
  });

  it('rejects malformed feedback and impossible feedback, leaving the posterior untouched', () => {
    const envs = twoEnvironments();
    const agent = new RlhfIds(envs);
    const before = agent.posterior;
    const ok = {
      states: [0, 1, 0],
      actions: [0, 1],
      baselineStates: [0, 0, 1],
      baselineActions: [1, 0],
      preferred: true,
    };
    expect(() => agent.observe({ ...ok, states: [1, 1, 0] })).toThrow(
      /states\[0\] must be the start state 0/,
    );
    expect(() => agent.observe({ ...ok, actions: [0] })).toThrow(/actions must have length 2/);
    const { preferred: _, ...noBit } = ok;
    expect(() => agent.observe(noBit)).toThrow(/boolean 'preferred'/);
    expect(() => agent.observe({ ...ok, baselineActions: [0, 2] })).toThrow(/baselineActions\[1\]/);
    const certain = new EnvironmentClass({
      environments: [
        Mdp.fromDense(
          [
            [
              [1, 0],
              [1, 0],
            ],
            [
              [0, 1],
              [0, 1],
            ],
          ],
          [
            [0.5, 0.5],
            [0.5, 0.5],
          ],
        ),
      ],
      horizon: 1,
    });
    const strict = new RlhfIds(certain);
    expect(() =>
      strict.observe({
        states: [0, 1],
        actions: [0],
        baselineStates: [0, 0],
        baselineActions: [0],
        preferred: true,
      }),
    ).toThrow(/probability zero under every environment/);
    expect(Array.from(agent.posterior)).toEqual(Array.from(before));
    const scalar = new RlhfIds(envs, { feedback: 'reward' });
    expect(() => scalar.observe({ states: [0, 1, 0], actions: [0, 1], rewards: [1, 2] })).toThrow(
      /rewards\[1\]/,
    );
    expect(() => new RlhfIds(envs, { variant: 'fast' as 'exact' })).toThrow(/variant/);
    expect(() => new RlhfIds(envs, { informationWeight: -1 })).toThrow(/informationWeight/);
  });
});
