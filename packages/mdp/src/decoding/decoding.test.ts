import { createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { candidateLengthRate } from './candidateLengthRate.ts';
import { expectedTokensPerRound } from './expectedTokensPerRound.ts';
import { solveCandidateLength } from './solveCandidateLength.ts';
import { speculativeSample } from './speculativeSample.ts';

describe('speculativeSample', () => {
  it('rejects mismatched or invalid distributions', () => {
    const rng = createRng(1);
    expect(() => speculativeSample(rng, [0.5, 0.5], [1])).toThrow(/speculativeSample: draft/);
    expect(() => speculativeSample(rng, [0.5, 0.6], [0.5, 0.5])).toThrow(
      /speculativeSample: target/,
    );
  });
});

describe('expectedTokensPerRound', () => {
  it('equals the sum of alpha^i for i = 0..K, with the limits at alpha = 0 and 1', () => {
    for (const alpha of [0, 0.3, 0.8, 0.999999, 1]) {
      for (const K of [0, 1, 4, 10]) {
        let sum = 0;
        for (let i = 0; i <= K; i++) sum += alpha ** i;
        expect(Math.abs(expectedTokensPerRound(alpha, K) - sum)).toBeLessThanOrEqual(
          8 * (K + 1) * Number.EPSILON * sum,
        );
      }
    }
    expect(() => expectedTokensPerRound(1.5, 2)).toThrow(/expectedTokensPerRound: alpha/);
    expect(() => expectedTokensPerRound(0.5, -1)).toThrow(/expectedTokensPerRound: candidates/);
  });
});

describe('solveCandidateLength (SpecDec++ candidate-length MDP)', () => {
  it('with one acceptance value a fixed length K emits (1 - alpha^(K+1)) / (1 - alpha) tokens', () => {
    const problem = {
      acceptance: [0.8],
      weights: [1],
      draftCost: 0.2,
      verifyCost: 1,
      maxCandidates: 8,
    };
    for (let K = 0; K <= 8; K++) {
      const r = candidateLengthRate(problem, { candidates: K });
      expect(r.tokensPerRound).toBeCloseTo(expectedTokensPerRound(0.8, K), 13);
      expect(r.timePerRound).toBeCloseTo(1 + 0.2 * K, 13);
    }
  });

  it('rejects invalid problems and rules, naming the argument', () => {
    const ok = {
      acceptance: [0.8, 0.2],
      weights: [0.5, 0.5],
      draftCost: 0.1,
      verifyCost: 1,
      maxCandidates: 3,
    };
    expect(() => solveCandidateLength({ ...ok, acceptance: [0.8, 1.2] })).toThrow(
      /acceptance\[1\] must be in \[0, 1\], got 1.2/,
    );
    expect(() => solveCandidateLength({ ...ok, weights: [0.5, 0.6] })).toThrow(
      /solveCandidateLength: weights/,
    );
    expect(() => solveCandidateLength({ ...ok, verifyCost: 0 })).toThrow(/verifyCost/);
    expect(() => solveCandidateLength({ ...ok, draftCost: -1 })).toThrow(
      /draftCost must be non-negative, got -1/,
    );
    expect(() => solveCandidateLength({ ...ok, maxCandidates: 40 })).toThrow(
      /lower maxCandidates \(got 40\)/,
    );
    expect(() => candidateLengthRate(ok, { candidates: 4 })).toThrow(/rule.candidates/);
    expect(() => candidateLengthRate(ok, { rejectionThreshold: Number.NaN })).toThrow(
      /rule.rejectionThreshold/,
    );
  });
});
