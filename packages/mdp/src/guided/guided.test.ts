import { fc, test } from '@fast-check/vitest';
import { createRng } from '@x/linalg';
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
  it('rejects alpha = 0 and a wrong-length q', () => {
    const tree = randomTokenTree(createRng(8), 2, 2);
    const q = continuationValue(tree, tree.reference);
    expect(() => decodingGap(tree, q, 0, 1)).toThrow(/decodingGap: alpha/);
    expect(() => decodingGap(tree, [1, 2], 1, 1)).toThrow(/decodingGap: q/);
  });
});

describe('estimateTransferQ', () => {
  it('refuses importance weights that overflow, naming itself', () => {
    const tree = randomTokenTree(createRng(1), 2, 2);
    for (const weighting of ['self-normalised', 'unnormalised'] as const)
      expect(() =>
        estimateTransferQ(createRng(1), tree, tree.reference, {
          rollouts: 3,
          baselineReward: [0, 1, 0, 1],
          beta: 1e-320,
          weighting,
        }),
      ).toThrow(/^estimateTransferQ: the importance weights .* overflow/);
  });
});
