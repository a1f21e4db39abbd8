/** Logged data for the off-policy estimators' tests: a hard epsilon-greedy logger on three Bernoulli arms. */
import { type Rng, sampleBernoulli, sampleCategorical } from '@x/linalg';
import type { LoggedBanditData } from '../src/offPolicy/LoggedBanditData.ts';
import { EpsilonGreedy } from '../src/stochastic/EpsilonGreedy.ts';

export const MEANS = [0.2, 0.5, 0.8];

/** The target policy: arm 2 with probability 0.7, arm 1 with 0.3. Its value is 0.71. */
export const TARGET = [0, 0.3, 0.7];

export const VALUE = 0.3 * 0.5 + 0.7 * 0.8;

/** n rounds logged by an epsilon-greedy policy (propensities from actionProbabilities). */
export function logData(rng: Rng, n: number): LoggedBanditData {
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

export const targetOf = (d: LoggedBanditData) =>
  Float64Array.from(d.actions as ArrayLike<number>, (a) => TARGET[a]!);
