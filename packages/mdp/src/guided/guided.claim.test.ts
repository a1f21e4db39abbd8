import { fc, test } from '@fast-check/vitest';
import { createRng, fitLogLogSlope } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { pathProbability, treeArb } from '../../test/tokenTrees.ts';
import { continuationValue } from './continuationValue.ts';
import { decodingGap } from './decodingGap.ts';
import { decodingOutcome } from './decodingOutcome.ts';
import { estimateTransferQ } from './estimateTransferQ.ts';
import { randomTokenTree } from './randomTokenTree.ts';
import { softBackwardInduction } from './softBackwardInduction.ts';
import { TokenTree } from './TokenTree.ts';
import { tiltedDecoding } from './tiltedDecoding.ts';
import { transferQ } from './transferQ.ts';

function klResponses(p: Float64Array, q: Float64Array): number {
  let kl = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) kl += p[i]! * Math.log(p[i]! / q[i]!);
  return kl;
}

describe('softBackwardInduction', () => {
  test.prop([treeArb])(
    'claim: its response law is rho_ref(y) e^{r(y)/beta} / Z and its objective is beta log Z',
    ({ seed, vocabulary, length, concentration, beta }) => {
      const tree = randomTokenTree(createRng(seed), vocabulary, length, { concentration });
      const opt = softBackwardInduction(tree, beta);
      const weights = new Float64Array(tree.responses);
      let z = 0;
      for (let y = 0; y < tree.responses; y++) {
        weights[y] = pathProbability(tree, tree.reference, y) * Math.exp(tree.reward[y]! / beta);
        z += weights[y]!;
      }
      const law = decodingOutcome(tree, opt.policy);
      for (let y = 0; y < tree.responses; y++)
        expect(law.responseProbabilities[y]).toBeCloseTo(weights[y]! / z, 12);
      expect(opt.objective).toBeCloseTo(beta * Math.log(z), 10);
      expect(law.expectedReward - beta * law.klToReference).toBeCloseTo(opt.objective, 10);
    },
  );
});

describe('continuationValue and transferQ', () => {
  test.prop([treeArb])(
    'claim: indirect transfer from a baseline aligned to another reward recovers Q* exactly',
    ({ seed, vocabulary, length, concentration, beta }) => {
      const rng = createRng(seed);
      const tree = randomTokenTree(rng, vocabulary, length, { concentration });
      const baselineReward = Float64Array.from(tree.reward, () => rng.nextFloat64());
      const baselineTree = new TokenTree({ ...tree, reward: baselineReward });
      const baseline = softBackwardInduction(baselineTree, beta).policy;
      const exact = softBackwardInduction(tree, beta).q;
      const indirect = transferQ(tree, baseline, { baselineReward, beta });
      for (let i = 0; i < exact.length; i++) expect(indirect[i]).toBeCloseTo(exact[i]!, 10);
      // Direct transfer from a model aligned to the target reward is the same Q*.
      const direct = transferQ(tree, softBackwardInduction(tree, beta).policy);
      for (let i = 0; i < exact.length; i++) expect(direct[i]).toBeCloseTo(exact[i]!, 12);
    },
  );
});

describe('tiltedDecoding', () => {
  test.prop([
    treeArb,
    fc.double({ min: 0, max: 50, noNaN: true }),
    fc.double({ min: 0, max: 50, noNaN: true }),
  ])(
    'claim: the KL to the reference at every prefix is monotone in alpha and the sequence KL is at most alpha L spread(Q)',
    ({ seed, vocabulary, length, concentration, beta }, a, b) => {
      const tree = randomTokenTree(createRng(seed), vocabulary, length, { concentration });
      const q = softBackwardInduction(tree, beta).q;
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const pLo = tiltedDecoding(tree, q, lo);
      const pHi = tiltedDecoding(tree, q, hi);
      const V = tree.vocabulary;
      let spread = 0;
      for (let n = 0; n < tree.prefixes; n++) {
        const row = (p: Float64Array) => p.subarray(n * V, n * V + V);
        const ref = tree.reference.subarray(n * V, n * V + V);
        // d/d alpha KL(pi_alpha || ref) = alpha Var_{pi_alpha}(Q) >= 0.
        expect(klResponses(row(pHi), ref)).toBeGreaterThanOrEqual(
          klResponses(row(pLo), ref) - 1e-12,
        );
        const qs = Array.from(q.subarray(n * V, n * V + V));
        spread = Math.max(spread, Math.max(...qs) - Math.min(...qs));
      }
      const kl = decodingOutcome(tree, pHi).klToReference;
      expect(kl).toBeLessThanOrEqual(hi * tree.length * spread + 1e-12);
    },
  );
});

describe('decodingGap', () => {
  test.prop([
    treeArb,
    fc.double({ min: 0.1, max: 100, noNaN: true }),
    fc.constantFrom('exact', 'cd', 'direct-from-other'),
  ])(
    'claim: the reward gap of value-guided decoding never exceeds its bound, and the regularised gap is beta KL(pi_alpha || rho*)',
    ({ seed, vocabulary, length, concentration, beta }, alpha, estimate) => {
      const rng = createRng(seed);
      const tree = randomTokenTree(rng, vocabulary, length, { concentration });
      const optimum = softBackwardInduction(tree, beta);
      const otherTree = new TokenTree({
        ...tree,
        reward: tree.reward.map(() => rng.nextFloat64()),
      });
      const q =
        estimate === 'exact'
          ? optimum.q
          : estimate === 'cd'
            ? continuationValue(tree, tree.reference)
            : transferQ(tree, softBackwardInduction(otherTree, beta).policy);
      const gap = decodingGap(tree, q, alpha, beta);
      expect(gap.rewardGap).toBeLessThanOrEqual(gap.bound + 1e-12);
      const law = decodingOutcome(tree, tiltedDecoding(tree, q, alpha)).responseProbabilities;
      const best = decodingOutcome(tree, optimum.policy).responseProbabilities;
      expect(gap.regularizedGap).toBeCloseTo(beta * klResponses(law, best), 9);
    },
  );

  it('claim: Transfer Q* has a smaller suboptimality gap than controlled decoding on random trees', () => {
    // alpha = 1/beta as in the paper's experiments. Each instance is a fair-coin trial under the
    // null "neither is better"; 3 standard deviations above n/2 rejects it.
    const rng = createRng(2);
    const n = 150;
    let wins = 0;
    let gapTq = 0;
    let gapCd = 0;
    for (let i = 0; i < n; i++) {
      const tree = randomTokenTree(rng, 2 + (i % 3), 2 + (i % 2), { concentration: 0.5 });
      const beta = 0.05;
      const rewardBl = tree.reward.map((r) => r + 0.3 * (rng.nextFloat64() - 0.5));
      const baseline = softBackwardInduction(new TokenTree({ ...tree, reward: rewardBl }), beta);
      const tq = decodingGap(
        tree,
        transferQ(tree, baseline.policy, { baselineReward: rewardBl, beta }),
        1 / beta,
        beta,
      );
      const cd = decodingGap(tree, continuationValue(tree, tree.reference), 1 / beta, beta);
      if (tq.regularizedGap < cd.regularizedGap) wins++;
      gapTq += tq.regularizedGap;
      gapCd += cd.regularizedGap;
    }
    expect(wins).toBeGreaterThan(n / 2 + 3 * Math.sqrt(n / 4));
    expect(gapTq).toBeLessThan(gapCd / 2);
  });
});

describe('Transfer Q* with a rollout budget (arXiv:2405.20495)', () => {
  const sup = (a: Float64Array, b: Float64Array) =>
    a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

  it('claim: the direct and self-normalised indirect estimators converge to the exact Q* like n^(-1/2); the unnormalised weights of the released code do not', () => {
    const tree = randomTokenTree(createRng(1), 3, 4);
    const beta = 0.5;
    const aligned = softBackwardInduction(tree, beta).policy;
    const exact = transferQ(tree, aligned);
    const budgets = [4, 16, 64, 256, 1024];
    const error = (make: (rng: ReturnType<typeof createRng>, n: number) => Float64Array) =>
      budgets.map((n) => {
        let e = 0;
        for (let s = 0; s < 4; s++) e += sup(make(createRng(10 + s), n), exact) / 4;
        return e;
      });
    const direct = error((rng, n) => estimateTransferQ(rng, tree, aligned, { rollouts: n }));
    expect(fitLogLogSlope(budgets, direct).slope).toBeLessThan(-0.35);
    // Rewards lie in [0, 1]: at 1024 rollouts a mean is within 0.1 of its expectation except
    // with probability 2 e^{-2 x 1024 x 0.01} per entry (about 1e-9).
    expect(direct.at(-1)!).toBeLessThan(0.1);
    // A baseline aligned (with the same beta) to another reward.
    const other = Float64Array.from(tree.reward, (r, y) => 0.5 * r + (0.3 * ((y * 7) % 5)) / 5);
    const baseline = softBackwardInduction(
      new TokenTree({ vocabulary: 3, length: 4, reference: tree.reference, reward: other }),
      beta,
    ).policy;
    expect(sup(transferQ(tree, baseline, { baselineReward: other, beta }), exact)).toBeLessThan(
      1e-12,
    );
    const normalised = error((rng, n) =>
      estimateTransferQ(rng, tree, baseline, { rollouts: n, baselineReward: other, beta }),
    );
    const unnormalised = error((rng, n) =>
      estimateTransferQ(rng, tree, baseline, {
        rollouts: n,
        baselineReward: other,
        beta,
        weighting: 'unnormalised',
      }),
    );
    expect(normalised.at(-1)!).toBeLessThan(normalised[0]! / 5);
    expect(unnormalised.at(-1)!).toBeGreaterThan(10 * normalised.at(-1)!);
  });

  it('claim: with the same rollout budget, Transfer Q* decodes closer to the optimum than controlled decoding, on average over random trees', () => {
    // Strong alignment (beta = 0.05, alpha = 1 / beta, as in the guide's plot): the aligned
    // model's continuations are far from the reference's. (At beta = 0.5 the two are within a
    // few per cent of each other and either can win.)
    const beta = 0.05;
    for (const n of [16, 64, 256]) {
      let transfer = 0;
      let controlled = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const tree = randomTokenTree(createRng(seed), 3, 4);
        const aligned = softBackwardInduction(tree, beta).policy;
        const qT = estimateTransferQ(createRng(100 + seed), tree, aligned, { rollouts: n });
        const qC = estimateTransferQ(createRng(100 + seed), tree, tree.reference, { rollouts: n });
        transfer += decodingGap(tree, qT, 1 / beta, beta).regularizedGap / 20;
        controlled += decodingGap(tree, qC, 1 / beta, beta).regularizedGap / 20;
      }
      expect(transfer).toBeLessThan(controlled);
    }
  });
});
