import { fc, test } from '@fast-check/vitest';
import { chiSquareTestDiscrete, createRng } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { bestRejectionThreshold } from './bestRejectionThreshold.ts';
import {
  buildCandidateLengthTree,
  type CandidateLengthProblem,
  evaluateStopRule,
} from './CandidateLengthProblem.ts';
import { candidateLengthRate } from './candidateLengthRate.ts';
import { expectedTokensPerRound } from './expectedTokensPerRound.ts';
import { solveCandidateLength } from './solveCandidateLength.ts';
import { speculativeSample } from './speculativeSample.ts';

const target = [0.5, 0.2, 0.15, 0.1, 0.05];
const draft = [0.2, 0.4, 0.1, 0.1, 0.2];
const overlap = target.reduce((acc, p, i) => acc + Math.min(p, draft[i]!), 0);

const problemArb = fc
  .record({
    acceptance: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: 2,
      maxLength: 3,
    }),
    weightInts: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
    draftCost: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    maxCandidates: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ acceptance, weightInts, draftCost, maxCandidates }): CandidateLengthProblem => {
    const w = weightInts.slice(0, acceptance.length);
    const total = w.reduce((a, b) => a + b, 0);
    return {
      acceptance,
      weights: w.map((x) => x / total),
      draftCost,
      verifyCost: 1,
      maxCandidates,
    };
  });

/** Relative tolerance for comparing throughputs: each is a ratio of sums of at most 2^12 products. */
const RATE_TOL = 1e-12;

describe('speculativeSample', () => {
  it('claim: the emitted token has the target law (chi-square) and is accepted with probability sum min(p, q)', () => {
    const rng = createRng(11);
    const n = 40_000;
    const draws = new Float64Array(n);
    let accepted = 0;
    for (let t = 0; t < n; t++) {
      const r = speculativeSample(rng, target, draft);
      draws[t] = r.token;
      if (r.accepted) accepted++;
    }
    expect(chiSquareTestDiscrete(draws, (k) => target[k] ?? 0).pValue).toBeGreaterThan(1e-3);
    // The draft law itself is rejected by the same test: it has power here.
    expect(chiSquareTestDiscrete(draws, (k) => draft[k] ?? 0).pValue).toBeLessThan(1e-6);
    const se = Math.sqrt((overlap * (1 - overlap)) / n);
    expect(Math.abs(accepted / n - overlap)).toBeLessThan(5 * se);
  });
});

describe('expectedTokensPerRound', () => {
  it('claim: speculative decoding with i.i.d. tokens emits (1 - alpha^(K+1)) / (1 - alpha) tokens per round', () => {
    const rng = createRng(5);
    const K = 4;
    const rounds = 20_000;
    let total = 0;
    let sq = 0;
    for (let r = 0; r < rounds; r++) {
      let tokens = 1; // the target model's token (resample or bonus)
      for (let k = 0; k < K && speculativeSample(rng, target, draft).accepted; k++) tokens++;
      total += tokens;
      sq += tokens * tokens;
    }
    const mean = total / rounds;
    const se = Math.sqrt((sq / rounds - mean * mean) / rounds);
    expect(Math.abs(mean - expectedTokensPerRound(overlap, K))).toBeLessThan(5 * se);
  });
});

describe('solveCandidateLength (SpecDec++ candidate-length MDP)', () => {
  it('claim: the optimum equals brute force over all 2^7 stopping rules of a depth-3 binary tree', () => {
    const problem: CandidateLengthProblem = {
      acceptance: [0.95, 0.4],
      weights: [0.7, 0.3],
      draftCost: 0.1,
      verifyCost: 1,
      maxCandidates: 3,
    };
    const tree = buildCandidateLengthTree('test', problem);
    let best = 0;
    for (let mask = 0; mask < 1 << 7; mask++) {
      const stop = new Uint8Array(15).fill(1);
      for (let i = 0; i < 7; i++) stop[i] = (mask >> i) & 1;
      const r = evaluateStopRule(tree, problem, stop);
      best = Math.max(best, r.tokensPerRound / r.timePerRound);
    }
    const sol = solveCandidateLength(problem);
    expect(Math.abs(sol.rate - best)).toBeLessThanOrEqual(RATE_TOL * best);
    expect(sol.stop[0]).toBe(0); // drafting pays here: 0.1 per draft against 0.95 acceptance
  });

  test.prop([problemArb], { seed: 3, numRuns: 60 })(
    'claim: the optimal policy is a threshold policy (within each depth it stops exactly where the rejection probability is largest)',
    (problem) => {
      const sol = solveCandidateLength(problem);
      for (let k = 0; k < problem.maxCandidates; k++) {
        let maxDrafting = -Infinity;
        let minStopping = Infinity;
        for (let i = sol.depthStart[k]!; i < sol.depthStart[k + 1]!; i++) {
          const rejection = 1 - sol.survival[i]!;
          if (sol.stop[i]) minStopping = Math.min(minStopping, rejection);
          else maxDrafting = Math.max(maxDrafting, rejection);
        }
        expect(maxDrafting).toBeLessThanOrEqual(minStopping + 1e-12);
        expect(sol.stopThresholds[k]).toBe(minStopping);
      }
      expect(sol.isThresholdPolicy).toBe(true);
    },
  );

  test.prop([problemArb], { seed: 4, numRuns: 40 })(
    'claim: the best threshold rule is at least as good as the best fixed candidate length, and the optimum beats both',
    (problem) => {
      const sol = solveCandidateLength(problem);
      let bestFixed = 0;
      // Both kinds of rule draft at least one token (the root has rejection probability 0).
      for (let K = 1; K <= problem.maxCandidates; K++)
        bestFixed = Math.max(bestFixed, candidateLengthRate(problem, { candidates: K }).rate);
      const best = bestRejectionThreshold(problem);
      const bestThreshold = best.rate;
      // The returned h is what it claims: evaluating it directly gives the same throughput.
      expect(candidateLengthRate(problem, { rejectionThreshold: best.threshold }).rate).toBe(
        best.rate,
      );
      expect(bestThreshold).toBeGreaterThanOrEqual(bestFixed * (1 - RATE_TOL));
      expect(sol.rate).toBeGreaterThanOrEqual(bestThreshold * (1 - RATE_TOL));
    },
  );
});
