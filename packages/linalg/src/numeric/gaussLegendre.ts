import { cos } from '../math/index.ts';
import { assertInteger } from '../validate/assert.ts';

/** Nodes and weights of a quadrature rule: $\int f \approx \sum_i w_i f(x_i)$. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, QuadratureRule>();

/**
 * The n-point Gauss-Legendre rule on $[-1, 1]$, exact for polynomials of degree $2n - 1$: the
 * nodes are the roots of the Legendre polynomial $P_n$ (Newton's method from Tricomi's
 * approximation $\cos(\pi(4i - 1)/(4n + 2))$, the three-term recurrence for $P_n$ and $P_n'$),
 * the weights $2/((1 - x_i^2)P_n'(x_i)^2)$. Rules are computed once per n and cached; do not
 * modify the returned arrays. For $[a, b]$ use nodes $\frac{b-a}2 x_i + \frac{a+b}2$ and weights
 * $\frac{b-a}2 w_i$.
 *
 * @param n - number of points, an integer in [1, 1024]
 * @returns the nodes in increasing order and their weights (summing to 2)
 * @throws RangeError if n is not an integer in [1, 1024]
 *
 * @example
 * const { nodes, weights } = gaussLegendre(5);
 * let s = 0;
 * for (let i = 0; i < 5; i++) s += weights[i]! * nodes[i]! ** 8; // 2/9, exactly up to rounding
 *
 * References: Golub and Welsch, "Calculation of Gauss Quadrature Rules", Math. Comp. 23, 1969;
 * Abramowitz and Stegun, Handbook of Mathematical Functions, 25.4.29.
 */
export function gaussLegendre(n: number): QuadratureRule {
  assertInteger('gaussLegendre', 'n', n, 1, 1024);
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let x = cos((Math.PI * (4 * i + 3)) / (4 * n + 2));
    let dp = 0;
    // Newton's method converges quadratically from this start; 100 steps bound the loop.
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pm = n === 1 ? 1 : p0;
      dp = (n * (x * pn - pm)) / (x * x - 1);
      const dx = pn / dp;
      x -= dx;
      if (Math.abs(dx) <= 1e-16 * Math.max(1, Math.abs(x))) break;
    }
    if (n === 1) dp = 1;
    const w = 2 / ((1 - x * x) * dp * dp);
    nodes[n - 1 - i] = x;
    nodes[i] = -x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}
