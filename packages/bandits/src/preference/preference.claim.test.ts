import { chiSquareTestDiscrete, createRng, fitLogLogSlope, sampleCategorical } from '@x/linalg';
import { describe, expect, it } from 'vitest';
import { cyclicPreferences, shiftedData, sparseCoverage } from '../../test/alignment.ts';
import { AlignmentProblem } from './AlignmentProblem.ts';
import { brainDistill } from './brainDistill.ts';
import { fitByDivergence } from './fitByDivergence.ts';
import { fitPreferenceEmbedding } from './fitPreferenceEmbedding.ts';
import { fitRewardMixture } from './fitRewardMixture.ts';
import { maxMinPolicy } from './maxMinPolicy.ts';
import { PreferenceGame } from './PreferenceGame.ts';
import { PreferenceOptimizer, type PreferenceOptimizerOptions } from './PreferenceOptimizer.ts';
import { preferenceDataset } from './preferenceDataset.ts';
import { preferenceSelfPlay } from './preferenceSelfPlay.ts';
import { resamplingAccuracy } from './resamplingAccuracy.ts';
import { selectResponses } from './selectResponses.ts';
import { simulateOnlineAlignment } from './simulateOnlineAlignment.ts';

describe('offline alignment under sparse coverage (SPAC, arXiv:2406.04274; RPO, arXiv:2405.16436)', () => {
  it("claim: DPO's suboptimality stays bounded away from zero as data grow, while RPO's and SPAC's go to zero", () => {
    const { problem, covered, beta, dpoLimit } = sparseCoverage();
    // The comparator: the optimum, an upper bound on every policy's objective (the gap is
    // beta KL(pi || pi*) >= 0); the best policy the data cover is within 1e-8 of it here.
    const target = problem.evaluate(problem.optimalPolicy(beta), beta).objective;
    expect(
      target - problem.evaluate(problem.optimalPolicy(beta, covered), beta).objective,
    ).toBeLessThan(1e-8);
    const floor = target - problem.evaluate(dpoLimit, beta).objective;
    const sizes = [100, 400, 1600, 6400];
    const seeds = 6;
    const gap = (options: (n: number) => PreferenceOptimizerOptions, iterations: number) =>
      sizes.map((n) => {
        let sum = 0;
        for (let s = 0; s < seeds; s++) {
          const data = preferenceDataset(createRng(100 + s), problem, {
            pairs: n,
            coverage: { kind: 'anchored', covered },
          });
          const learner = new PreferenceOptimizer(problem, options(n));
          learner.fit(data, { iterations });
          sum += target - problem.evaluate(learner.logPolicy(), beta).objective;
        }
        return sum / seeds;
      });
    const dpo = gap(() => ({ loss: 'dpo', beta }), 2000);
    // The regularisers' weight 1/sqrt(n) (the library's tuning: their bias vanishes as data
    // grow) and the reward class [-25, 25], which holds the true rewards.
    const rpo = gap(
      (n) => ({ loss: 'rpo', beta, sftWeight: 1 / Math.sqrt(n), rewardBound: 25 }),
      2000,
    );
    const spac = gap(
      (n) => ({
        loss: 'spac',
        beta,
        pessimism: 1 / Math.sqrt(n),
        rewardBound: 25,
        innerIterations: 50,
      }),
      40,
    );
    // DPO keeps the reference's mass on the two responses it never sees: its gap tends to the
    // gap of its infinite-data solution, which is large.
    expect(floor).toBeGreaterThan(1);
    for (const g of dpo) expect(g).toBeGreaterThan(floor / 2);
    // RPO and SPAC: at least the theorems' N^(-1/2) (the regularised objective is quadratic at
    // its optimum, so the measured rate is about N^(-1)).
    for (const g of [rpo, spac]) {
      expect(fitLogLogSlope(sizes, g).slope).toBeLessThan(-0.5);
      expect(g.at(-1)!).toBeLessThan(floor / 100);
    }
  });

  it('claim: online (iterative) DPO reaches pi* where offline DPO on a shifted dataset does not', () => {
    const { problem, beta, behaviour, offlineLimit } = shiftedData();
    const best = problem.evaluate(problem.optimalPolicy(beta), beta).objective;
    // Offline: the behaviour policy never shows the best response, so DPO never moves it.
    const floor = best - problem.evaluate(offlineLimit, beta).objective;
    const data = preferenceDataset(createRng(2), problem, {
      pairs: 20_000,
      coverage: { kind: 'policy', logPolicy: behaviour },
    });
    const offline = new PreferenceOptimizer(problem, { loss: 'dpo', beta });
    offline.fit(data, { iterations: 2000 });
    const offlineGap = best - problem.evaluate(offline.logPolicy(), beta).objective;
    expect(offlineGap).toBeGreaterThan(floor / 2);
    // Online: pairs from the current policy, labelled by the oracle; a constant step leaves a
    // noise floor proportional to it, far below the offline gap.
    const checkpoints = [1000, 10_000, 40_000];
    const online = simulateOnlineAlignment(
      createRng(1),
      problem,
      (p) => new PreferenceOptimizer(p, { loss: 'dpo', beta, learningRate: 0.03 }),
      { rounds: 40_000, runs: 4, checkpoints, beta },
    ).series.suboptimality.mean;
    expect(online.at(-1)!).toBeLessThan(floor / 20);
    expect(online.at(-1)!).toBeLessThan(online[0]!);
  });

  it('claim: on on-policy data the offline and online updates coincide', () => {
    // Pairs an online learner samples from its (unchanged) reference policy are an on-policy
    // dataset: learning from them offline, pair by pair, is the same update.
    const { problem, beta } = shiftedData();
    const sampler = new PreferenceOptimizer(problem, { loss: 'dpo', beta });
    const rng = createRng(5);
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < 200; i++) {
      const [a, b] = sampler.selectPair(rng, 0);
      if (a === b) continue;
      const aWins = problem.compare(rng, 0, a, b);
      pairs.push([0, aWins ? a : b, aWins ? b : a]);
    }
    const online = new PreferenceOptimizer(problem, { loss: 'dpo', beta, learningRate: 0.05 });
    const offline = new PreferenceOptimizer(problem, { loss: 'dpo', beta, learningRate: 0.05 });
    for (const [x, w, l] of pairs) online.update(x, w, l);
    const data = {
      prompt: Int32Array.from(pairs, (p) => p[0]),
      chosen: Int32Array.from(pairs, (p) => p[1]),
      rejected: Int32Array.from(pairs, (p) => p[2]),
    };
    for (let i = 0; i < pairs.length; i++)
      offline.update(data.prompt[i]!, data.chosen[i]!, data.rejected[i]!);
    expect(Array.from(offline.logPolicy())).toEqual(Array.from(online.logPolicy()));
    // And the full-batch offline gradient is the mean of the online ones: one full-batch step of
    // size s equals the mean displacement of the per-pair steps of size s from the same start.
    const batch = new PreferenceOptimizer(problem, { loss: 'dpo', beta });
    batch.fit(data, { iterations: 1 });
    const step = 2 / (beta * beta);
    const mean = new Float64Array(problem.responses);
    for (const [x, w, l] of pairs) {
      const one = new PreferenceOptimizer(problem, { loss: 'dpo', beta, learningRate: step });
      one.update(x, w, l);
      const z = JSON.parse(JSON.stringify(one)).stats.logits as number[];
      for (let y = 0; y < mean.length; y++)
        mean[y] = mean[y]! + (z[y]! - problem.logReference[y]!) / pairs.length;
    }
    const zBatch = JSON.parse(JSON.stringify(batch)).stats.logits as number[];
    for (let y = 0; y < mean.length; y++)
      expect(zBatch[y]! - problem.logReference[y]!).toBeCloseTo(mean[y]!, 12);
  });

  it("claim: on intransitive preferences a Bradley-Terry policy is exploitable, SPO's average is not (T^(-1/2)), and DNO improves monotonically", () => {
    const game = new PreferenceGame(cyclicPreferences());
    // The Bradley-Terry reward model and the policy that maximises it (its best response).
    const { utilities } = game.bradleyTerryFit();
    const top = utilities.indexOf(Math.max(...utilities));
    const btPolicy = Float64Array.from(utilities, (_, y) => (y === top ? 1 : 0));
    expect(game.exploitability(btPolicy)).toBeGreaterThan(0.35);
    // SPO: the average iterate of self-play with Hedge's step, from a skewed start.
    const lengths = [250, 1000, 4000, 16_000];
    const start = [0.7, 0.1, 0.1, 0.1];
    const exploitability = lengths.map((T) => {
      const play = preferenceSelfPlay(game, { rounds: T, start });
      expect(play.averageExploitability.at(-1)!).toBeLessThanOrEqual(play.bound);
      return play.averageExploitability.at(-1)!;
    });
    expect(fitLogLogSlope(lengths, exploitability).slope).toBeLessThan(-0.4);
    // DNO: the KL-regularised best response to the previous iterate (beta = 1), from the same start.
    const dno = preferenceSelfPlay(game, { rounds: 200, eta: 1, start });
    for (const w of dno.winRateOverPrevious) expect(w).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });

  it('claim: with a binary reward, best-of-N is the KL-regularised optimum for the matching beta(N) (OREAL), and behaviour cloning on its samples recovers it', () => {
    // Three correct responses (reward 1) and four wrong ones under a skewed reference.
    const reference = [0.05, 0.1, 0.05, 0.3, 0.2, 0.2, 0.1];
    const problem = new AlignmentProblem({
      responses: 7,
      rewards: [1, 1, 1, 0, 0, 0, 0],
      reference,
    });
    const p = 0.2; // the reference's accuracy
    for (const n of [1, 2, 4, 16, 64]) {
      const miss = (1 - p) ** n; // all n samples wrong
      const law = problem.bestOfN(n);
      if (n === 1) {
        for (let y = 0; y < 7; y++) expect(law[y]).toBeCloseTo(problem.logReference[y]!, 14);
        continue;
      }
      // e^{1/beta} = s (1 - p) / (p (1 - s)), s = 1 - miss, puts mass s on the correct responses.
      const beta = 1 / Math.log(((1 - miss) * (1 - p)) / (p * miss));
      const optimum = problem.optimalPolicy(beta);
      // Equal to rounding: beta's log-odds carry a relative error of a few ulps times n.
      for (let y = 0; y < 7; y++) expect(law[y]).toBeCloseTo(optimum[y]!, 10);
    }
    // Behaviour cloning (the maximum-likelihood tabular policy) on 50,000 best-of-4 samples.
    const law = Array.from(problem.bestOfN(4), Math.exp);
    const rng = createRng(6);
    const draws = Float64Array.from({ length: 50_000 }, () => sampleCategorical(rng, law));
    expect(chiSquareTestDiscrete(draws, (k) => law[k] ?? 0).pValue).toBeGreaterThan(1e-4);
  });

  it('claim: resampling against an imperfect verifier is capped at p / (p + (1 - p) f)', () => {
    for (const [p, f] of [
      [0.3, 0.1],
      [0.05, 0.02],
      [0.6, 0.3],
    ] as const) {
      const ceiling = p / (p + (1 - p) * f);
      let previous = 0;
      for (const attempts of [1, 2, 4, 16, 64, 1024]) {
        const acc = resamplingAccuracy({ accuracy: p, falsePositive: f, attempts });
        expect(acc).toBeGreaterThanOrEqual(previous - 1e-15);
        expect(acc).toBeLessThanOrEqual(ceiling + 1e-15);
        previous = acc;
      }
      const limit = resamplingAccuracy({
        accuracy: p,
        falsePositive: f,
        attempts: Number.POSITIVE_INFINITY,
      });
      expect(limit).toBeCloseTo(ceiling, 15);
    }
  });

  it('claim: a general preference model (GPM) holds a cycle that the Bradley-Terry fit flattens to chance', () => {
    const rps = new PreferenceGame([
      [0.5, 0.1, 0.9],
      [0.9, 0.5, 0.1],
      [0.1, 0.9, 0.5],
    ]);
    // Bradley-Terry: equal utilities, so every pair is predicted at 1/2 (the majority at chance).
    const { utilities } = rps.bradleyTerryFit();
    for (const u of utilities) expect(u).toBeCloseTo(0, 9);
    // GPM with one rotation block fits the cycle itself.
    const gpm = fitPreferenceEmbedding(createRng(1), rps, {
      dim: 2,
      iterations: 4000,
      learningRate: 2,
    });
    for (let i = 0; i < 9; i++) expect(gpm.preferences[i]).toBeCloseTo(rps.matrix[i]!, 6);
    // Any skew-symmetric logit matrix of K responses fits with 2 ceil(K / 2) dimensions.
    const game = new PreferenceGame(cyclicPreferences());
    const full = fitPreferenceEmbedding(createRng(2), game, {
      dim: 4,
      iterations: 5000,
      learningRate: 2,
    });
    for (let i = 0; i < 16; i++) expect(full.preferences[i]).toBeCloseTo(game.matrix[i]!, 6);
  });

  it("claim: MaxMin alignment over groups found by EM raises the minority group's objective by more than it costs the majority", () => {
    const beta = 0.1;
    // A 70/30 population: the groups disagree on responses 0 and 1 and agree on 2 and 3.
    const majority = new AlignmentProblem({ responses: 4, rewards: [1, 0, 0.75, 0.2] });
    const minority = new AlignmentProblem({ responses: 4, rewards: [0, 1, 0.75, 0.2] });
    const rng = createRng(3);
    const users = Array.from({ length: 100 }, (_, u) =>
      preferenceDataset(rng, u < 70 ? majority : minority, { pairs: 20 }),
    );
    const J = (p: Float64Array) => [
      majority.evaluate(p, beta).objective,
      minority.evaluate(p, beta).objective,
    ];
    // One Bradley-Terry reward for everyone (the usual pipeline) and its optimum.
    const pooled = fitRewardMixture(createRng(4), users, {
      responses: 4,
      groups: 1,
      iterations: 50,
    });
    const single = J(
      new AlignmentProblem({ responses: 4, rewards: pooled.rewards }).optimalPolicy(beta),
    );
    // EM over two groups, then the egalitarian policy of the fitted groups.
    const mixture = fitRewardMixture(createRng(4), users, {
      responses: 4,
      groups: 2,
      iterations: 50,
    });
    const fitted = [0, 1].map(
      (g) =>
        new AlignmentProblem({ responses: 4, rewards: mixture.rewards.subarray(4 * g, 4 * g + 4) }),
    );
    const fair = J(maxMinPolicy(fitted, { beta }).logPolicy);
    const gain = fair[1]! - single[1]!;
    const cost = single[0]! - fair[0]!;
    expect(gain).toBeGreaterThan(0);
    expect(cost).toBeLessThan(gain);
    expect(Math.min(...fair)).toBeGreaterThan(Math.min(...single));
    // On the true groups the solver certifies its answer by a small duality gap.
    const exact = maxMinPolicy([majority, minority], { beta, iterations: 4000 });
    expect(exact.dualValue - exact.value).toBeLessThan(1e-3);
    expect(exact.value).toBeGreaterThanOrEqual(Math.min(...fair) - 1e-9);
  });

  it('claim: on a bimodal target a unimodal family fitted by maximum likelihood covers both modes from any start, by reverse KL it seeks the mode it starts at', () => {
    // 21 ordered responses, modes at 6 (weight 0.6) and 14 (0.4); the family e^{t1 x + t2 x^2}.
    const K = 21;
    const x = (y: number) => (y - 10) / 10;
    const bump = (m: number) => {
      const v = Array.from({ length: K }, (_, y) => Math.exp(-((y - m) ** 2) / 2));
      const z = v.reduce((a, b) => a + b, 0);
      return v.map((u) => u / z);
    };
    const [a, b] = [bump(6), bump(14)];
    const target = a.map((u, y) => 0.6 * u + 0.4 * b[y]!);
    const features = Array.from({ length: K }, (_, y) => [x(y), x(y) ** 2]);
    // Natural parameters of a narrow bump at response m (sd 1.5 responses).
    const at = (m: number) => [x(m) / 0.0225, -1 / (2 * 0.0225)];
    const near = (logPolicy: Float64Array, m: number) =>
      Array.from(logPolicy.subarray(m - 3, m + 4), Math.exp).reduce((u, v) => u + v, 0);
    const forward = [6, 14].map((m) =>
      fitByDivergence(createRng(1), target, features, { divergence: 'forward-kl', start: at(m) }),
    );
    // Convex: one optimum from both starts, and it matches the target's moments E[x], E[x^2].
    for (let j = 0; j < 2; j++)
      expect(forward[0]!.parameters[j]).toBeCloseTo(forward[1]!.parameters[j]!, 5);
    for (let j = 0; j < 2; j++) {
      const moment = (w: ArrayLike<number>) =>
        Array.from(w).reduce((acc, p, y) => acc + p * features[y]![j]!, 0);
      expect(moment(Array.from(forward[0]!.logPolicy, Math.exp))).toBeCloseTo(moment(target), 6);
    }
    expect(near(forward[0]!.logPolicy, 6)).toBeGreaterThan(0.3);
    expect(near(forward[0]!.logPolicy, 14)).toBeGreaterThan(0.3);
    // Reverse KL: each start keeps its mode, at the divergence log(1 / weight of that mode).
    const reverse = [6, 14].map((m) =>
      fitByDivergence(createRng(1), target, features, { divergence: 'reverse-kl', start: at(m) }),
    );
    expect(near(reverse[0]!.logPolicy, 6)).toBeGreaterThan(0.99);
    expect(near(reverse[1]!.logPolicy, 14)).toBeGreaterThan(0.99);
    expect(reverse[0]!.divergence).toBeCloseTo(Math.log(1 / 0.6), 2);
    expect(reverse[1]!.divergence).toBeCloseTo(Math.log(1 / 0.4), 2);
  });

  it('claim: under a reward model that overrates a rare bad response, best-of-n degrades as n grows and best-of-majority does not', () => {
    const problem = new AlignmentProblem({
      responses: 5,
      rewards: [1, 0.6, 0.4, 0.2, 0],
      reference: [0.3, 0.25, 0.25, 0.18, 0.02],
    });
    const scores = [1, 0.6, 0.4, 0.2, 3]; // response 4 is rare, bad, and scored best
    const sizes = [4, 16, 64, 256, 1024];
    // Best-of-n, exactly: the true reward of its law under the proxy's ranking.
    const bestOfN = sizes.map(
      (n) => 1 - problem.evaluate(problem.bestOfN(n, { scores }), 1).reward,
    );
    for (let i = 1; i < sizes.length; i++) expect(bestOfN[i]!).toBeGreaterThan(bestOfN[i - 1]!);
    expect(bestOfN.at(-1)!).toBeGreaterThan(0.99);
    // Best-of-majority (threshold 0.1), by simulation: Hoeffding at 1e-6 per estimate.
    const trials = 4000;
    const width = Math.sqrt(Math.log(2e6) / (2 * trials));
    const rng = createRng(8);
    const bestOfMajority = sizes.map((n) => {
      let regret = 0;
      for (let t = 0; t < trials; t++) {
        const [y] = selectResponses(rng, problem, 0, { strategy: 'best-of-majority', n, scores });
        regret += 1 - problem.rewards[y!]!;
      }
      return regret / trials;
    });
    for (let i = 1; i < sizes.length; i++)
      expect(bestOfMajority[i]!).toBeLessThanOrEqual(bestOfMajority[i - 1]! + 2 * width);
    expect(bestOfMajority.at(-1)!).toBeLessThan(width);
  });

  it("claim: BRAIn's self-normalised baseline makes the distillation gradient exactly zero at the posterior, so it converges where the plain distributional policy gradient keeps its noise", () => {
    const problem = new AlignmentProblem({
      responses: 5,
      rewards: [0, 1, 2, 0.5, -1],
      reference: [0.3, 0.3, 0.1, 0.2, 0.1],
    });
    const tail = (norms: Float64Array) =>
      Array.from(norms.subarray(-500)).reduce((a, b) => a + b, 0) / 500;
    const brain = brainDistill(createRng(1), problem, { beta: 1, iterations: 4000 });
    expect(problem.evaluate(brain.logPolicy, 1).klToOptimum).toBeLessThan(1e-12);
    expect(tail(brain.gradientNorms)).toBeLessThan(1e-20);
    const plain = brainDistill(createRng(1), problem, {
      beta: 1,
      iterations: 4000,
      baseline: 'none',
    });
    expect(tail(plain.gradientNorms)).toBeGreaterThan(1e-3);
    expect(problem.evaluate(plain.logPolicy, 1).klToOptimum).toBeGreaterThan(1e-4);
  });
});
