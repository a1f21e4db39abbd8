import { createRng, type Rng, sampleBernoulli, sampleCategorical } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { EpsilonGreedy } from '../stochastic/EpsilonGreedy.ts';
import { doublyRobustEstimate } from './doublyRobustEstimate.ts';
import { ipsEstimate } from './ipsEstimate.ts';
import type { LoggedBanditData } from './LoggedBanditData.ts';
import { snipsEstimate } from './snipsEstimate.ts';

const MEANS = [0.2, 0.5, 0.8];
/** The target policy: arm 2 with probability 0.7, arm 1 with 0.3. Its value is 0.71. */
const TARGET = [0, 0.3, 0.7];
const VALUE = 0.3 * 0.5 + 0.7 * 0.8;

/** n rounds logged by an epsilon-greedy policy (propensities from actionProbabilities). */
function logData(rng: Rng, n: number): LoggedBanditData {
  const logger = new EpsilonGreedy(3, { epsilon: 0.4 });
  logger.updateMany([0, 1, 2], [0.9, 0.1, 0.1]); // greedy on the worst arm: a hard logger
  const probs = logger.actionProbabilities(rng);
  const actions = new Int32Array(n);
  const rewards = new Float64Array(n);
  const propensities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = sampleCategorical(rng, probs);
    actions[i] = a;
    propensities[i] = probs[a]!;
    rewards[i] = sampleBernoulli(rng, MEANS[a]!);
  }
  return { actions, rewards, propensities };
}

const targetOf = (d: LoggedBanditData) =>
  Float64Array.from(d.actions as ArrayLike<number>, (a) => TARGET[a]!);

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
