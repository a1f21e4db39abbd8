import { createRng } from '@x/linalg';
import { mergeRuns, type RunResult } from '@x/linalg/experiment';
import { describeRunRanges, type RunRangeCase } from '../../../test/runRanges.ts';
import { asSeen, POLICY_CASES } from '../test/policies.ts';
import { CascadeUcb } from './cascading/CascadeUcb.ts';
import { CascadingBandit } from './cascading/CascadingBandit.ts';
import { simulateCascadingBandit } from './cascading/simulateCascadingBandit.ts';
import { simulateBandit } from './core/simulateBandit.ts';
import { BradleyTerryPosterior } from './dueling/BradleyTerryPosterior.ts';
import { BradleyTerryPreference } from './dueling/BradleyTerryPreference.ts';
import { DoubleThompsonSampling } from './dueling/DoubleThompsonSampling.ts';
import { PreferenceIds } from './dueling/PreferenceIds.ts';
import { simulateDuel } from './dueling/simulateDuel.ts';
import { AlignmentProblem } from './preference/AlignmentProblem.ts';
import { PreferenceOptimizer } from './preference/PreferenceOptimizer.ts';
import { simulateOnlineAlignment } from './preference/simulateOnlineAlignment.ts';
import { BernoulliBandit } from './stochastic/BernoulliBandit.ts';
import { simulateTallying } from './tallying/simulateTallying.ts';
import { TallyingSuccessiveElimination } from './tallying/TallyingSuccessiveElimination.ts';
import { WeightedTallyingBandit } from './tallying/WeightedTallyingBandit.ts';

const RUNS = 6;
const options = { rounds: 40, checkpoints: [7, 20, 40] };
const bernoulli = new BernoulliBandit([0.2, 0.5, 0.6]);
const hypotheses = BradleyTerryPosterior.sampleHypotheses(createRng(99), 4, 30);

/** Every simulator of the package (simulateBandit with every policy), over a run range. */
const SIMULATORS: readonly RunRangeCase[] = [
  ...POLICY_CASES.map((c) => ({
    name: `simulateBandit(${c.name})`,
    simulate: (firstRun: number, runs: number) =>
      simulateBandit(createRng(3), bernoulli, (env) => asSeen(c, c.make(env.arms)), {
        ...options,
        firstRun,
        runs,
      }),
  })),
  ...(['kl-ucb', 'ucb1'] as const).map((index) => ({
    name: `simulateCascadingBandit(${index})`,
    simulate: (firstRun: number, runs: number) =>
      simulateCascadingBandit(
        createRng(4),
        new CascadingBandit([0.5, 0.3, 0.2, 0.1], 2),
        (env) => new CascadeUcb(env.items, env.listLength, { index }),
        { ...options, firstRun, runs },
      ),
  })),
  ...[
    () => new DoubleThompsonSampling(4),
    () => new PreferenceIds(hypotheses, { rounds: options.rounds }),
  ].map((make, i) => ({
    name: `simulateDuel(${i === 0 ? 'DoubleThompsonSampling' : 'PreferenceIds'})`,
    simulate: (firstRun: number, runs: number) =>
      simulateDuel(createRng(5), new BradleyTerryPreference(hypotheses[3]!), make, {
        ...options,
        firstRun,
        runs,
      }),
  })),
  {
    name: 'simulateTallying',
    simulate: (firstRun: number, runs: number) =>
      simulateTallying(
        createRng(6),
        () => new WeightedTallyingBandit([(x) => 0.9 - 0.3 * x, () => 0.5], [1, 0.5, 0.25]),
        (env) => new TallyingSuccessiveElimination(env.arms, { memoryBound: 3, rounds: 40 }),
        { ...options, firstRun, runs },
      ),
  },
  {
    name: 'simulateOnlineAlignment',
    simulate: (firstRun: number, runs: number) =>
      simulateOnlineAlignment(
        createRng(7),
        new AlignmentProblem({ responses: 3, rewards: [0, 1, 2, 1, 0, 0.5] }),
        (p) => new PreferenceOptimizer(p, { loss: 'dpo', beta: 1, learningRate: 0.5 }),
        { ...options, beta: 1, firstRun, runs },
      ),
  },
];

describeRunRanges(SIMULATORS, (parts) => mergeRuns(parts as readonly RunResult<string>[]), RUNS);
