import { createRng, type Rng, sampleBernoulli, sampleCategorical } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { EpsilonGreedy } from '../stochastic/EpsilonGreedy.ts';
import { doublyRobustEstimate } from './doublyRobustEstimate.ts';
import { ipsEstimate } from './ipsEstimate.ts';
import type { LoggedBanditData } from './LoggedBanditData.ts';

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
  it('claim: IPS and DR are unbiased and their 95% intervals cover the true value about 95% of the time', () => {
    const rng = createRng(21);
    const m = 300;
    let ipsCovered = 0;
    let drCovered = 0;
    let ipsSum = 0;
    let drSum = 0;
    let ipsSe = 0;
    let drSe = 0;
    const wrongModel = [0.5, 0.5, 0.5]; // DR stays unbiased with a wrong reward model
    for (let k = 0; k < m; k++) {
      const d = logData(rng, 400);
      const ips = ipsEstimate(d, targetOf(d));
      const dr = doublyRobustEstimate(
        d,
        Array.from({ length: 400 }, () => TARGET),
        Array.from({ length: 400 }, () => wrongModel),
      );
      ipsSum += ips.value;
      drSum += dr.value;
      ipsSe += ips.standardError / m;
      drSe += dr.standardError / m;
      if (ips.ci[0] <= VALUE && VALUE <= ips.ci[1]) ipsCovered++;
      if (dr.ci[0] <= VALUE && VALUE <= dr.ci[1]) drCovered++;
    }
    // The mean of m independent estimates has standard deviation (typical se) / sqrt(m).
    expect(Math.abs(ipsSum / m - VALUE)).toBeLessThan((4 * ipsSe) / Math.sqrt(m));
    expect(Math.abs(drSum / m - VALUE)).toBeLessThan((4 * drSe) / Math.sqrt(m));
    const sd = Math.sqrt(m * 0.95 * 0.05);
    for (const covered of [ipsCovered, drCovered])
      expect(Math.abs(covered - 0.95 * m)).toBeLessThan(4 * sd);
  });
});
