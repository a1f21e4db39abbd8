import { assertInRange, assertInteger } from '@x/linalg';
import type { Mdp } from '../model/Mdp.ts';

/** The CVaR-optimal plan found by {@link maximizeCvar}. */
export interface CvarSolution {
  /** $\max_\pi \mathrm{CVaR}_\tau(G)$, with $G = \sum_{h<H} R(s_h, a_h)$ from the start state. */
  readonly cvar: number;
  /** The optimal stock threshold c (the value at risk of the optimal return distribution). */
  readonly threshold: number;
  /**
   * The optimal stock-augmented policy: the action at step h in state s when the reward
   * collected so far is g is `action(h, s, g)` (it depends on the history only through g).
   */
  readonly action: (h: number, s: number, collected: number) => number;
}

/**
 * Maximises the lower-tail conditional value at risk of the finite-horizon return, $\mathrm{CVaR}
 * _\tau(G) = \max_c \{c - E[(c - G)^+]/\tau\}$ (Rockafellar and Uryasev), by dynamic programming
 * with stock augmentation: for a fixed c, minimising $E[(c - G)^+]$ is an MDP on the augmented
 * state (s, collected reward), solved exactly by backward induction over the finitely many
 * reachable reward totals; the outer maximisation over c needs only the reachable returns, where
 * the piecewise-linear objective has its kinks. Optimal CVaR policies are history-dependent in
 * general; through the stock they become Markov on the augmented state.
 *
 * Choices made: rewards are the deterministic R(s, a) of the model (so the reachable totals are
 * finite), the return is undiscounted over H steps, and ties go to the lowest action. The cost
 * grows with the number of distinct reachable totals, at most $(SA)^H$, so this is for small
 * models, such as the ones the paper's examples use.
 *
 * @param tau - the tail level, in (0, 1]; tau = 1 gives the expected return
 * @throws RangeError on bad arguments or more than 2^20 augmented states
 *
 * References: Pires, Rowland, Borsa, Guo, Khetarpal, Barreto, Abel, Munos and Dabney,
 * "Optimizing Return Distributions with Distributional Dynamic Programming", arXiv:2501.13028
 * (stock-augmented distributional DP); Bäuerle and Ott, "Markov Decision Processes with
 * Average-Value-at-Risk criteria", Math. Meth. Oper. Res. 74, 2011; Rockafellar and Uryasev,
 * "Optimization of conditional value-at-risk", J. Risk 2, 2000.
 */
export function maximizeCvar(mdp: Mdp, horizon: number, tau: number, start = 0): CvarSolution {
  const fn = 'maximizeCvar';
  assertInteger(fn, 'horizon', horizon, 1);
  assertInRange(fn, 'tau', tau, 0, 1, { loOpen: true });
  assertInteger(fn, 'start', start, 0, mdp.states - 1);
  const A = mdp.actions;
  // Reachable (state, collected) pairs per step, forward.
  const layers: Map<string, { s: number; g: number }>[] = [
    new Map([[key(start, 0), { s: start, g: 0 }]]),
  ];
  let size = 1;
  for (let h = 0; h < horizon; h++) {
    const nextLayer = new Map<string, { s: number; g: number }>();
    for (const { s, g } of layers[h]!.values()) {
      for (let a = 0; a < A; a++) {
        const total = g + mdp.reward[s * A + a]!;
        for (let j = mdp.rowStart[s * A + a]!; j < mdp.rowStart[s * A + a + 1]!; j++) {
          const k = key(mdp.next[j]!, total);
          if (!nextLayer.has(k)) nextLayer.set(k, { s: mdp.next[j]!, g: total });
        }
      }
    }
    size += nextLayer.size;
    if (size > 1 << 20)
      throw new RangeError(
        `${fn}: more than 2^20 augmented states; lower horizon (got ${horizon})`,
      );
    layers.push(nextLayer);
  }
  const returns = [...new Set(Array.from(layers[horizon]!.values(), (x) => x.g))];
  let best = { cvar: Number.NEGATIVE_INFINITY, threshold: 0, choice: new Map<string, number>() };
  for (const c of returns) {
    // Backward induction of the shortfall E[(c - G)^+] on the augmented states.
    let cost = new Map<string, number>();
    for (const [k, { g }] of layers[horizon]!) cost.set(k, Math.max(0, c - g));
    const choice = new Map<string, number>();
    for (let h = horizon - 1; h >= 0; h--) {
      const here = new Map<string, number>();
      for (const [k, { s, g }] of layers[h]!) {
        let bestCost = Number.POSITIVE_INFINITY;
        let bestAction = 0;
        for (let a = 0; a < A; a++) {
          const total = g + mdp.reward[s * A + a]!;
          let e = 0;
          for (let j = mdp.rowStart[s * A + a]!; j < mdp.rowStart[s * A + a + 1]!; j++)
            e += mdp.prob[j]! * cost.get(key(mdp.next[j]!, total))!;
          if (e < bestCost) {
            bestCost = e;
            bestAction = a;
          }
        }
        here.set(k, bestCost);
        choice.set(`${h}|${k}`, bestAction);
      }
      cost = here;
    }
    const value = c - cost.get(key(start, 0))! / tau;
    if (value > best.cvar) best = { cvar: value, threshold: c, choice };
  }
  const { choice } = best;
  return {
    cvar: best.cvar,
    threshold: best.threshold,
    action: (h, s, collected) => {
      const a = choice.get(`${h}|${key(s, collected)}`);
      if (a === undefined)
        throw new RangeError(
          `${fn}: (step ${h}, state ${s}, collected ${collected}) is not reachable`,
        );
      return a;
    },
  };
}

function key(s: number, g: number): string {
  return `${s}:${g}`;
}
