import {
  decodingGap,
  estimateTransferQ,
  randomTokenTree,
  softBackwardInduction,
  TokenTree,
  transferQ,
} from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';
import { slopeOverLengths } from '../../src/regret.ts';

const BUDGETS = { quick: [4, 16, 64, 256], full: [4, 16, 64, 256, 1024, 4096] } as const;
const TRIALS = { quick: 8, full: 40 } as const;
const BETA = 0.05;
const DIRECT = 'direct transfer';
const NORMALISED = 'indirect, self-normalised';
const UNNORMALISED = 'indirect, unnormalised (released code)';
const TQ_GAP = 'Transfer Q* (direct), regularised gap';
const CD_GAP = 'controlled decoding, regularised gap';

const sup = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

interface Trial extends Record<string, number[]> {}

export const experiment = defineClaim<Trial>({
  id: 'mdp/transfer-q-budget',
  package: '@x/mdp',
  title: "Transfer Q*'s estimators with a rollout budget",
  source: {
    title: 'Chakraborty et al., Transfer Q Star: Principled Decoding for LLM Alignment',
    arxiv: '2405.20495',
    where:
      'direct and indirect transfer, as in the released code (rollouts from the baseline after each candidate)',
  },
  claim: `On random token trees (V = 3, L = 4, beta = ${BETA}), with n rollouts per candidate token: the sup-norm error of the direct estimator falls with log-log slope near -1/2 (within 0.2), the self-normalised indirect estimator converges too while the released code's unnormalised weights do not, and decoding with the direct estimate (alpha = 1/beta) has a smaller mean regularised gap than controlled decoding with the same budget at every n.`,
  trials: (scale) => TRIALS[scale],
  trial(rng, scale) {
    const tree = randomTokenTree(rng.split(), 3, 4);
    const aligned = softBackwardInduction(tree, BETA).policy;
    const exact = transferQ(tree, aligned);
    // A baseline aligned with the same beta to a reward within 0.3 of the target.
    const other = Float64Array.from(tree.reward, (r) => r + 0.6 * rng.nextFloat64() - 0.3);
    const baseline = softBackwardInduction(
      new TokenTree({ vocabulary: 3, length: 4, reference: tree.reference, reward: other }),
      BETA,
    ).policy;
    const out: Record<string, number[]> = {
      [DIRECT]: [],
      [NORMALISED]: [],
      [UNNORMALISED]: [],
      [TQ_GAP]: [],
      [CD_GAP]: [],
    };
    for (const n of BUDGETS[scale]) {
      const direct = estimateTransferQ(rng.split(), tree, aligned, { rollouts: n });
      out[DIRECT]!.push(sup(direct, exact));
      for (const [name, weighting] of [
        [NORMALISED, 'self-normalised'],
        [UNNORMALISED, 'unnormalised'],
      ] as const)
        out[name]!.push(
          sup(
            estimateTransferQ(rng.split(), tree, baseline, {
              rollouts: n,
              baselineReward: other,
              beta: BETA,
              weighting,
            }),
            exact,
          ),
        );
      const controlled = estimateTransferQ(rng.split(), tree, tree.reference, { rollouts: n });
      out[TQ_GAP]!.push(decodingGap(tree, direct, 1 / BETA, BETA).regularizedGap);
      out[CD_GAP]!.push(decodingGap(tree, controlled, 1 / BETA, BETA).regularizedGap);
    }
    return out;
  },
  summarize(trials, scale) {
    const n = [...BUDGETS[scale]];
    const direct = slopeOverLengths(trials, [DIRECT], n, -0.5, 0.2);
    const reported = slopeOverLengths(
      trials,
      [NORMALISED, UNNORMALISED],
      n,
      -0.5,
      Number.POSITIVE_INFINITY,
    );
    const gaps = slopeOverLengths(trials, [TQ_GAP, CD_GAP], n, 0, Number.POSITIVE_INFINITY);
    const mean = (name: string, i: number) =>
      trials.reduce((a, t) => a + t[name]![i]!, 0) / trials.length;
    const better = n.every((_, i) => mean(TQ_GAP, i) < mean(CD_GAP, i));
    const last = n.length - 1;
    const holds = direct.holds && better && mean(UNNORMALISED, last) > mean(NORMALISED, last);
    return {
      metrics: {
        ...direct.metrics,
        ...reported.metrics,
        [`TQ* gap at n = ${n.at(-1)}`]: mean(TQ_GAP, last),
        [`CD gap at n = ${n.at(-1)}`]: mean(CD_GAP, last),
      },
      plots: [
        {
          title: 'Sup-norm error of the Q estimates against the budget (mean over trees, 95% band)',
          xLabel: 'rollouts per candidate',
          yLabel: '||Q_hat - Q*||',
          xScale: 'log',
          yScale: 'log',
          series: [...direct.series, ...reported.series],
        },
        {
          title: 'Regularised gap of decoding with the estimates (alpha = 1/beta)',
          xLabel: 'rollouts per candidate',
          yLabel: 'beta KL(pi || rho*)',
          xScale: 'log',
          yScale: 'log',
          series: gaps.series,
        },
      ],
      verdict: {
        holds,
        summary: `${direct.parts.join('; ')} (claim -1/2 within 0.2); ${reported.parts.join('; ')}; Transfer Q* below controlled decoding at every budget: ${better ? 'yes' : 'no'} (at n = ${n.at(-1)}: ${mean(TQ_GAP, last).toFixed(4)} vs ${mean(CD_GAP, last).toFixed(4)})`,
      },
    };
  },
});
