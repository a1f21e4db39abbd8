import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { fitRewardMixture } from './fitRewardMixture.ts';
import { maxMinPolicy } from './maxMinPolicy.ts';
import { preferenceDataset } from './preferenceDataset.ts';

describe('fitRewardMixture', () => {
  it('with one group is the Bradley-Terry fit: reward differences recovered from many comparisons', () => {
    const problem = new AlignmentProblem({ responses: 3, rewards: [0, 1, -0.5] });
    const data = preferenceDataset(createRng(1), problem, { pairs: 40_000 });
    const fit = fitRewardMixture(createRng(2), [data], {
      responses: 3,
      groups: 1,
      iterations: 1,
      innerIterations: 3000,
      regularization: 0,
    });
    // The MLE's standard error here is about 0.02.
    expect(fit.rewards[1]! - fit.rewards[0]!).toBeCloseTo(1, 1);
    expect(fit.rewards[2]! - fit.rewards[0]!).toBeCloseTo(-0.5, 1);
    expect(fit.responsibilities[0]).toBe(1);
  });

  it('names the user whose data are bad', () => {
    const good = { prompt: Int32Array.of(0), chosen: Int32Array.of(1), rejected: Int32Array.of(0) };
    const bad = { prompt: Int32Array.of(0), chosen: Int32Array.of(3), rejected: Int32Array.of(0) };
    expect(() => fitRewardMixture(createRng(1), [good, bad], { responses: 3, groups: 2 })).toThrow(
      /^fitRewardMixture: users\[1\]\[0\].chosen must be an integer/,
    );
  });
});

describe('maxMinPolicy', () => {
  it('gives every group the same objective when their optima conflict, and certifies it', () => {
    const a = new AlignmentProblem({ responses: 2, rewards: [1, 0] });
    const b = new AlignmentProblem({ responses: 2, rewards: [0, 1] });
    const fair = maxMinPolicy([a, b], { beta: 0.3, iterations: 4000 });
    expect(fair.objectives[0]).toBeCloseTo(fair.objectives[1]!, 2);
    expect(fair.dualValue).toBeGreaterThanOrEqual(fair.value - 1e-12);
    expect(fair.dualValue - fair.value).toBeLessThan(1e-3);
  });

  it('rejects groups of different shapes or references', () => {
    const a = new AlignmentProblem({ responses: 2, rewards: [1, 0] });
    const b = new AlignmentProblem({ responses: 2, rewards: [0, 1], reference: [0.3, 0.7] });
    expect(() => maxMinPolicy([a, b], { beta: 1 })).toThrow(
      /^maxMinPolicy: groups\[1\] must share the shape, reference and prompt law of groups\[0\]/,
    );
  });
});
