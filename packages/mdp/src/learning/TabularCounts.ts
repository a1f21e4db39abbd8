import { formatValue } from '@x/linalg';
import type { Transition } from './EpisodicAgent.ts';

/**
 * Visit counts, transition counts and reward sums of a tabular learner, in flat typed arrays:
 * $N(s, a)$, $N(s, a, s')$ and $\sum r$ for each (s, a).
 */
export class TabularCounts {
  readonly states: number;
  readonly actions: number;
  readonly visits: Float64Array;
  readonly transitions: Float64Array;
  readonly rewardSums: Float64Array;

  constructor(states: number, actions: number) {
    this.states = states;
    this.actions = actions;
    this.visits = new Float64Array(states * actions);
    this.transitions = new Float64Array(states * actions * states);
    this.rewardSums = new Float64Array(states * actions);
  }

  /**
   * Records an episode after validating every transition (nothing is recorded if one is bad).
   * @throws RangeError naming the bad transition
   */
  addEpisode(fn: string, episode: readonly Transition[]): void {
    const S = this.states;
    const A = this.actions;
    for (const [k, t] of episode.entries()) {
      const ok = (x: number, n: number) => Number.isInteger(x) && x >= 0 && x < n;
      if (!(ok(t.state, S) && ok(t.next, S) && ok(t.action, A))) {
        throw new RangeError(
          `${fn}: transition ${k} is out of range: ${formatValue(JSON.stringify(t))}`,
        );
      }
      if (!(t.reward >= 0 && t.reward <= 1))
        throw new RangeError(
          `${fn}: transition ${k} reward must be in [0, 1], got ${formatValue(t.reward)}`,
        );
    }
    for (const t of episode) this.add(t.state, t.action, t.reward, t.next);
  }

  add(s: number, a: number, r: number, next: number): void {
    const i = s * this.actions + a;
    this.visits[i] = this.visits[i]! + 1;
    this.transitions[i * this.states + next] = this.transitions[i * this.states + next]! + 1;
    this.rewardSums[i] = this.rewardSums[i]! + r;
  }
}
