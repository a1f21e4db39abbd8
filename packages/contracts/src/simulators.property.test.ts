import { createRng } from '@x/linalg';
import { mergeRuns, type RunResult } from '@x/linalg/experiment';
import { describeRunRanges, type RunRangeCase } from '../../../test/runRanges.ts';
import { workChain } from '../test/pamdps.ts';
import { BisectionContractLearner } from './online/BisectionContractLearner.ts';
import { LinearContractLearner } from './online/LinearContractLearner.ts';
import { simulateContractLearning } from './online/simulateContractLearning.ts';
import { ContractProblem } from './single/ContractProblem.ts';

const RUNS = 6;
const problem = new ContractProblem({
  outcomes: [
    [0.9, 0.1],
    [0.2, 0.8],
  ],
  costs: [0, 1],
  rewards: [0, 10],
});

/** Every simulator of the package, over a run range. */
const SIMULATORS: readonly RunRangeCase[] = [
  {
    name: 'simulateContractLearning',
    simulate: (firstRun: number, runs: number) =>
      simulateContractLearning(
        createRng(3),
        problem,
        () => new LinearContractLearner({ rounds: 40, rewardMax: 10 }),
        { rounds: 40, checkpoints: [7, 20, 40], firstRun, runs },
      ),
  },
  {
    name: 'simulateContractLearning (episodes of a principal-agent MDP)',
    simulate: (firstRun: number, runs: number) =>
      simulateContractLearning(
        createRng(4),
        workChain(3),
        () => new BisectionContractLearner({ rounds: 60, rewardMax: 3, samplesPerProbe: 5 }),
        { rounds: 60, checkpoints: [9, 30, 60], firstRun, runs },
      ),
  },
];

describeRunRanges(SIMULATORS, (parts) => mergeRuns(parts as readonly RunResult<string>[]), RUNS);
