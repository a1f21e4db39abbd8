import { gaussLegendre } from '@x/linalg';
import { exp, log } from '@x/linalg/math';

/** One arm's posterior on the real line, for {@link probabilityOfBest}. */
export interface PosteriorMarginal {
  readonly mean: number;
  /** Standard deviation, > 0. */
  readonly sd: number;
  /** The density at x. */
  pdf(x: number): number;
  /** The CDF at x. */
  cdf(x: number): number;
}

/** Breakpoints per arm, in standard deviations from its mean. */
const OFFSETS = [
  -12, -8, -6, -5, -4, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 12,
];
const NODES = 12;

/**
 * The probability that each candidate's posterior draw is the largest, $P(a) = \int f_a(x)
 * \prod_{b \ne a} F_b(x)\,dx$ (independent posteriors; ties have probability 0), by composite
 * Gauss-Legendre quadrature on panels that resolve every arm: breakpoints at each arm's mean
 * plus $\{0, \pm 0.5, \dots, \pm 12\}$ standard deviations, clipped to the support $[lo, hi]$,
 * 12 nodes a panel. For smooth densities (Gaussian; Beta with both shapes >= 1) the integrals are
 * accurate to about $10^{-12}$; the results are normalised to sum to 1 over the candidates. The
 * products of CDFs are formed once per node for all arms (in log space, with a count of zero
 * factors), so the cost is $O(K \cdot \text{nodes})$ CDF evaluations. @internal
 *
 * @param out - receives P(a) at each candidate's index, 0 elsewhere
 */
export function probabilityOfBest(
  marginals: readonly PosteriorMarginal[],
  candidates: ArrayLike<number>,
  lo: number,
  hi: number,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  const k = candidates.length;
  if (k === 1) {
    out[candidates[0]!] = 1;
    return out;
  }
  const points: number[] = [lo, hi];
  for (let c = 0; c < k; c++) {
    const m = marginals[candidates[c]!]!;
    for (const z of OFFSETS) {
      const x = m.mean + z * m.sd;
      if (x > lo && x < hi) points.push(x);
    }
  }
  points.sort((a, b) => a - b);
  const { nodes, weights } = gaussLegendre(NODES);
  const logF = new Float64Array(k);
  const pdf = new Float64Array(k);
  for (let p = 1; p < points.length; p++) {
    const a = points[p - 1]!;
    const b = points[p]!;
    if (!(b > a)) continue;
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    for (let i = 0; i < NODES; i++) {
      const x = mid + half * nodes[i]!;
      let total = 0;
      let zeros = 0;
      for (let c = 0; c < k; c++) {
        const m = marginals[candidates[c]!]!;
        const f = m.cdf(x);
        pdf[c] = m.pdf(x);
        if (f > 0) {
          logF[c] = log(f);
          total += logF[c]!;
        } else {
          logF[c] = Number.NEGATIVE_INFINITY;
          zeros++;
        }
      }
      const w = weights[i]! * half;
      for (let c = 0; c < k; c++) {
        if (pdf[c] === 0) continue;
        const own = logF[c] === Number.NEGATIVE_INFINITY;
        if (zeros - (own ? 1 : 0) > 0) continue;
        const others = own ? total : total - logF[c]!;
        const idx = candidates[c]!;
        out[idx] = out[idx]! + w * pdf[c]! * exp(others);
      }
    }
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[candidates[c]!]!;
  for (let c = 0; c < k; c++) out[candidates[c]!] = out[candidates[c]!]! / sum;
  return out;
}
