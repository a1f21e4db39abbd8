import { chiSquareTestDiscrete, createRng, sampleCategorical } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { brainDistill } from './brainDistill.ts';
import { fitByDivergence } from './fitByDivergence.ts';
import { resamplingAccuracy } from './resamplingAccuracy.ts';

describe('AlignmentProblem.bestOfN', () => {
  // Ties: responses 1 and 2 share a score, as do 3 and 4.
  const problem = new AlignmentProblem({
    responses: 5,
    rewards: [0, 1, 1, 2, 2],
    reference: [0.4, 0.1, 0.2, 0.15, 0.15],
  });

  it('is the policy itself at n = 1 and tends to the best level as n grows', () => {
    const one = problem.bestOfN(1);
    for (let y = 0; y < 5; y++) expect(one[y]).toBeCloseTo(problem.logReference[y]!, 14);
    const many = problem.bestOfN(1e6);
    expect(Math.exp(many[3]!) + Math.exp(many[4]!)).toBeCloseTo(1, 12);
    expect(Math.exp(many[3]!)).toBeCloseTo(0.5, 12); // shared in proportion to the reference
  });

  it('matches best-of-n drawn by simulation (chi-square, ties broken uniformly)', () => {
    const n = 3;
    const law = problem.bestOfN(n);
    const rng = createRng(4);
    const reference = Array.from(problem.logReference, Math.exp);
    const draws = Float64Array.from({ length: 40_000 }, () => {
      const samples = Array.from({ length: n }, () => sampleCategorical(rng, reference));
      const top = Math.max(...samples.map((y) => problem.rewards[y]!));
      const best = samples.filter((y) => problem.rewards[y] === top);
      return best[Math.floor(rng.nextFloat64() * best.length)]!;
    });
    expect(
      chiSquareTestDiscrete(draws, (k) => Math.exp(law[k] ?? Number.NEGATIVE_INFINITY)).pValue,
    ).toBeGreaterThan(1e-4);
  });

  it('ranks by a proxy when given one: a reward model that prefers a bad response picks it', () => {
    const law = problem.bestOfN(50, { scores: [5, 1, 1, 2, 2] });
    expect(Math.exp(law[0]!)).toBeGreaterThan(0.999);
  });
});

describe('AlignmentProblem.sampleOptimal', () => {
  it('draws from the KL-regularised optimum (chi-square) and refuses hopeless acceptance rates', () => {
    const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, 0.5] });
    const beta = 0.7;
    const law = problem.optimalPolicy(beta);
    const rng = createRng(9);
    const draws = Float64Array.from(
      { length: 20_000 },
      () => problem.sampleOptimal(rng, 0, beta).response,
    );
    expect(
      chiSquareTestDiscrete(draws, (k) => Math.exp(law[k] ?? Number.NEGATIVE_INFINITY)).pValue,
    ).toBeGreaterThan(1e-4);
    expect(() => problem.sampleOptimal(rng, 0, 0.01, { maxProposals: 20 })).toThrow(
      /^AlignmentProblem.sampleOptimal: the acceptance rate/,
    );
  });
});

describe('resamplingAccuracy', () => {
  it('matches a simulation of resampling against the verifier', () => {
    const options = { accuracy: 0.3, falsePositive: 0.15, falseNegative: 0.1, attempts: 4 };
    const rng = createRng(2);
    let correct = 0;
    const runs = 100_000;
    for (let r = 0; r < runs; r++) {
      let right = false;
      for (let k = 0; k < options.attempts; k++) {
        right = rng.nextFloat64() < options.accuracy;
        const accepted =
          rng.nextFloat64() < (right ? 1 - options.falseNegative : options.falsePositive);
        if (accepted) break;
      }
      if (right) correct++;
    }
    // Hoeffding at 1e-6.
    expect(Math.abs(correct / runs - resamplingAccuracy(options))).toBeLessThan(
      Math.sqrt(Math.log(2e6) / (2 * runs)),
    );
  });

  it('rejects a verifier that accepts nothing with unlimited attempts', () => {
    expect(() =>
      resamplingAccuracy({ accuracy: 0, falsePositive: 0, attempts: Number.POSITIVE_INFINITY }),
    ).toThrow(/^resamplingAccuracy: the verifier accepts nothing/);
  });
});

describe('AlignmentProblem.rank', () => {
  it('ranks by Plackett-Luce: the first place is won with probability proportional to e^r', () => {
    const problem = new AlignmentProblem({ responses: 4, rewards: [0, 1, 2, -800] });
    const rng = createRng(12);
    const first = Float64Array.from({ length: 20_000 }, () => problem.rank(rng, 0, [0, 1, 2])[0]!);
    const z = 1 + Math.E + Math.E ** 2;
    const law = [1 / z, Math.E / z, Math.E ** 2 / z];
    expect(chiSquareTestDiscrete(first, (k) => law[k] ?? 0).pValue).toBeGreaterThan(1e-4);
    // A reward so low that e^{r - max} underflows still ranks, last.
    const order = problem.rank(rng, 0, [3, 0]);
    expect(Array.from(order)).toEqual([0, 3]);
    expect(() => problem.rank(rng, 0, [1, 1])).toThrow(
      /^AlignmentProblem.rank: candidates must be distinct/,
    );
  });
});

describe('fitByDivergence', () => {
  it('refuses features and a start whose logits overflow, naming itself', () => {
    expect(() =>
      fitByDivergence(
        createRng(1),
        [0.5, 0.5],
        [
          [1e200, 0],
          [0, 1e200],
        ],
        {
          divergence: 'forward-kl',
          start: [1e200, 1],
        },
      ),
    ).toThrow(/^fitByDivergence: the divergence at the start is NaN/);
  });
});

describe('brainDistill', () => {
  it('stays finite for a beta so small that r / beta overflows, and concentrates on the best response', () => {
    for (const rewards of [
      [0, 1, 2],
      [-1, -2, -3],
    ]) {
      const problem = new AlignmentProblem({ responses: 3, rewards });
      const { logPolicy, gradientNorms } = brainDistill(createRng(1), problem, {
        beta: 1e-320,
        iterations: 200,
      });
      expect(gradientNorms.every(Number.isFinite)).toBe(true);
      const best = rewards.indexOf(Math.max(...rewards));
      expect(Math.exp(logPolicy[best]!)).toBeGreaterThan(0.9);
    }
  });
});
