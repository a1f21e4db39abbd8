import type { TokenTree } from './TokenTree.ts';

/** The law $\mu(y) \propto \rho(y) e^{w(y)}$ of responses, seen from every prefix. */
export interface TiltedSequenceLaw {
  /** Per node (prefixes then responses, heap order): $\log E_\rho[e^{w} \mid \text{node}]$. */
  readonly logMass: Float64Array;
  /** Per node: $E_\mu[r \mid \text{node}]$, the expected sequence reward of continuations. */
  readonly value: Float64Array;
  /** The token-level conditionals of $\mu$: $\pi_\mu(z \mid n) = \pi(z \mid n) e^{m(nz) - m(n)}$. */
  readonly policy: Float64Array;
}

/** Below this largest |child log-mass|, a node's log-mass is computed as log1p of a mean of expm1. */
const SMALL_TILT = 0.5;

/**
 * One backward pass over the token tree that tilts the sequence law of a token-level `policy` by
 * `logWeight(y)` (none: no tilt) and returns, at each node, the log normaliser, the expected
 * reward of continuations and the token-level conditionals of the tilted law. Everything on the
 * tree is an instance: the KL-regularised optimum tilts the reference by $r/\beta$, a policy's
 * Q-values are the untilted expected rewards, indirect transfer tilts the baseline by $(r -
 * r_{BL})/\beta$. Work in log space, so large rewards over small temperatures do not overflow,
 * and with log1p/expm1 for weak tilts, so the log-masses keep their digits when a large weight
 * multiplies them back. Policy rows are taken as distributions (each is divided by its sum, which
 * validation already put within rounding of 1). Inputs are trusted (validated by the callers).
 */
export function tiltedSequenceLaw(
  tree: TokenTree,
  policy: Float64Array,
  logWeight?: (response: number) => number,
): TiltedSequenceLaw {
  const V = tree.vocabulary;
  const I = tree.prefixes;
  const nodes = I + tree.responses;
  const logMass = new Float64Array(nodes);
  const value = new Float64Array(nodes);
  const conditional = new Float64Array(I * V);
  for (let y = 0; y < tree.responses; y++) {
    logMass[I + y] = logWeight === undefined ? 0 : logWeight(y);
    value[I + y] = tree.reward[y]!;
  }
  for (let n = I - 1; n >= 0; n--) {
    const first = V * n + 1;
    let total = 0;
    let max = Number.NEGATIVE_INFINITY;
    let spread = 0;
    for (let z = 0; z < V; z++) {
      const p = policy[n * V + z]!;
      if (p > 0) {
        const m = logMass[first + z]!;
        total += p;
        max = Math.max(max, Math.log(p) + m);
        spread = Math.max(spread, Math.abs(m));
      }
    }
    if (spread <= SMALL_TILT) {
      // Children's log-masses near 0 (a weak tilt, as with a large KL weight): log E[e^m] =
      // log1p(E[expm1(m)]) keeps the digits that log(sum of e^m) would round away, and the
      // weight beta that later multiplies the log-mass would magnify that rounding.
      let s = 0;
      for (let z = 0; z < V; z++) {
        const p = policy[n * V + z]!;
        if (p > 0) s += (p / total) * Math.expm1(logMass[first + z]!);
      }
      logMass[n] = Math.log1p(s);
    } else {
      let sum = 0;
      for (let z = 0; z < V; z++) {
        const p = policy[n * V + z]!;
        if (p > 0) sum += Math.exp(Math.log(p) + logMass[first + z]! - max);
      }
      logMass[n] = max + Math.log(sum / total);
    }
    let sum = 0;
    for (let z = 0; z < V; z++) {
      const p = policy[n * V + z]!;
      const w = p > 0 ? (p / total) * Math.exp(logMass[first + z]! - logMass[n]!) : 0;
      conditional[n * V + z] = w;
      sum += w;
    }
    let v = 0;
    for (let z = 0; z < V; z++) {
      const c = conditional[n * V + z]! / sum;
      conditional[n * V + z] = c;
      v += c * value[first + z]!;
    }
    value[n] = v;
  }
  return { logMass, value, policy: conditional };
}

/**
 * The Q layout of a node array: `q[n * V + z]` is the entry of the child $nz$ of prefix n, which
 * in heap order is node $Vn + 1 + z$, so the layout is the node array shifted by one. @internal
 */
export function childEntries(tree: TokenTree, perNode: Float64Array): Float64Array {
  return perNode.slice(1, 1 + tree.prefixes * tree.vocabulary);
}
