import {
  continuationValue,
  decodingGap,
  randomTokenTree,
  softBackwardInduction,
  TokenTree,
  transferQ,
} from '@x/mdp';
import { defineClaim } from '../../src/Experiment.ts';

const INSTANCES = { quick: 20, full: 100 } as const;
const VOCABULARY = 4;
const LENGTH = 3;
const BETA = 0.05;
/** Deviation parameters as multiples of 1/beta (1 is the paper's choice). */
const ALPHA_MULTIPLES = [0.125, 0.25, 0.5, 1, 2, 4, 8] as const;
const DECODERS = ['controlled decoding', 'TQ* direct', 'TQ* indirect'] as const;
/** Half-width of the uniform noise that separates the baseline reward from the target. */
const BASELINE_NOISE = 0.3;

interface Instance {
  /** gaps[d][k]: regularised gap of decoder d at alpha = ALPHA_MULTIPLES[k] / beta. */
  readonly gaps: number[][];
  readonly kls: number[][];
  /** Largest rewardGap - bound over decoders and alphas (<= 0 when the bound holds). */
  readonly boundSlack: number;
}

export const experiment = defineClaim<Instance[]>({
  id: 'mdp/transfer-q-star',
  package: '@x/mdp',
  title: 'Transfer Q*: decoding with a transferred Q beats controlled decoding',
  source: {
    title: 'Chakraborty et al., Transfer Q Star: Principled Decoding for LLM Alignment',
    arxiv: '2405.20495',
    where: 'Sections 3-4 (TQ*, direct and indirect transfer) and Theorem 1 (gap and KL)',
  },
  claim: `On random token trees (V = ${VOCABULARY}, L = ${LENGTH}, Dirichlet(0.5) reference, uniform rewards, beta = ${BETA}), decoding with Transfer Q* from a baseline aligned to a reward within +-${BASELINE_NOISE} of the target has a smaller regularised suboptimality gap than controlled decoding at alpha = 1/beta; the reward gap never exceeds the bound (1/alpha) E[sum KL(pi*||pi_ref)] + 2L||Q - Q*||; the KL to the reference grows with alpha.`,
  trials: () => 4,
  trial(rng, scale) {
    const out: Instance[] = [];
    for (let t = 0; t < INSTANCES[scale]; t++) {
      const tree = randomTokenTree(rng, VOCABULARY, LENGTH, { concentration: 0.5 });
      const baselineReward = tree.reward.map(
        (r) => r + BASELINE_NOISE * (2 * rng.nextFloat64() - 1),
      );
      const baseline = softBackwardInduction(
        new TokenTree({ ...tree, reward: baselineReward }),
        BETA,
      ).policy;
      const estimates = [
        continuationValue(tree, tree.reference),
        transferQ(tree, baseline),
        transferQ(tree, baseline, { baselineReward, beta: BETA }),
      ];
      let boundSlack = Number.NEGATIVE_INFINITY;
      const gaps = estimates.map(() => [] as number[]);
      const kls = estimates.map(() => [] as number[]);
      estimates.forEach((q, d) => {
        for (const m of ALPHA_MULTIPLES) {
          const gap = decodingGap(tree, q, m / BETA, BETA);
          gaps[d]!.push(gap.regularizedGap);
          kls[d]!.push(gap.klToReference);
          boundSlack = Math.max(boundSlack, gap.rewardGap - gap.bound);
        }
      });
      out.push({ gaps, kls, boundSlack });
    }
    return out;
  },
  summarize(trials) {
    const all = trials.flat();
    const at = ALPHA_MULTIPLES.indexOf(1);
    const mean = (d: number, k: number, key: 'gaps' | 'kls') =>
      all.reduce((acc, i) => acc + i[key][d]![k]!, 0) / all.length;
    const cd = mean(0, at, 'gaps');
    const direct = mean(1, at, 'gaps');
    const indirect = mean(2, at, 'gaps');
    const wins = all.filter((i) => i.gaps[1]![at]! < i.gaps[0]![at]!).length / all.length;
    const slack = Math.max(...all.map((i) => i.boundSlack));
    // KL of the mean over instances, per decoder, must rise with alpha.
    const klMonotone = DECODERS.every((_, d) =>
      ALPHA_MULTIPLES.every((_, k) => k === 0 || mean(d, k, 'kls') >= mean(d, k - 1, 'kls')),
    );
    // The bound is an inequality between sums of at most V^L products: 1e-12 is rounding.
    const holds = direct < cd && indirect <= direct && slack <= 1e-12 && klMonotone;
    const alphas = ALPHA_MULTIPLES.map((m) => m / BETA);
    return {
      metrics: {
        'mean regularised gap, controlled decoding': cd,
        'mean regularised gap, TQ* direct': direct,
        'mean regularised gap, TQ* indirect': indirect,
        'share of instances where TQ* direct beats controlled decoding': wins,
        'max reward gap minus bound': slack,
      },
      plots: [
        {
          title: `Regularised suboptimality gap beta KL(pi_alpha || rho*) (beta = ${BETA})`,
          xLabel: 'deviation parameter alpha',
          yLabel: 'mean gap',
          xScale: 'log',
          yScale: 'log',
          series: DECODERS.map((name, d) => ({
            name,
            x: alphas,
            y: ALPHA_MULTIPLES.map((_, k) => Math.max(1e-12, mean(d, k, 'gaps'))),
          })),
        },
        {
          title: 'KL of decoded responses to the reference',
          xLabel: 'deviation parameter alpha',
          yLabel: 'mean KL (nats)',
          xScale: 'log',
          series: DECODERS.map((name, d) => ({
            name,
            x: alphas,
            y: ALPHA_MULTIPLES.map((_, k) => mean(d, k, 'kls')),
          })),
        },
      ],
      verdict: {
        holds,
        summary: `at alpha = 1/beta the mean gap is ${cd.toExponential(2)} (controlled decoding), ${direct.toExponential(2)} (TQ* direct), ${indirect.toExponential(2)} (TQ* indirect); TQ* direct wins on ${(100 * wins).toFixed(0)}% of instances; max(reward gap - bound) = ${slack.toExponential(2)}; mean KL rises with alpha: ${klMonotone}`,
      },
    };
  },
});
