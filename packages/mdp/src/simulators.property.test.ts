import { createRng } from '@x/linalg';
import { mergeRuns, type RunResult } from '@x/linalg/experiment';
import { describeRunRanges, type RunRangeCase } from '../../../test/runRanges.ts';
import { CascadingProblem } from './cascading/CascadingProblem.ts';
import { CascadingVi } from './cascading/CascadingVi.ts';
import { simulateCascadingMdp } from './cascading/simulateCascadingMdp.ts';
import { garnet } from './generators/garnet.ts';
import { riverSwim } from './generators/riverSwim.ts';
import { Psrl } from './learning/Psrl.ts';
import { simulateAverageReward } from './learning/simulateAverageReward.ts';
import { simulateEpisodic } from './learning/simulateEpisodic.ts';
import { Ucbvi } from './learning/Ucbvi.ts';
import { Ucrl2 } from './learning/Ucrl2.ts';
import { EpisodicProblem } from './model/EpisodicProblem.ts';
import { RlhfIds } from './rlhf/RlhfIds.ts';
import { randomEnvironmentClass } from './rlhf/randomEnvironmentClass.ts';
import { simulateRlhf } from './rlhf/simulateRlhf.ts';

const RUNS = 5;
const options = { rounds: 12, checkpoints: [3, 12] };
const episodic = new EpisodicProblem({ mdp: riverSwim(4), horizon: 4, start: 0 });
const cascading = (() => {
  const rng = createRng(7);
  const mdp = garnet(rng, 3, 5, 2);
  const attraction = Array.from({ length: 3 * 4 }, () => 0.6 * rng.nextFloat64());
  return new CascadingProblem({ mdp, attraction, maxLength: 2, horizon: 3, start: 0 });
})();
const envs = randomEnvironmentClass(createRng(1), { states: 3, actions: 2, horizon: 3, size: 6 });

/** Every simulator of the package with each of its learners, over a run range. */
const SIMULATORS: readonly RunRangeCase[] = [
  ...[
    (p: EpisodicProblem) => new Psrl(p),
    (p: EpisodicProblem) => new Ucbvi(p, { rounds: options.rounds }),
    (p: EpisodicProblem) => new Ucbvi(p, { rounds: options.rounds, bonus: 'bernstein' }),
  ].map((make, i) => ({
    name: `simulateEpisodic(${['Psrl', 'Ucbvi', 'Ucbvi bernstein'][i]})`,
    simulate: (firstRun: number, runs: number) =>
      simulateEpisodic(createRng(2), episodic, make, { ...options, firstRun, runs }),
  })),
  {
    name: 'simulateAverageReward(Ucrl2)',
    simulate: (firstRun, runs) =>
      simulateAverageReward(createRng(3), riverSwim(4), (m) => new Ucrl2(m), {
        rounds: 60,
        checkpoints: [10, 60],
        firstRun,
        runs,
      }),
  },
  {
    name: 'simulateCascadingMdp(CascadingVi)',
    simulate: (firstRun, runs) =>
      simulateCascadingMdp(
        createRng(4),
        cascading,
        (p) => new CascadingVi(p, { rounds: options.rounds }),
        { ...options, firstRun, runs },
      ),
  },
  ...(['preference', 'reward'] as const).map((feedback) => ({
    name: `simulateRlhf(RlhfIds, ${feedback})`,
    simulate: (firstRun: number, runs: number) =>
      simulateRlhf(
        createRng(5),
        envs,
        (e) => new RlhfIds(e, { feedback, variant: 'approximate', informationSamples: 4 }),
        { ...options, feedback, firstRun, runs },
      ),
  })),
];

describeRunRanges(SIMULATORS, (parts) => mergeRuns(parts as readonly RunResult<string>[]), RUNS);
