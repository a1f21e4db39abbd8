import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { MAX_LOSS_ESTIMATE } from './cappedLossEstimate.ts';
import { Exp3 } from './Exp3.ts';
import { Exp4 } from './Exp4.ts';

const isDistribution = (p: Float64Array) => {
  let s = 0;
  for (const x of p) {
    if (!(x >= 0 && x <= 1)) return false;
    s += x;
  }
  return Math.abs(s - 1) < 1e-12;
};

describe('EXP3 and EXP4 loss estimates stay finite', () => {
  it('EXP3: five zero rewards on one of three arms, without a propensity', () => {
    const p = new Exp3(3);
    for (let i = 0; i < 5; i++) p.update(0, 0);
    const probs = p.actionProbabilities(createRng(1));
    expect(isDistribution(probs)).toBe(true);
    expect(probs[0]).toBe(0);
    const q = Exp3.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(q.select(createRng(2))).toBe(p.select(createRng(2)));
  });

  it('EXP4: an arm no weighty expert recommends, charged repeatedly', () => {
    const advice = [1, 0, 0.5, 0.5];
    const p = new Exp4(2, 2);
    for (let i = 0; i < 50; i++) p.update(1, 0, { context: advice, propensity: Number.MIN_VALUE });
    const probs = p.actionProbabilities(createRng(1), { context: advice });
    expect(isDistribution(probs)).toBe(true);
    const state = p.toJSON();
    for (const v of state.stats['estimatedLosses'] as number[])
      expect(Number.isFinite(v)).toBe(true);
    expect(() => Exp4.fromJSON(JSON.parse(JSON.stringify(state)))).not.toThrow();
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.nat({ max: 3 })), fc.constantFrom(0, 0.5, 1)), {
        minLength: 1,
        maxLength: 3000,
      }),
      fc.boolean(),
    ],
    { seed: 7, numRuns: 30 },
  )('long adversarial update sequences keep a distribution and a restorable state', (h, ix) => {
    const p = new Exp3(4, { implicitExploration: ix });
    for (const [a, r] of h) p.update(a, r);
    expect(isDistribution(p.actionProbabilities(createRng(0)))).toBe(true);
    const losses = p.toJSON().stats['estimatedLosses'] as number[];
    // No round adds more than the cap.
    for (const v of losses) expect(v).toBeLessThanOrEqual(h.length * MAX_LOSS_ESTIMATE);
    const q = Exp3.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(q.toJSON()).toEqual(p.toJSON());
  });
});

describe('accepted updates keep every policy finite', () => {
  it('a reward near 1e308 is rejected before the sum of squares overflows, leaving the state as it was', async () => {
    const { GaussianThompsonSampling, LinUcb } = await import('../index.ts');
    const p = new GaussianThompsonSampling(2);
    p.update(0, 1);
    const before = JSON.stringify(p.toJSON());
    expect(() => p.update(1, 1e200)).toThrow(
      /GaussianThompsonSampling.update: reward 1e\+200 of arm 1 would overflow/,
    );
    expect(() => p.updateMany([1, 1], [1e154, 1e154])).toThrow(RangeError);
    expect(JSON.stringify(p.toJSON())).toBe(before);
    const l = new LinUcb(2, 2);
    expect(() => l.update(0, 1, { context: [1e160, 0] })).toThrow(
      /LinUcb.update: the context or reward is too large/,
    );
    l.update(0, 1, { context: [1, 0] });
    expect(() => LinUcb.fromJSON(JSON.parse(JSON.stringify(l.toJSON())))).not.toThrow();
  });
});

describe('tallying learners read untrusted rewards', () => {
  it('a reward given as a string is a TypeError and changes nothing', async () => {
    const { TallyingSuccessiveElimination } = await import('../index.ts');
    const l = new TallyingSuccessiveElimination(2, { rounds: 20, memoryBound: 1 });
    const arm = l.select(createRng(1));
    const before = JSON.stringify(l.toJSON());
    expect(() => l.update(arm, '0.5' as unknown as number)).toThrow(
      /TallyingSuccessiveElimination.update: reward must be a number, got "0.5"/,
    );
    expect(JSON.stringify(l.toJSON())).toBe(before);
  });
});
