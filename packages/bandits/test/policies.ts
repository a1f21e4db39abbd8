import { Exp3 } from '../src/adversarial/Exp3.ts';
import { BetaThompsonSampling } from '../src/bayesian/BetaThompsonSampling.ts';
import { GaussianThompsonSampling } from '../src/bayesian/GaussianThompsonSampling.ts';
import { InformationDirectedSampling } from '../src/bayesian/InformationDirectedSampling.ts';
import { NormalGammaThompsonSampling } from '../src/bayesian/NormalGammaThompsonSampling.ts';
import type { BanditPolicy, PolicyState } from '../src/core/BanditPolicy.ts';
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
  readonly restore: (state: PolicyState) => BanditPolicy;
  /** Whether select's randomness goes beyond tie-breaking. */
  readonly randomized: boolean;
}

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
    make: (k) => new KlUcb(k, { family: 'gaussian', sigma: 0.5 }),
    restore: KlUcb.fromJSON,
    randomized: false,
  },
  { name: 'UcbV', make: (k) => new UcbV(k), restore: UcbV.fromJSON, randomized: false },
  {
    name: 'Moss',
    make: (k) => new Moss(k, { horizon: 500 }),
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
    name: 'Exp3 (horizon)',
    make: (k) => new Exp3(k, { horizon: 1000 }),
    restore: Exp3.fromJSON,
    randomized: true,
  },
];
