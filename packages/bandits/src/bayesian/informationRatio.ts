import { assertFiniteVector, assertInteger } from '@x/linalg/validate';
/** The IDS action distribution over a pair of arms, and its value of the information ratio. */
export interface IdsDistribution {
  /** First arm of the support. */
  readonly first: number;
  /** Second arm (equal to `first` for a point mass). */
  readonly second: number;
  /** Probability of `first`. */
  readonly q: number;
  /** Expected regret $\Delta(\pi)$ of the distribution. */
  readonly regret: number;
  /** Expected information $g(\pi)$ of the distribution. */
  readonly information: number;
  /** The information ratio $\Delta(\pi)^2 / g(\pi)$ (0 when the regret is 0). */
  readonly ratio: number;
}

function ratioOf(regret: number, information: number): number {
  if (regret <= 0) return 0;
  return information > 0 ? (regret * regret) / information : Number.POSITIVE_INFINITY;
}

/**
 * Minimises the information ratio $\Psi(\pi) = (\sum_a \pi_a \Delta_a)^2 / \sum_a \pi_a g_a$
 * over distributions on the candidate arms. A minimiser is supported on at most two arms
 * (Russo and Van Roy, Proposition 6), so it is found exactly over pairs: on the pair (i, j)
 * with weight q on i, $\Psi(q) = (\Delta_j + q(\Delta_i - \Delta_j))^2/(g_j + q(g_i - g_j))$ is
 * stationary at $q^* = \Delta_j/(\Delta_i - \Delta_j) - 2 g_j/(g_i - g_j)$, clipped to [0, 1];
 * with the endpoints, that covers every candidate.
 *
 * @param regret - $\Delta_a$ per arm (>= 0)
 * @param information - $g_a$ per arm (>= 0)
 * @param candidates - the arms allowed
 *
 * @example
 * // Arm 0 is cheap but uninformative, arm 1 costly and informative.
 * const best = minimizeInformationRatio([0.1, 0.5], [0.001, 0.2], [0, 1]);
 * best.ratio; // the smallest (regret)^2 / information over mixtures of two arms
 *
 * References: Russo and Van Roy, "Learning to Optimize via Information-Directed Sampling",
 * arXiv:1403.5556, Section 4 and Proposition 6.
 */
export function minimizeInformationRatio(
  regret: ArrayLike<number>,
  information: ArrayLike<number>,
  candidates: ArrayLike<number>,
): IdsDistribution {
  const fn = 'minimizeInformationRatio';
  assertFiniteVector(fn, 'regret', regret, undefined, { min: 0 });
  assertFiniteVector(fn, 'information', information, regret.length, { min: 0 });
  assertFiniteVector(fn, 'candidates', candidates);
  if (candidates.length === 0) throw new RangeError(`${fn}: candidates must not be empty`);
  for (let c = 0; c < candidates.length; c++)
    assertInteger(fn, `candidates[${c}]`, candidates[c], 0, regret.length - 1);
  return informationRatioMinimizers(regret, information, candidates)[0]!;
}

/**
 * All minimisers of the information ratio over pairs (ties within a relative $10^{-12}$, then
 * in expected regret), in candidate order: IDS picks among them uniformly at random, so that
 * symmetric arms are not ranked by index.
 */
export function informationRatioMinimizers(
  regret: ArrayLike<number>,
  information: ArrayLike<number>,
  candidates: ArrayLike<number>,
): IdsDistribution[] {
  let best: IdsDistribution[] = [];
  const same = (x: number, y: number) =>
    x === y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
  const consider = (first: number, second: number, q: number) => {
    const d = q * regret[first]! + (1 - q) * regret[second]!;
    const g = q * information[first]! + (1 - q) * information[second]!;
    const ratio = ratioOf(d, g);
    const incumbent = best[0];
    const candidate = { first, second, q, regret: d, information: g, ratio };
    // Prefer the smaller ratio, then the smaller regret (a 0-regret arm beats any ratio-0 tie).
    if (
      incumbent === undefined ||
      (!same(ratio, incumbent.ratio) && ratio < incumbent.ratio) ||
      (same(ratio, incumbent.ratio) && !same(d, incumbent.regret) && d < incumbent.regret)
    ) {
      best = [candidate];
    } else if (same(ratio, incumbent.ratio) && same(d, incumbent.regret)) {
      best.push(candidate);
    }
  };
  for (let x = 0; x < candidates.length; x++) {
    const i = candidates[x]!;
    consider(i, i, 1);
    for (let y = x + 1; y < candidates.length; y++) {
      const j = candidates[y]!;
      const a = regret[i]! - regret[j]!;
      const b = information[i]! - information[j]!;
      if (a !== 0 && b !== 0) {
        const q = regret[j]! / a - (2 * information[j]!) / b;
        if (q > 0 && q < 1) consider(i, j, q);
      }
    }
  }
  return best;
}
