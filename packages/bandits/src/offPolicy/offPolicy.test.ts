import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { logData, MEANS, TARGET, targetOf, VALUE } from '../../test/loggedBandit.ts';
import { doublyRobustEstimate } from './doublyRobustEstimate.ts';
import { ipsEstimate } from './ipsEstimate.ts';
import { snipsEstimate } from './snipsEstimate.ts';

describe('off-policy estimators', () => {
  it('DR with the true reward model has smaller error than IPS', () => {
    const rng = createRng(22);
    let ipsSq = 0;
    let drSq = 0;
    for (let k = 0; k < 100; k++) {
      const d = logData(rng, 300);
      ipsSq += (ipsEstimate(d, targetOf(d)).value - VALUE) ** 2;
      drSq +=
        (doublyRobustEstimate(
          d,
          Array.from({ length: 300 }, () => TARGET),
          Array.from({ length: 300 }, () => MEANS),
        ).value -
          VALUE) **
        2;
    }
    expect(drSq).toBeLessThan(ipsSq);
  });

  it('SNIPS stays in the reward range and equals the sample mean when target = logger', () => {
    const d = logData(createRng(23), 200);
    const s = snipsEstimate(d, targetOf(d));
    expect(s.value).toBeGreaterThanOrEqual(0);
    expect(s.value).toBeLessThanOrEqual(1);
    const same = snipsEstimate(d, d.propensities);
    const mean = Array.from(d.rewards as ArrayLike<number>).reduce((a, b) => a + b, 0) / 200;
    expect(same.value).toBeCloseTo(mean, 14);
    expect(same.effectiveSampleSize).toBeCloseTo(200, 10);
  });

  it('rejects bad logs with clear errors', () => {
    const d = { actions: [0, 1], rewards: [1, 0], propensities: [0.5, 0.5] };
    expect(() => ipsEstimate(d, [1])).toThrow(/target must have length 2/);
    expect(() => ipsEstimate({ ...d, propensities: [0.5, 0] }, [1, 0])).toThrow(
      /propensities\[1\] must be in \(0, 1\], got 0/,
    );
    expect(() => ipsEstimate({ ...d, rewards: [1, Number.NaN] }, [1, 0])).toThrow(
      /rewards\[1\] must be finite/,
    );
    expect(() => ipsEstimate({ ...d, actions: [0, 1.5] }, [1, 0])).toThrow(
      /actions\[1\] must be a non-negative integer/,
    );
    expect(() => snipsEstimate(d, [0, 0])).toThrow(/probability 0 to every logged action/);
    expect(() =>
      doublyRobustEstimate(
        d,
        [
          [0.5, 0.6],
          [1, 0],
        ],
        [
          [0, 0],
          [0, 0],
        ],
      ),
    ).toThrow(/must sum to 1/);
    expect(() => doublyRobustEstimate(d, [[1, 0]], [[0, 0]])).toThrow(TypeError);
  });
});
