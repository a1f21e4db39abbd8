import { fc, test } from '@fast-check/vitest';
import { createRng, normalCdf, sampleDirichlet, sigmoid } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { shiftedData } from '../../test/alignment.ts';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { PreferenceOptimizer } from './PreferenceOptimizer.ts';
import { preferenceDataset } from './preferenceDataset.ts';
import { simulateOnlineAlignment } from './simulateOnlineAlignment.ts';

/** A random problem of a seed: 1-3 prompts, 2-6 responses, Dirichlet(1) reference, rewards in [-2, 2). */
function randomProblem(seed: number): AlignmentProblem {
  const rng = createRng(seed);
  const X = 1 + Math.floor(rng.nextFloat64() * 3);
  const K = 2 + Math.floor(rng.nextFloat64() * 5);
  const reference = new Float64Array(X * K);
  for (let x = 0; x < X; x++)
    reference.set(sampleDirichlet(rng, new Float64Array(K).fill(1)), x * K);
  return new AlignmentProblem({
    responses: K,
    rewards: Array.from({ length: X * K }, () => 4 * rng.nextFloat64() - 2),
    reference,
    promptWeights: Array.from({ length: X }, () => 0.1 + rng.nextFloat64()),
  });
}

/** A random policy of the problem's shape, as log-probabilities. */
function randomLogPolicy(problem: AlignmentProblem, seed: number): Float64Array {
  const rng = createRng(seed);
  const K = problem.responses;
  const out = new Float64Array(problem.prompts * K);
  for (let x = 0; x < problem.prompts; x++) {
    const p = sampleDirichlet(rng, new Float64Array(K).fill(0.5));
    for (let y = 0; y < K; y++) out[x * K + y] = Math.log(p[y]!);
  }
  return out;
}

describe('AlignmentProblem', () => {
  it('gives the KL-regularised optimum in closed form, also when e^{r/beta} overflows', () => {
    const problem = new AlignmentProblem({ responses: 3, rewards: [0, 1, 2] });
    const beta = 0.5;
    const opt = problem.optimalPolicy(beta);
    const z = 1 + Math.exp(2) + Math.exp(4);
    expect(opt[2]).toBeCloseTo(Math.log(Math.exp(4) / z), 14);
    expect(problem.evaluate(opt, beta).objective).toBeCloseTo(beta * Math.log(z / 3), 14);
    // beta = 1e-3: e^{2000} overflows, the log-space optimum is the argmax.
    const sharp = problem.optimalPolicy(1e-3);
    expect(sharp[2]).toBeCloseTo(0, 12);
    expect(sharp[0]).toBeCloseTo(-2000, 9);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 23, numRuns: 40 })(
    'J(pi*) - J(pi) = beta KL(pi || pi*) for any policy, so the optimum beats every policy',
    (seed) => {
      const problem = randomProblem(seed);
      const beta = 0.2 + (seed % 7) / 3;
      const best = problem.evaluate(problem.optimalPolicy(beta), beta);
      const other = problem.evaluate(randomLogPolicy(problem, seed + 1), beta);
      expect(best.klToOptimum).toBeLessThan(1e-12);
      expect(best.objective - other.objective).toBeCloseTo(beta * other.klToOptimum, 9);
      expect(other.objective).toBeLessThanOrEqual(best.objective + 1e-12);
    },
  );

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { seed: 29, numRuns: 30 })(
    'win rates are a constant-sum game: W(p, q) + W(q, p) = 1 and W(p, p) = 1/2',
    (seed) => {
      const problem = randomProblem(seed);
      const p = randomLogPolicy(problem, seed + 1);
      const q = randomLogPolicy(problem, seed + 2);
      expect(problem.winRate(p, q) + problem.winRate(q, p)).toBeCloseTo(1, 12);
      expect(problem.winRate(p, p)).toBeCloseTo(0.5, 12);
    },
  );

  it('links rewards to preferences by the logistic or the normal CDF', () => {
    const data = { responses: 2, rewards: [0, 0.7] };
    expect(new AlignmentProblem(data).preference(0, 1, 0)).toBeCloseTo(sigmoid(0.7), 15);
    expect(new AlignmentProblem({ ...data, link: 'thurstone' }).preference(0, 1, 0)).toBeCloseTo(
      normalCdf(0.7),
      15,
    );
  });

  it('restricted to a support, the optimum gives nothing outside it', () => {
    const problem = new AlignmentProblem({ responses: 3, rewards: [0, 1, 5] });
    const opt = problem.optimalPolicy(1, [1, 1, 0]);
    expect(opt[2]).toBe(Number.NEGATIVE_INFINITY);
    expect(Math.exp(opt[0]!) + Math.exp(opt[1]!)).toBeCloseTo(1, 15);
    expect(() => problem.optimalPolicy(1, [0, 0, 0])).toThrow(
      /^AlignmentProblem.optimalPolicy: support must mark a response of prompt 0/,
    );
  });

  it('rejects bad data and bad policies with the argument named', () => {
    expect(() => new AlignmentProblem({ responses: 3, rewards: [0, 1] })).toThrow(
      /^AlignmentProblem: rewards must hold prompts x 3 entries/,
    );
    expect(
      () => new AlignmentProblem({ responses: 2, rewards: [0, 1], reference: [1, 0] }),
    ).toThrow(/^AlignmentProblem: reference\[1\] must be > 0/);
    expect(
      () => new AlignmentProblem({ responses: 2, rewards: [0, 1], reference: [0.5, 0.6] }),
    ).toThrow(/^AlignmentProblem: reference row 0 must sum to 1/);
    const problem = new AlignmentProblem({ responses: 2, rewards: [0, 1] });
    expect(() => problem.evaluate([-1, -1], 1)).toThrow(
      /^AlignmentProblem.evaluate: logPolicy row 0 must be log-probabilities summing to 1/,
    );
    expect(() => problem.evaluate([Number.NaN, 0], 1)).toThrow(
      /logPolicy\[0\] must be a log-probability/,
    );
  });
});

describe('preferenceDataset', () => {
  it('labels pairs by the link: each ordered pair is won as often as the model says', () => {
    const problem = new AlignmentProblem({ responses: 3, rewards: [0, 0.5, 2] });
    const n = 60_000;
    const data = preferenceDataset(createRng(3), problem, { pairs: n });
    const wins = new Float64Array(9);
    const seen = new Float64Array(9);
    for (let i = 0; i < n; i++) {
      const [w, l] = [data.chosen[i]!, data.rejected[i]!];
      expect(w).not.toBe(l);
      wins[w * 3 + l] = wins[w * 3 + l]! + 1;
      seen[w * 3 + l] = seen[w * 3 + l]! + 1;
      seen[l * 3 + w] = seen[l * 3 + w]! + 1;
    }
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) {
        if (a === b) continue;
        const m = seen[a * 3 + b]!;
        // Hoeffding at 1e-6 for each of the six frequencies.
        const width = Math.sqrt(Math.log(2e6) / (2 * m));
        expect(Math.abs(wins[a * 3 + b]! / m - problem.preference(0, a, b))).toBeLessThan(width);
      }
  });

  it('with anchored coverage every pair holds the optimal response and no uncovered one', () => {
    const problem = new AlignmentProblem({
      responses: 5,
      rewards: [1, 3, 0, 2, -1, 0, 0, 4, 1, 2],
    });
    const covered = [1, 1, 1, 0, 0, 1, 0, 1, 1, 1];
    const data = preferenceDataset(createRng(4), problem, {
      pairs: 2000,
      coverage: { kind: 'anchored', covered },
    });
    const best = [1, 2];
    for (let i = 0; i < 2000; i++) {
      const x = data.prompt[i]!;
      const pair = [data.chosen[i]!, data.rejected[i]!];
      expect(pair).toContain(best[x]);
      for (const y of pair) expect(covered[x * 5 + y] === 1 || y === best[x]).toBe(true);
    }
  });

  it('rejects a coverage that leaves a prompt no pair', () => {
    const problem = new AlignmentProblem({ responses: 3, rewards: [0, 1, 2] });
    expect(() =>
      preferenceDataset(createRng(1), problem, {
        pairs: 5,
        coverage: { kind: 'anchored', covered: [0, 0, 1] },
      }),
    ).toThrow(/^preferenceDataset: coverage gives prompt 0 no pair of different responses/);
    expect(() =>
      preferenceDataset(createRng(1), problem, {
        pairs: 5,
        coverage: {
          kind: 'policy',
          logPolicy: [0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
        },
      }),
    ).toThrow(/^preferenceDataset: coverage gives prompt 0 no pair/);
  });
});

describe('PreferenceOptimizer', () => {
  const problem = new AlignmentProblem({
    responses: 4,
    rewards: [0, 1, 2, 0.5],
    reference: [0.1, 0.2, 0.3, 0.4],
  });

  /** The loss of one pair (with RPO's and SPAC's extra terms at the current policy) at logits z. */
  const pairLoss = (
    loss: 'dpo' | 'ipo' | 'rpo',
    beta: number,
    eta: number,
    z: Float64Array,
    w: number,
    l: number,
  ) => {
    const ref = problem.logReference;
    const h = z[w]! - ref[w]! - (z[l]! - ref[l]!);
    const lse = Math.log(z.reduce((a, v) => a + Math.exp(v), 0));
    if (loss === 'ipo') return (h - 1 / (2 * beta)) ** 2;
    const dpo = -Math.log(sigmoid(beta * h));
    return loss === 'rpo' ? dpo + eta * beta * -(z[w]! - lse) : dpo;
  };

  it('takes a gradient step: update moves the logits by -learningRate x the loss gradient', () => {
    for (const [loss, eta] of [
      ['dpo', 0],
      ['ipo', 0],
      ['rpo', 0.7],
    ] as const) {
      const rate = 0.01;
      const learner = new PreferenceOptimizer(problem, {
        loss,
        beta: 0.8,
        learningRate: rate,
        ...(loss === 'rpo' ? { sftWeight: eta } : {}),
      });
      learner.update(0, 2, 1); // from the reference logits
      const before = Float64Array.from(problem.logReference);
      const after = JSON.parse(JSON.stringify(learner)).stats.logits as number[];
      for (let y = 0; y < 4; y++) {
        const up = Float64Array.from(before);
        const down = Float64Array.from(before);
        up[y] = up[y]! + 1e-6;
        down[y] = down[y]! - 1e-6;
        const g =
          (pairLoss(loss, 0.8, eta, up, 2, 1) - pairLoss(loss, 0.8, eta, down, 2, 1)) / 2e-6;
        expect(after[y]! - (before[y]! - rate * g)).toBeCloseTo(0, 8);
      }
    }
  });

  it('DPO on data covering every pair converges to the KL-regularised optimum as data grow', () => {
    const beta = 0.5;
    const seeds = 8;
    const kl = [2000, 32_000].map((n) => {
      let sum = 0;
      for (let seed = 0; seed < seeds; seed++) {
        const data = preferenceDataset(createRng(n + seed), problem, { pairs: n });
        const dpo = new PreferenceOptimizer(problem, { loss: 'dpo', beta });
        dpo.fit(data, { iterations: 3000 });
        sum += problem.evaluate(dpo.logPolicy(), beta).klToOptimum;
      }
      return sum / seeds;
    });
    // The implicit reward is the Bradley-Terry MLE: its error falls like 1/sqrt(n), so the mean
    // KL like 1/n (16 times smaller here; 4 leaves room for the spread of 8 seeds).
    expect(kl[1]!).toBeLessThan(kl[0]! / 4);
    expect(kl[1]!).toBeLessThan(1e-3);
  });

  it('DPO never moves a response absent from the data; RPO and SPAC with a bounded class push it to the bottom', () => {
    const data = {
      prompt: Int32Array.of(0, 0),
      chosen: Int32Array.of(2, 2),
      rejected: Int32Array.of(1, 0),
    };
    const dpo = new PreferenceOptimizer(problem, { loss: 'dpo', beta: 1 });
    dpo.fit(data, { iterations: 200 });
    // Response 3 is in no pair: its logit stays the reference's, exactly.
    const logitsDpo = JSON.parse(JSON.stringify(dpo)).stats.logits as number[];
    expect(logitsDpo[3]).toBe(problem.logReference[3]);
    for (const options of [
      { loss: 'rpo', beta: 1, sftWeight: 0.1, rewardBound: 5 },
      { loss: 'spac', beta: 1, pessimism: 0.1, rewardBound: 5 },
    ] as const) {
      const learner = new PreferenceOptimizer(problem, options);
      learner.fit(data, { iterations: 20 });
      const logits = JSON.parse(JSON.stringify(learner)).stats.logits as number[];
      expect(logits[3]).toBeCloseTo(problem.logReference[3]! - 5, 12);
    }
  });

  it('saves and restores its state, then learns the same', () => {
    const learner = new PreferenceOptimizer(problem, {
      loss: 'spac',
      beta: 0.5,
      pessimism: 0.3,
      rewardBound: 4,
      innerIterations: 5,
    });
    const data = preferenceDataset(createRng(8), problem, { pairs: 50 });
    learner.fit(data, { iterations: 3 });
    const copy = PreferenceOptimizer.fromJSON(JSON.parse(JSON.stringify(learner)));
    expect(copy.toJSON()).toEqual(learner.toJSON());
    learner.update(0, 1, 3);
    copy.update(0, 1, 3);
    expect(Array.from(copy.logPolicy())).toEqual(Array.from(learner.logPolicy()));
  });

  it('rejects options of another loss, an IPO step that would overshoot, and bad pairs, changing nothing', () => {
    expect(() => new PreferenceOptimizer(problem, { loss: 'dpo', beta: 1, sftWeight: 1 })).toThrow(
      /^PreferenceOptimizer: sftWeight applies to loss 'rpo' only, got loss 'dpo'/,
    );
    expect(
      () => new PreferenceOptimizer(problem, { loss: 'ipo', beta: 1, learningRate: 0.5 }),
    ).toThrow(/^PreferenceOptimizer: learningRate must be in \(0, 0.25\]/);
    const learner = new PreferenceOptimizer(problem, { loss: 'dpo', beta: 1 });
    const before = JSON.stringify(learner);
    expect(() => learner.update(0, 2, 2)).toThrow(
      /^PreferenceOptimizer.update: chosen and rejected must differ, both are 2/,
    );
    expect(() =>
      learner.fit(
        { prompt: Int32Array.of(0, 0), chosen: Int32Array.of(1, 4), rejected: Int32Array.of(0, 0) },
        { iterations: 5 },
      ),
    ).toThrow(/^PreferenceOptimizer.fit: data\[1\].chosen must be an integer/);
    expect(JSON.stringify(learner)).toBe(before);
  });

  it("SAIL (the library's reading) is iterative DPO at lambda = 0, learns online only, and its sampling term moves the fixed point away from pi*", () => {
    const { problem, beta } = shiftedData();
    const sail = new PreferenceOptimizer(problem, {
      loss: 'sail',
      beta,
      samplingWeight: 0,
      learningRate: 0.2,
    });
    const dpo = new PreferenceOptimizer(problem, { loss: 'dpo', beta, learningRate: 0.2 });
    for (const [w, l] of [
      [5, 0],
      [1, 2],
      [5, 3],
      [0, 4],
    ] as const) {
      sail.update(0, w, l);
      dpo.update(0, w, l);
    }
    expect(Array.from(sail.logPolicy())).toEqual(Array.from(dpo.logPolicy()));
    expect(() =>
      sail.fit(
        { prompt: Int32Array.of(0), chosen: Int32Array.of(1), rejected: Int32Array.of(0) },
        { iterations: 1 },
      ),
    ).toThrow(/^PreferenceOptimizer.fit: loss 'sail' learns online only/);
    const gap = (samplingWeight: number) =>
      simulateOnlineAlignment(
        createRng(1),
        problem,
        (p) =>
          new PreferenceOptimizer(p, { loss: 'sail', beta, learningRate: 0.03, samplingWeight }),
        { rounds: 20_000, runs: 2, checkpoints: [20_000], beta },
      ).series.suboptimality.mean[0]!;
    expect(gap(1)).toBeGreaterThan(10 * gap(0));
  });
});
