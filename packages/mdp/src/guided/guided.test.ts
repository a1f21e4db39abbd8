import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { continuationValue } from './continuationValue.ts';
import { decodingGap } from './decodingGap.ts';
import { decodingOutcome } from './decodingOutcome.ts';
import { randomTokenTree } from './randomTokenTree.ts';
import { softBackwardInduction } from './softBackwardInduction.ts';
import { TokenTree } from './TokenTree.ts';
import { tiltedDecoding } from './tiltedDecoding.ts';
import { transferQ } from './transferQ.ts';

/** The probability of response y (heap order of leaves) under a token policy, by its path. */
function pathProbability(tree: TokenTree, policy: Float64Array, y: number): number {
  const V = tree.vocabulary;
  let node = tree.prefixes + y;
  let p = 1;
  while (node > 0) {
    const parent = Math.floor((node - 1) / V);
    p *= policy[parent * V + (node - 1 - V * parent)]!;
    node = parent;
  }
  return p;
}

function klResponses(p: Float64Array, q: Float64Array): number {
  let kl = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) kl += p[i]! * Math.log(p[i]! / q[i]!);
  return kl;
}

const treeArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  vocabulary: fc.integer({ min: 2, max: 4 }),
  length: fc.integer({ min: 1, max: 3 }),
  concentration: fc.constantFrom(0.3, 1, 3),
  beta: fc.constantFrom(0.05, 0.3, 1, 5),
});

describe('TokenTree', () => {
  it('numbers prefixes and responses in heap order', () => {
    const tree = randomTokenTree(createRng(1), 3, 2);
    expect(tree.prefixes).toBe(4);
    expect(tree.responses).toBe(9);
    expect(tree.reference.length).toBe(12);
  });

  it('rejects bad sizes, rows and rewards, naming the prefix', () => {
    const ok = { vocabulary: 2, length: 1, reference: [0.5, 0.5], reward: [0, 1] };
    expect(() => new TokenTree({ ...ok, vocabulary: 1 })).toThrow(RangeError);
    expect(() => new TokenTree({ ...ok, reference: [0.5, 0.6] })).toThrow(
      /TokenTree: reference at prefix 0 must sum to 1/,
    );
    expect(() => new TokenTree({ ...ok, reference: [0.5] })).toThrow(TypeError);
    expect(() => new TokenTree({ ...ok, reward: [0, Number.NaN] })).toThrow(
      /TokenTree: reward\[1\] must be a finite number/,
    );
    expect(() => new TokenTree({ ...ok, vocabulary: 4, length: 12 })).toThrow(/at most 2\^22/);
  });
});

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

  test.prop([treeArb, fc.integer({ min: 0, max: 2 ** 31 - 1 })])(
    'no other token policy has a larger regularised objective',
    ({ seed, vocabulary, length, beta }, other) => {
      const tree = randomTokenTree(createRng(seed), vocabulary, length);
      const opt = softBackwardInduction(tree, beta);
      const rival = randomTokenTree(createRng(other), vocabulary, length).reference;
      const r = decodingOutcome(tree, rival);
      expect(r.expectedReward - beta * r.klToReference).toBeLessThanOrEqual(
        opt.objective + 1e-12 * (1 + Math.abs(opt.objective)),
      );
    },
  );

  it('does not overflow at tiny beta and tends to the best response', () => {
    const tree = randomTokenTree(createRng(3), 3, 3);
    const opt = softBackwardInduction(tree, 1e-6);
    const best = Math.max(...tree.reward);
    expect(decodingOutcome(tree, opt.policy).expectedReward).toBeCloseTo(best, 4);
    expect(Number.isFinite(opt.objective)).toBe(true);
    expect(() => softBackwardInduction(tree, 0)).toThrow(/beta/);
  });

  test.prop([treeArb, fc.constantFrom(1e3, 1e6, 1e10, 1e16, 1e300)], { seed: 21, numRuns: 40 })(
    'at large beta the objective tends to the reference reward: beta log E[e^(r/beta)] = E[r] + Var(r)/(2 beta) + O(1/beta^2)',
    ({ seed, vocabulary, length, concentration }, beta) => {
      const tree = randomTokenTree(createRng(seed), vocabulary, length, { concentration });
      let mean = 0;
      let second = 0;
      for (let y = 0; y < tree.responses; y++) {
        const p = pathProbability(tree, tree.reference, y);
        mean += p * tree.reward[y]!;
        second += p * tree.reward[y]! ** 2;
      }
      const variance = Math.max(0, second - mean * mean);
      const scale = Math.max(...tree.reward.map(Math.abs));
      const { objective } = softBackwardInduction(tree, beta);
      // Beyond the Taylor terms, only rounding: a few ulps of the rewards per level of the tree.
      const rounding = 64 * tree.length * Number.EPSILON * scale;
      expect(objective).toBeGreaterThanOrEqual(mean - rounding);
      expect(objective - mean).toBeLessThanOrEqual(variance / beta + rounding);
    },
  );
});

describe('continuationValue and transferQ', () => {
  it('Q of a policy averages its children and equals brute-force enumeration', () => {
    const tree = randomTokenTree(createRng(4), 2, 3);
    const q = continuationValue(tree, tree.reference);
    // Prefix 0, token 1 leads to node 2; its responses are leaves 4..7 (heap nodes 11..14).
    let num = 0;
    let den = 0;
    for (let y = 4; y < 8; y++) {
      const p = pathProbability(tree, tree.reference, y);
      num += p * tree.reward[y]!;
      den += p;
    }
    expect(q[1]).toBeCloseTo(num / den, 14);
  });

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

  it('rejects invalid baselines and a beta without a baseline reward', () => {
    const tree = randomTokenTree(createRng(5), 2, 2);
    expect(() => transferQ(tree, [1, 0])).toThrow(/transferQ: baseline must have/);
    expect(() => transferQ(tree, tree.reference, { beta: 1 })).toThrow(/baselineReward/);
    expect(() =>
      transferQ(tree, tree.reference, { baselineReward: [0, 0, 0, Number.NaN], beta: 1 }),
    ).toThrow(/baselineReward\[3\]/);
    expect(() => transferQ(tree, tree.reference, { baselineReward: [0, 0, 0, 0] })).toThrow(/beta/);
  });
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

  it('the KL of whole responses is not monotone in alpha on every tree (the per-prefix KL is)', () => {
    // Found by search over random trees: as alpha grows, decoding moves to a branch whose
    // continuations need less deviation from the reference, and the sequence KL drops.
    const rng = createRng(1);
    let counterexamples = 0;
    for (let i = 0; i < 200 && counterexamples === 0; i++) {
      const tree = randomTokenTree(rng, 2 + (i % 3), 2 + (i % 3), { concentration: 0.5 + (i % 4) });
      const q = softBackwardInduction(tree, 0.05).q;
      let previous = 0;
      for (const alpha of [0, 1, 2, 4, 8, 16, 32, 64, 128, 1000]) {
        const kl = decodingOutcome(tree, tiltedDecoding(tree, q, alpha)).klToReference;
        if (kl < previous - 1e-9) counterexamples++;
        previous = kl;
      }
    }
    expect(counterexamples).toBeGreaterThan(0);
  });

  it('alpha = 0 is the reference; bad q or alpha throws', () => {
    const tree = randomTokenTree(createRng(6), 3, 2);
    const q = continuationValue(tree, tree.reference);
    const p = tiltedDecoding(tree, q, 0);
    for (let i = 0; i < p.length; i++) expect(p[i]).toBeCloseTo(tree.reference[i]!, 15);
    expect(() => tiltedDecoding(tree, q, -1)).toThrow(/alpha/);
    expect(() => tiltedDecoding(tree, q.subarray(1), 1)).toThrow(/q must have length/);
  });
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

  it('rejects alpha = 0 and a wrong-length q', () => {
    const tree = randomTokenTree(createRng(8), 2, 2);
    const q = continuationValue(tree, tree.reference);
    expect(() => decodingGap(tree, q, 0, 1)).toThrow(/decodingGap: alpha/);
    expect(() => decodingGap(tree, [1, 2], 1, 1)).toThrow(/decodingGap: q/);
  });
});
