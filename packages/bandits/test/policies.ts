import { Exp3 } from '../src/adversarial/Exp3.ts';
import { Exp4 } from '../src/adversarial/Exp4.ts';
import { BetaThompsonSampling } from '../src/bayesian/BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from '../src/bayesian/GaussianThompsonSampling.ts';
import { InformationDirectedSampling } from '../src/bayesian/InformationDirectedSampling.ts';
import { NormalGammaThompsonSampling } from '../src/bayesian/NormalGammaThompsonSampling.ts';
import { LinearThompsonSampling } from '../src/contextual/LinearThompsonSampling.ts';
import { LinUcb } from '../src/contextual/LinUcb.ts';
import { SquareCb } from '../src/contextual/SquareCb.ts';
import type { BanditPolicy } from '../src/core/BanditPolicy.ts';
import { BayesUcb } from '../src/stochastic/BayesUcb.ts';
import { EpsilonGreedy } from '../src/stochastic/EpsilonGreedy.ts';
import { ExploreFirst } from '../src/stochastic/ExploreFirst.ts';
import { KlUcb } from '../src/stochastic/KlUcb.ts';
import { Moss } from '../src/stochastic/Moss.ts';
import { SuccessiveElimination } from '../src/stochastic/SuccessiveElimination.ts';
import { Ucb1 } from '../src/stochastic/Ucb1.ts';
import { UcbV } from '../src/stochastic/UcbV.ts';

/** Every policy of the package, made fresh with K arms, with its restore function. */
export interface PolicyCase {
  readonly name: string;
  readonly make: (arms: number) => BanditPolicy;
  readonly restore: (state: unknown) => BanditPolicy;
  /** Whether select's randomness goes beyond tie-breaking. */
  readonly randomized: boolean;
  /** The fixed context a contextual policy sees in every call of the suite (see {@link inContext}). */
  readonly context?: (arms: number) => readonly number[];
  /** Whether a fresh policy chooses uniformly (false where the context favours an arm). */
  readonly freshUniform?: false;
  /** Whether the state is the same whatever order the rewards arrive in (false for importance weights and rank-one updates, equal only up to rounding). */
  readonly orderFree?: false;
}

/** A case's policy as the suite sees it: in its fixed context, if it has one. */
export const asSeen = (c: PolicyCase, p: BanditPolicy): BanditPolicy =>
  c.context === undefined ? p : inContext(p, c.context(p.arms));

export const POLICY_CASES: readonly PolicyCase[] = [
  { name: 'Ucb1', make: (k) => new Ucb1(k), restore: Ucb1.fromJSON, randomized: false },
  {
    name: 'KlUcb',
    make: (k) => new KlUcb(k, { c: 3 }),
    restore: KlUcb.fromJSON,
    randomized: false,
  },
  {
    name: 'BetaThompsonSampling',
    make: (k) => new BetaThompsonSampling(k, { alpha: 2, beta: 0.5 }),
    restore: BetaThompsonSampling.fromJSON,
    randomized: true,
  },
  {
    name: 'GaussianThompsonSampling',
    make: (k) => new GaussianThompsonSampling(k, { priorMean: 0.5, priorStd: 2 }),
    restore: GaussianThompsonSampling.fromJSON,
    randomized: true,
  },
  {
    name: 'EpsilonGreedy (fixed)',
    make: (k) => new EpsilonGreedy(k, { epsilon: 0.2 }),
    restore: EpsilonGreedy.fromJSON,
    randomized: true,
  },
  {
    name: 'EpsilonGreedy (decaying)',
    make: (k) => new EpsilonGreedy(k, { decay: { c: 6, d: 0.2 } }),
    restore: EpsilonGreedy.fromJSON,
    randomized: true,
  },
  { name: 'Exp3 (anytime)', make: (k) => new Exp3(k), restore: Exp3.fromJSON, randomized: true },
  {
    name: 'KlUcb (gaussian)',
    make: (k) => new KlUcb(k, { family: 'gaussian', noiseStd: 0.5 }),
    restore: KlUcb.fromJSON,
    randomized: false,
  },
  { name: 'UcbV', make: (k) => new UcbV(k), restore: UcbV.fromJSON, randomized: false },
  {
    name: 'Moss',
    make: (k) => new Moss(k, { rounds: 500 }),
    restore: Moss.fromJSON,
    randomized: false,
  },
  { name: 'BayesUcb', make: (k) => new BayesUcb(k), restore: BayesUcb.fromJSON, randomized: false },
  {
    name: 'ExploreFirst',
    make: (k) => new ExploreFirst(k, { explorationPulls: 3 }),
    restore: ExploreFirst.fromJSON,
    randomized: false,
  },
  {
    name: 'SuccessiveElimination',
    make: (k) => new SuccessiveElimination(k),
    restore: SuccessiveElimination.fromJSON,
    randomized: false,
  },
  {
    name: 'NormalGammaThompsonSampling',
    make: (k) => new NormalGammaThompsonSampling(k),
    restore: NormalGammaThompsonSampling.fromJSON,
    randomized: true,
  },
  {
    name: 'InformationDirectedSampling',
    make: (k) => new InformationDirectedSampling(k, { gridPerArm: 24 }),
    restore: InformationDirectedSampling.fromJSON,
    randomized: true,
  },
  {
    name: 'InformationDirectedSampling (Gaussian)',
    make: (k) =>
      new InformationDirectedSampling(k, { family: 'gaussian', noiseStd: 0.5, gridPerArm: 24 }),
    restore: InformationDirectedSampling.fromJSON,
    randomized: true,
  },
  {
    name: 'Exp3-IX',
    make: (k) => new Exp3(k, { implicitExploration: true }),
    restore: Exp3.fromJSON,
    randomized: true,
  },
  {
    name: 'Exp3 (rounds)',
    make: (k) => new Exp3(k, { rounds: 1000 }),
    restore: Exp3.fromJSON,
    randomized: true,
  },
  // Contextual policies, each seeing one fixed context in every call of the suite.
  {
    name: 'Exp4',
    make: (k) => new Exp4(k, 2),
    restore: Exp4.fromJSON,
    randomized: true,
    context: advice,
    freshUniform: false,
    orderFree: false,
  },
  {
    name: 'LinUcb',
    make: (k) => new LinUcb(k, 2),
    restore: LinUcb.fromJSON,
    randomized: false,
    context: () => [0.3, -0.2],
    orderFree: false,
  },
  {
    name: 'LinearThompsonSampling',
    make: (k) => new LinearThompsonSampling(k, 2, { model: 'disjoint' }),
    restore: LinearThompsonSampling.fromJSON,
    randomized: true,
    context: () => [0.3, -0.2],
    orderFree: false,
  },
  {
    name: 'SquareCb',
    make: (k) => new SquareCb(k, 2),
    restore: SquareCb.fromJSON,
    randomized: true,
    context: features,
    orderFree: false,
  },
];

/** Two experts' advice over k arms: uniform, and mostly arm 0. */
function advice(k: number): number[] {
  return [
    ...Array.from({ length: k }, () => 1 / k),
    ...Array.from({ length: k }, (_, a) => (a === 0 ? 0.6 : 0.4 / (k - 1))),
  ];
}

/** Per-arm features (k x 2) for a shared linear model. */
function features(k: number): number[] {
  return Array.from({ length: 2 * k }, (_, i) => Math.sin(i + 1) / 2);
}

/**
 * A contextual policy seen through the plain BanditPolicy interface, every call made in one
 * fixed context: so the contract suite checks contextual policies too (available arms,
 * propensities, ties, validation and state).
 */
export function inContext(policy: BanditPolicy, context: readonly number[]): BanditPolicy {
  const withContext = <T extends object | undefined>(o: T) => ({ ...o, context });
  return {
    arms: policy.arms,
    select: (rng, o) => policy.select(rng, withContext(o)),
    selectMany: (rng, count, o) => policy.selectMany(rng, count, withContext(o)),
    selectSlate: (rng, k, o) => policy.selectSlate(rng, k, withContext(o)),
    actionProbabilities: (rng, o) => policy.actionProbabilities(rng, withContext(o)),
    selectWithPropensity: (rng, o) => policy.selectWithPropensity(rng, withContext(o)),
    update: (arm, reward, o) => policy.update(arm, reward, withContext(o)),
    updateMany: (arms, rewards) =>
      policy.updateMany(
        arms,
        rewards,
        Array.from({ length: arms?.length ?? 0 }, () => context),
      ),
    reset: () => policy.reset(),
    mean: (arm) => policy.mean(arm),
    pulls: (arm) => policy.pulls(arm),
    toJSON: () => policy.toJSON(),
  };
}
