import { assertInRange, assertInstance } from '@x/linalg/validate';
import { EnvironmentClass } from './EnvironmentClass.ts';

/** A partition of an environment class into cells of nearby environments. */
export interface SurrogateCells {
  /** The cell of each environment. */
  readonly cell: Int32Array;
  /** Number of cells K(epsilon). */
  readonly count: number;
  /** The centre (an environment index) of each cell. */
  readonly centres: Int32Array;
}

/**
 * The surrogate learning target of information-directed sampling: a partition of the class into
 * cells whose members are within $\epsilon$ of the cell's centre, so the agent seeks information
 * about the cell, not about details that do not change its decisions; the regret bound then pays
 * $\log K(\epsilon)$ instead of the log of the class size, plus $\epsilon$ per episode.
 *
 * The distance between environments i and k is $\max_\pi |V_i^\pi - V_k^\pi|$ over the policies
 * the agents choose from (the optimal policy of each environment, and the baseline), which is
 * what the surrogate must preserve for the regret argument. Choice made: the paper defines its
 * $\ell_g$-distance through the link function of the preference model; this value distance is
 * the library's stand-in (the paper's body text was not available when this was written), and
 * it bounds the gap that any candidate's value can open between cell members. Cells are built
 * greedily, centres taken in decreasing prior weight.
 *
 * @param epsilon - cell radius, >= 0 (0: only environments that give every candidate the same value share a cell)
 * @throws RangeError on a bad epsilon
 *
 * References: Qi, Yang, Zhang and Yang, arXiv:2502.05434 (the surrogate environment);
 * Hao and Lattimore, "Regret Bounds for Information-Directed Reinforcement Learning",
 * arXiv:2206.04640, Section 4 (surrogate learning targets).
 */
export function surrogateCells(envs: EnvironmentClass, epsilon: number): SurrogateCells {
  assertInstance('surrogateCells', 'envs', envs, EnvironmentClass);
  assertInRange('surrogateCells', 'epsilon', epsilon, 0, Number.POSITIVE_INFINITY, {
    hiOpen: true,
  });
  const M = envs.size;
  const order = Int32Array.from({ length: M }, (_, i) => i).sort(
    (a, b) => envs.prior[b]! - envs.prior[a]! || a - b,
  );
  const cell = new Int32Array(M).fill(-1);
  const centres: number[] = [];
  for (const i of order) {
    for (const [c, k] of centres.entries()) {
      if (environmentDistance(envs, i, k) <= epsilon) {
        cell[i] = c;
        break;
      }
    }
    if (cell[i] === -1) {
      cell[i] = centres.length;
      centres.push(i);
    }
  }
  return { cell, count: centres.length, centres: Int32Array.from(centres) };
}

/** $\max_\pi |V_i^\pi - V_k^\pi|$ over the candidate policies and the baseline. @internal */
export function environmentDistance(envs: EnvironmentClass, i: number, k: number): number {
  const M = envs.size;
  let d = Math.abs(envs.baselineValues[i]! - envs.baselineValues[k]!);
  for (let j = 0; j < M; j++)
    d = Math.max(d, Math.abs(envs.policyValues[i * M + j]! - envs.policyValues[k * M + j]!));
  return d;
}
