import { assertFiniteVector, assertInteger, MAX_ARRAY_LENGTH } from '@x/linalg/validate';
/**
 * What IDS needs from the posterior, per arm a: the probability $p^*_a$ that a is optimal, the
 * posterior mean $\mu_a$, and $M_{a,b} = E[\theta_a \mid A^* = b]$. From these, the expected
 * regret $\Delta_a = \rho^* - \mu_a$ with $\rho^* = \sum_b p^*_b M_{b,b}$, the information gain
 * $g_a = \sum_b p^*_b\, \mathrm{kl}(M_{a,b}, \mu_a)$ (Bernoulli observations) and its variance
 * proxy $v_a = \sum_b p^*_b (M_{a,b} - \mu_a)^2$.
 */
export interface PosteriorSummaries {
  readonly optimalProbability: Float64Array;
  readonly mean: Float64Array;
  /** Row-major K x K: entry (a, b) is $E[\theta_a \mid A^* = b]$. */
  readonly conditionalMean: Float64Array;
}

/**
 * Computes the summaries for independent posteriors with densities on a grid, by the
 * trapezoidal rule: $p^*_b = \int f_b \prod_{l \ne b} F_l$, $M_{b,b} = \int x f_b \prod_{l\ne b}
 * F_l / p^*_b$, and for $a \ne b$, $M_{a,b} = \int f_b\, R_a \prod_{l \ne b} F_l / p^*_b$ with
 * $R_a(x) = E[\theta_a \mid \theta_a \le x]$. Cost $O(K^2 n)$ for n grid points.
 *
 * @param grid - increasing grid points x, length n
 * @param pdf - row-major K x n densities on the grid
 * @param means - exact posterior means
 * @param candidates - the arms taking part (others are ignored and get zeros)
 *
 * @example
 * // Two arms whose means lie on a grid of 3 points, with each arm's posterior density there.
 * const grid = Float64Array.of(0.25, 0.5, 0.75);
 * const pdf = Float64Array.of(1, 2, 1, 0.5, 1, 2.5); // arm-major, arms x grid
 * const s = posteriorSummaries(grid, pdf, [0.5, 0.6], [0, 1], 2);
 * s.optimalProbability; // P(arm a is the best), for each arm
 *
 * References: Russo and Van Roy, "Learning to Optimize via Information-Directed Sampling",
 * arXiv:1403.5556, Section 7 (the computation for independent arms on a grid).
 */
export function posteriorSummaries(
  grid: Float64Array,
  pdf: Float64Array,
  means: ArrayLike<number>,
  candidates: ArrayLike<number>,
  arms: number,
): PosteriorSummaries {
  const fn = 'posteriorSummaries';
  if (!(grid instanceof Float64Array) || grid.length < 2)
    throw new TypeError(`${fn}: grid must be a Float64Array of at least 2 points`);
  assertFiniteVector(fn, 'grid', grid);
  assertInteger(fn, 'arms', arms, 1, Math.floor(MAX_ARRAY_LENGTH / grid.length));
  if (!(pdf instanceof Float64Array))
    throw new TypeError(`${fn}: pdf must be a Float64Array of arms x grid points`);
  assertFiniteVector(fn, 'pdf', pdf, arms * grid.length);
  assertFiniteVector(fn, 'means', means, arms);
  assertFiniteVector(fn, 'candidates', candidates);
  if (candidates.length === 0) throw new RangeError(`${fn}: candidates must not be empty`);
  for (let c = 0; c < candidates.length; c++)
    assertInteger(fn, `candidates[${c}]`, candidates[c], 0, arms - 1);
  return posteriorSummariesUnchecked(grid, pdf, means, candidates, arms);
}

/** {@link posteriorSummaries} without its checks, for IDS's select path. @internal */
export function posteriorSummariesUnchecked(
  grid: Float64Array,
  pdf: Float64Array,
  means: ArrayLike<number>,
  candidates: ArrayLike<number>,
  arms: number,
): PosteriorSummaries {
  const n = grid.length;
  const k = candidates.length;
  const cdf = new Float64Array(k * n);
  const r = new Float64Array(k * n);
  // CDFs and truncated means by cumulative trapezoids, each CDF normalised to end at 1.
  for (let c = 0; c < k; c++) {
    const a = candidates[c]!;
    let mass = 0;
    let first = 0;
    cdf[c * n] = 0;
    r[c * n] = grid[0]!;
    for (let t = 1; t < n; t++) {
      const h = grid[t]! - grid[t - 1]!;
      const f0 = pdf[a * n + t - 1]!;
      const f1 = pdf[a * n + t]!;
      mass += 0.5 * h * (f0 + f1);
      first += 0.5 * h * (grid[t - 1]! * f0 + grid[t]! * f1);
      cdf[c * n + t] = mass;
      r[c * n + t] = mass > 0 ? first / mass : grid[t]!;
    }
    for (let t = 0; t < n; t++) cdf[c * n + t] = cdf[c * n + t]! / mass;
  }
  // others[c][t] = product over l != c of F_l(t), by prefix and suffix products.
  const others = new Float64Array(k * n);
  const prefix = new Float64Array(n).fill(1);
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < n; t++) others[c * n + t] = prefix[t]!;
    for (let t = 0; t < n; t++) prefix[t] = prefix[t]! * cdf[c * n + t]!;
  }
  const suffix = new Float64Array(n).fill(1);
  for (let c = k - 1; c >= 0; c--) {
    for (let t = 0; t < n; t++) others[c * n + t] = others[c * n + t]! * suffix[t]!;
    for (let t = 0; t < n; t++) suffix[t] = suffix[t]! * cdf[c * n + t]!;
  }
  /** Trapezoidal integral of pdf_b * g * others_c, with g = x (a = b) or R_e. */
  const integrate = (b: number, c: number, weight: Float64Array | null, e: number): number => {
    let s = 0;
    let prev = 0;
    for (let t = 0; t < n; t++) {
      const w = weight === null ? 1 : e < 0 ? grid[t]! : weight[e * n + t]!;
      const cur = pdf[b * n + t]! * w * others[c * n + t]!;
      if (t > 0) s += 0.5 * (grid[t]! - grid[t - 1]!) * (prev + cur);
      prev = cur;
    }
    return s;
  };
  const optimalProbability = new Float64Array(arms);
  const conditionalMean = new Float64Array(arms * arms);
  const mean = new Float64Array(arms);
  let total = 0;
  for (let c = 0; c < k; c++) {
    const b = candidates[c]!;
    mean[b] = means[b]!;
    const p = Math.max(0, integrate(b, c, null, 0));
    optimalProbability[b] = p;
    total += p;
  }
  for (let c = 0; c < k; c++) {
    const b = candidates[c]!;
    optimalProbability[b] = optimalProbability[b]! / total;
  }
  for (let c = 0; c < k; c++) {
    const b = candidates[c]!;
    const pb = optimalProbability[b]! * total;
    for (let e = 0; e < k; e++) {
      const a = candidates[e]!;
      // An arm that is almost surely not optimal adds nothing to the p*-weighted sums.
      let m: number;
      if (optimalProbability[b]! < 1e-12) m = means[a]!;
      else if (a === b) m = integrate(b, c, r, -1) / pb;
      else m = integrate(b, c, r, e) / pb;
      conditionalMean[a * arms + b] = m;
    }
  }
  return { optimalProbability, mean, conditionalMean };
}
