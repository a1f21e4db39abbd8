import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { garnet } from '../generators/garnet.ts';
import { bestPerm } from './bestPerm.ts';
import { CascadingProblem } from './CascadingProblem.ts';
import { CascadingVi } from './CascadingVi.ts';
import { cascadeListValue } from './cascadeListValue.ts';
import { cascadingBackwardInduction } from './cascadingBackwardInduction.ts';
import { evaluateCascadingPolicy } from './evaluateCascadingPolicy.ts';

describe('bestPerm (cascading RL oracle)', () => {
  it('orders by value, and leaves out items worth less than no click', () => {
    const best = bestPerm([0.5, 0.5, 0.9], [1, 3, -1], 0, 3);
    expect(Array.from(best.list)).toEqual([1, 0]);
    expect(best.value).toBeCloseTo(0.5 * 3 + 0.25 * 1, 15);
  });

  it('shows one item even when every item is worth less than no click: the least harmful one', () => {
    // q (w - w_perp): 0.9 * -1 = -0.9, 0.1 * -3 = -0.3, 0.5 * -1 = -0.5.
    const best = bestPerm([0.9, 0.1, 0.5], [1, -1, 1], 2, 3);
    expect(Array.from(best.list)).toEqual([1]);
    expect(best.value).toBeCloseTo(2 - 0.3, 15);
  });

  it('rejects bad input, naming it', () => {
    expect(() => bestPerm([0.5, 1.5], [1, 2], 0, 1)).toThrow(
      /bestPerm: attraction\[1\] must be in \[0, 1\], got 1.5/,
    );
    expect(() => bestPerm([0.5], [1, 2], 0, 1)).toThrow(/bestPerm: itemValues/);
    expect(() => bestPerm([0.5], [1], Number.NaN, 1)).toThrow(/bestPerm: noClickValue/);
    expect(() => bestPerm([0.5], [1], 0, 0)).toThrow(/bestPerm: maxLength/);
    expect(() => cascadeListValue([0, 0], [0.5], [1], 0)).toThrow(/item 0 appears twice/);
  });
});

describe('cascadingBackwardInduction', () => {
  it('rejects a model without a "no click" action', () => {
    const mdp = garnet(createRng(1), 3, 1, 2);
    expect(() => cascadingBackwardInduction(mdp, [0.5, 0.5, 0.5], 1, 2)).toThrow(
      /at least 2 actions/,
    );
  });
});

function smallProblem(seed: number, S = 3, N = 5, m = 2, H = 3): CascadingProblem {
  const rng = createRng(seed);
  const mdp = garnet(rng, S, N + 1, 2);
  const attraction = Array.from({ length: S * N }, () => 0.6 * rng.nextFloat64());
  return new CascadingProblem({ mdp, attraction, maxLength: m, horizon: H, start: 0 });
}

describe('evaluateCascadingPolicy', () => {
  test.prop([fc.nat()], { seed: 9, numRuns: 20 })(
    'the optimal plan evaluates to its own value, and no single-list policy beats it',
    (seed) => {
      const problem = smallProblem(seed);
      const { mdp, attraction, maxLength, horizon } = problem;
      const plan = cascadingBackwardInduction(mdp, attraction, maxLength, horizon);
      const value = evaluateCascadingPolicy(problem, plan.lists);
      expect(Math.abs(value - plan.values[0]!)).toBeLessThanOrEqual(1e-12 * horizon);
      const fixed = Array.from({ length: horizon * mdp.states }, () => Int32Array.of(seed % 5));
      expect(evaluateCascadingPolicy(problem, fixed)).toBeLessThanOrEqual(value + 1e-12);
    },
  );

  it('rejects lists of the wrong count, length or content', () => {
    const problem = smallProblem(1);
    const ok = Array.from({ length: 9 }, () => Int32Array.of(0));
    expect(() => evaluateCascadingPolicy(problem, ok.slice(1))).toThrow(/H \* S = 9/);
    expect(() =>
      evaluateCascadingPolicy(problem, [Int32Array.of(0, 1, 2), ...ok.slice(1)]),
    ).toThrow(/lists\[0\] must show 1 to 2 items/);
    expect(() => evaluateCascadingPolicy(problem, [Int32Array.of(1, 1), ...ok.slice(1)])).toThrow(
      /shows item 1 twice/,
    );
    expect(() => new CascadingProblem({ ...problem, start: 3 })).toThrow(
      /^CascadingProblem: start/,
    );
    expect(() => evaluateCascadingPolicy({ ...problem } as never, ok)).toThrow(
      /^evaluateCascadingPolicy: problem must be a CascadingProblem/,
    );
  });
});

describe('CascadingVi', () => {
  it('plans valid lists, and a rejected episode leaves its estimates untouched', () => {
    const agent = new CascadingVi({ states: 2, items: 3, maxLength: 2, horizon: 2 });
    const before = agent.plan(createRng(1)).map((l) => Array.from(l));
    for (const l of before) expect(l.length).toBeGreaterThanOrEqual(1);
    const good = { state: 0, list: [0, 1], clicked: 1, reward: 1, next: 1 };
    expect(() => agent.observe([good, { ...good, list: [0, 0] }])).toThrow(
      /episode\[1\].list shows item 0 twice/,
    );
    expect(() => agent.observe([{ ...good, clicked: 2 }])).toThrow(/episode\[0\].clicked/);
    expect(() => agent.observe([{ ...good, reward: 2 }])).toThrow(/episode\[0\].reward/);
    expect(agent.plan(createRng(1)).map((l) => Array.from(l))).toEqual(before);
    // The item shown first in state 0, examined 50 times and never clicked: the plan changes.
    const ignored = { state: 0, list: [before[0]![0]!], clicked: -1, reward: 0, next: 0 };
    for (let k = 0; k < 50; k++) agent.observe([ignored, ignored]);
    expect(agent.plan(createRng(1)).map((l) => Array.from(l))).not.toEqual(before);
    expect(() => new CascadingVi({ states: 2, items: 3, maxLength: 0, horizon: 2 })).toThrow(
      /CascadingVi: maxLength/,
    );
  });
});
