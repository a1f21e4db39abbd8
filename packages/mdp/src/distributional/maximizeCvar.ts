import { assertInRange, assertInteger } from '@x/linalg/validate';
import { assertMdp } from '../model/assertMdp.ts';
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
 * @example
 * const mdp = garnet(createRng(3), 3, 2, 2);
 * maximizeCvar(mdp, 3, 0.1).cvar; // the best CVaR at level 0.1 of the 3-step return
 * maximizeCvar(mdp, 3, 1).cvar; // tau = 1: the expected-return optimum
 *
 * References: Pires, Rowland, Borsa, Guo, Khetarpal, Barreto, Abel, Munos and Dabney,
 * "Optimizing Return Distributions with Distributional Dynamic Programming", arXiv:2501.13028
 * (stock-augmented distributional DP); Bäuerle and Ott, "Markov Decision Processes with
 * Average-Value-at-Risk criteria", Math. Meth. Oper. Res. 74, 2011; Rockafellar and Uryasev,
 * "Optimization of conditional value-at-risk", J. Risk 2, 2000.
 */
export function maximizeCvar(mdp: Mdp, horizon: number, tau: number, start = 0): CvarSolution {
  const fn = 'maximizeCvar';
  assertMdp(fn, mdp);
  assertInteger(fn, 'horizon', horizon, 1);
  assertInRange(fn, 'tau', tau, 0, 1, { loOpen: true });
  assertInteger(fn, 'start', start, 0, mdp.states - 1);
  const A = mdp.actions;
  const { rowStart, next, prob, reward } = mdp;
  // Reachable (state, collected) pairs per step, forward. Layer h lists its nodes; `child[h]`
  // holds, for each node and each transition (action, successor) in CSR order, the index of the
  // node it leads to in layer h + 1, so the backward passes below do no lookups.
  const index: Map<string, number>[] = [new Map([[key(start, 0), 0]])];
  const states: number[][] = [[start]];
  const collected: number[][] = [[0]];
  const child: Int32Array[] = [];
  let size = 1;
  for (let h = 0; h < horizon; h++) {
    const here = states[h]!;
    const ids = new Map<string, number>();
    const nextStates: number[] = [];
    const nextCollected: number[] = [];
    const links: number[] = [];
    for (let i = 0; i < here.length; i++) {
      const s = here[i]!;
      for (let a = 0; a < A; a++) {
        const total = collected[h]![i]! + reward[s * A + a]!;
        for (let j = rowStart[s * A + a]!; j < rowStart[s * A + a + 1]!; j++) {
          const k = key(next[j]!, total);
          let id = ids.get(k);
          if (id === undefined) {
            id = nextStates.length;
            ids.set(k, id);
            nextStates.push(next[j]!);
            nextCollected.push(total);
          }
          links.push(id);
        }
      }
    }
    size += nextStates.length;
    if (size > 1 << 20)
      throw new RangeError(
        `${fn}: more than 2^20 augmented states; lower horizon (got ${horizon})`,
      );
    index.push(ids);
    states.push(nextStates);
    collected.push(nextCollected);
    child.push(Int32Array.from(links));
  }
  const finals = collected[horizon]!;
  const returns = [...new Set(finals)];
  // One backward induction per candidate threshold: bound the total work before starting.
  if (returns.length * size > 2 ** 30)
    throw new RangeError(
      `${fn}: ${returns.length} distinct returns x ${size} augmented states is more than 2^30 steps; lower horizon (got ${horizon})`,
    );
  const cost = states.map((layer) => new Float64Array(layer.length));
  // Two buffers of decisions: the current threshold's and the best one's, swapped on improvement.
  const decisions = () => states.slice(0, horizon).map((layer) => new Int32Array(layer.length));
  let choice = decisions();
  let bestChoice = decisions();
  let best = { cvar: Number.NEGATIVE_INFINITY, threshold: 0 };
  for (const c of returns) {
    // Backward induction of the shortfall E[(c - G)^+] on the augmented states.
    for (let i = 0; i < finals.length; i++) cost[horizon]![i] = Math.max(0, c - finals[i]!);
    for (let h = horizon - 1; h >= 0; h--) {
      const layer = states[h]!;
      const links = child[h]!;
      const below = cost[h + 1]!;
      let link = 0;
      for (let i = 0; i < layer.length; i++) {
        const s = layer[i]!;
        let bestCost = Number.POSITIVE_INFINITY;
        let bestAction = 0;
        for (let a = 0; a < A; a++) {
          let e = 0;
          for (let j = rowStart[s * A + a]!; j < rowStart[s * A + a + 1]!; j++)
            e += prob[j]! * below[links[link++]!]!;
          if (e < bestCost) {
            bestCost = e;
            bestAction = a;
          }
        }
        cost[h]![i] = bestCost;
        choice[h]![i] = bestAction;
      }
    }
    const value = c - cost[0]![0]! / tau;
    if (value > best.cvar) {
      best = { cvar: value, threshold: c };
      [bestChoice, choice] = [choice, bestChoice];
    }
  }
  return {
    cvar: best.cvar,
    threshold: best.threshold,
    action: (h, s, g) => {
      const i = h >= 0 && h < horizon ? index[h]!.get(key(s, g)) : undefined;
      if (i === undefined)
        throw new RangeError(`${fn}: (step ${h}, state ${s}, collected ${g}) is not reachable`);
      return bestChoice[h]![i]!;
    },
  };
}

function key(s: number, g: number): string {
  return `${s}:${g}`;
}
