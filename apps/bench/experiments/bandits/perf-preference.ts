import { AlignmentProblem, PreferenceOptimizer, preferenceDataset } from '@x/bandits';
import { definePerf } from '../../src/Experiment.ts';
import { comparePerf, formatRate, perfTable } from '../../src/perf.ts';

const PROMPTS = 10;
const K = 1000;
const PAIRS = 100_000;
/** The slower cases are timed on the first pairs only: their rates are per pair. */
const SUBSET = 5000;
/** The target: a DPO epoch over 100,000 pairs at K = 1,000 well under a second. */
const TARGET_SECONDS = 1;

let sink = 0;

export const experiment = definePerf({
  id: 'bandits/perf-preference',
  package: '@x/bandits',
  title: 'Preference optimisation: a DPO epoch over 100,000 pairs at K = 1,000',
  source: {
    title:
      'The preference-optimisation issue: updates O(K) per sample with no allocation; a DPO epoch over 100,000 pairs at K = 1,000 well under a second',
  },
  claim: `PreferenceOptimizer.update takes DPO steps in O(1) (RPO in O(K)) without allocating; an epoch over ${PAIRS} pairs (${PROMPTS} prompts, K = ${K}) is timed against the obvious implementation that recomputes the row's log-softmax as number[] for every pair.`,
  async run(rng, scale) {
    const problem = new AlignmentProblem({
      responses: K,
      rewards: Float64Array.from({ length: PROMPTS * K }, () => 3 * rng.nextFloat64()),
    });
    const data = preferenceDataset(rng.split(), problem, { pairs: PAIRS });
    const epoch = (learner: PreferenceOptimizer, pairs: number) => () => {
      for (let i = 0; i < pairs; i++)
        learner.update(data.prompt[i]!, data.chosen[i]!, data.rejected[i]!);
      sink += learner.updates;
    };
    // The obvious version: logits as number[][], log pi of both responses from a fresh
    // log-softmax of the row for every pair.
    const logits: number[][] = Array.from({ length: PROMPTS }, () =>
      new Array(K).fill(-Math.log(K)),
    );
    const naive = () => {
      const beta = 0.1;
      for (let i = 0; i < SUBSET; i++) {
        const row = logits[data.prompt[i]!]!;
        const max = Math.max(...row);
        const lse = max + Math.log(row.map((z) => Math.exp(z - max)).reduce((a, b) => a + b, 0));
        const logPi = row.map((z) => z - lse);
        const w = data.chosen[i]!;
        const l = data.rejected[i]!;
        const h = logPi[w]! - logPi[l]!;
        const g = beta / (1 + Math.exp(beta * h));
        row[w] = row[w]! + 0.1 * g;
        row[l] = row[l]! - 0.1 * g;
      }
      sink += logits[0]![0]!;
    };
    const perf = await comparePerf(
      { name: 'naive DPO (number[] rows, log-softmax per pair)', fn: naive, opsPerCall: SUBSET },
      [
        {
          name: '@x/bandits PreferenceOptimizer DPO update',
          fn: epoch(new PreferenceOptimizer(problem, { loss: 'dpo', beta: 0.1 }), PAIRS),
          opsPerCall: PAIRS,
        },
        {
          name: '@x/bandits PreferenceOptimizer RPO update (O(K) SFT term)',
          fn: epoch(
            new PreferenceOptimizer(problem, { loss: 'rpo', beta: 0.1, sftWeight: 0.1 }),
            SUBSET,
          ),
          opsPerCall: SUBSET,
        },
      ],
      scale,
      { iterations: scale === 'full' ? 10 : 2 },
    );
    const seconds = PAIRS / perf[1]!.opsPerSecond;
    return {
      metrics: {
        'DPO epoch, seconds': seconds,
        'RPO epoch, seconds': PAIRS / perf[2]!.opsPerSecond,
        'DPO x naive': perf[1]!.speedupOverBaseline,
        sink: Number.isFinite(sink) ? 0 : 1,
      },
      table: perfTable(perf),
      plots: [],
      verdict: {
        holds: null,
        summary: `DPO epoch ${seconds.toFixed(4)} s (${formatRate(perf[1]!.opsPerSecond)} pairs; target under ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'not met'}), ${perf[1]!.speedupOverBaseline.toFixed(0)}x the naive version; RPO epoch ${(PAIRS / perf[2]!.opsPerSecond).toFixed(3)} s`,
      },
    };
  },
});
