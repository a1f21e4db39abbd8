import { exp } from '@x/linalg/math';
import { softMaximum } from '../planning/softMaximum.ts';
import type { TokenTree } from './TokenTree.ts';

/** The law $\mu(y) \propto \rho(y) e^{w(y)/\beta}$ of responses, seen from every prefix. */
export interface TiltedSequenceLaw {
  /**
   * Per node (prefixes then responses, heap order): the soft value $\beta \log E_\rho[e^{w/\beta}
   * \mid \text{node}]$, in the units of the weight w (zeros without a tilt).
   */
  readonly softValue: Float64Array;
  /** Per node: $E_\mu[r \mid \text{node}]$, the expected sequence reward of continuations. */
  readonly value: Float64Array;
  /** The token-level conditionals of $\mu$: $\pi_\mu(z \mid n) = \pi(z \mid n) e^{(u(nz) - u(n))/\beta}$. */
  readonly policy: Float64Array;
}

/** A tilt $e^{w(y)/\beta}$ of the sequence law: a weight per response and the KL weight beta that divides it. */
export interface SequenceTilt {
  /** $w(y)$, one finite number per response. */
  readonly weight: (response: number) => number;
  /** $\beta > 0$. */
  readonly beta: number;
}

/**
 * One backward pass over the token tree that tilts the sequence law of a token-level `policy` by
 * $e^{w(y)/\beta}$ (none: no tilt) and returns, at each node, the soft value, the expected reward
 * of continuations and the token-level conditionals of the tilted law. Everything on the tree is
 * an instance: the KL-regularised optimum tilts the reference by $r/\beta$, a policy's Q-values
 * are the untilted expected rewards, indirect transfer tilts the baseline by $(r -
 * r_{BL})/\beta$.
 *
 * Soft values are kept in the weight's units, $u(n) = u_{max} + \beta\log E[e^{(u(c) -
 * u_{max})/\beta}]$ over the children c, so no quotient $w/\beta$ is ever formed: every $\beta >
 * 0$ gives finite values, down to the hard maximum as $\beta \to 0$; weak tilts ($|u|/\beta$ small,
 * as with a large $\beta$) use $\beta\,\mathrm{log1p}(E[\mathrm{expm1}(u/\beta)])$, which keeps the
 * digits that the factor $\beta$ would magnify. Policy rows are taken as distributions (each is
 * divided by its sum, which validation already put within rounding of 1). Inputs are trusted
 * (validated by the callers).
 */
export function tiltedSequenceLaw(
  tree: TokenTree,
  policy: Float64Array,
  tilt?: SequenceTilt,
): TiltedSequenceLaw {
  const V = tree.vocabulary;
  const I = tree.prefixes;
  const nodes = I + tree.responses;
  const u = new Float64Array(nodes);
  const value = new Float64Array(nodes);
  const conditional = new Float64Array(I * V);
  const beta = tilt?.beta ?? 1;
  for (let y = 0; y < tree.responses; y++) {
    if (tilt !== undefined) u[I + y] = tilt.weight(y);
    value[I + y] = tree.reward[y]!;
  }
  for (let n = I - 1; n >= 0; n--) {
    const first = V * n + 1;
    let total = 0;
    for (let z = 0; z < V; z++) total += policy[n * V + z]!;
    if (tilt === undefined) {
      for (let z = 0; z < V; z++) conditional[n * V + z] = policy[n * V + z]! / total;
    } else {
      u[n] = softMaximum(u, first, policy, n * V, V, beta);
      let sum = 0;
      for (let z = 0; z < V; z++) {
        const p = policy[n * V + z]!;
        const w = p > 0 ? (p / total) * exp((u[first + z]! - u[n]!) / beta) : 0;
        conditional[n * V + z] = w;
        sum += w;
      }
      for (let z = 0; z < V; z++) conditional[n * V + z] = conditional[n * V + z]! / sum;
    }
    let v = 0;
    for (let z = 0; z < V; z++) v += conditional[n * V + z]! * value[first + z]!;
    value[n] = v;
  }
  return { softValue: u, value, policy: conditional };
}

/**
 * The Q layout of a node array: `q[n * V + z]` is the entry of the child $nz$ of prefix n, which
 * in heap order is node $Vn + 1 + z$, so the layout is the node array shifted by one. @internal
 */
export function childEntries(tree: TokenTree, perNode: Float64Array): Float64Array {
  return perNode.slice(1, 1 + tree.prefixes * tree.vocabulary);
}
