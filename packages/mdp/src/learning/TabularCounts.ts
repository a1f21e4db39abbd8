import { formatValue, type StateFields } from '@x/linalg/validate';
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
   * Records an episode of at most `maxLength` transitions after validating every transition
   * (nothing is recorded if one is bad). An episode may end early (an absorbing state).
   * @throws RangeError naming the bad transition, or on an episode longer than `maxLength`
   */
  addEpisode(fn: string, episode: readonly Transition[], maxLength: number): void {
    const S = this.states;
    const A = this.actions;
    if (!Array.isArray(episode))
      throw new TypeError(
        `${fn}: episode must be an array of transitions, got ${formatValue(episode)}`,
      );
    if (episode.length > maxLength)
      throw new RangeError(
        `${fn}: episode has ${episode.length} transitions, more than the horizon H = ${maxLength}`,
      );
    for (const [k, t] of episode.entries()) {
      if (t === null || typeof t !== 'object')
        throw new TypeError(`${fn}: transition ${k} must be an object, got ${formatValue(t)}`);
      const ok = (x: number, n: number) => Number.isInteger(x) && x >= 0 && x < n;
      if (!(ok(t.state, S) && ok(t.next, S) && ok(t.action, A))) {
        throw new RangeError(
          `${fn}: transition ${k} is out of range: ${formatValue(JSON.stringify(t))}`,
        );
      }
      // typeof first: '0.5' (as JSON and query strings deliver it) compares as a number.
      if (typeof t.reward !== 'number' || !(t.reward >= 0 && t.reward <= 1))
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

  /**
   * The counts as JSON data: visits and reward sums per (s, a), and the non-zero transition
   * counts as [index, count] pairs (memory grows with what was seen, not $S^2A$).
   */
  toJSON(): { visits: number[]; rewardSums: number[]; transitions: [number, number][] } {
    const transitions: [number, number][] = [];
    for (let i = 0; i < this.transitions.length; i++)
      if (this.transitions[i]! > 0) transitions.push([i, this.transitions[i]!]);
    return {
      visits: Array.from(this.visits),
      rewardSums: Array.from(this.rewardSums),
      transitions,
    };
  }

  /**
   * Loads counts written by {@link TabularCounts.toJSON} after checking them: non-negative integer counts,
   * each row's transitions summing to its visits, reward sums within [0, visits]. Nothing is
   * changed if a check fails.
   * @throws TypeError or RangeError naming the bad field
   */
  load(stats: StateFields): void {
    const S = this.states;
    const rows = S * this.actions;
    const visits = stats.numbers('visits', rows, { min: 0, integer: true });
    const rewardSums = stats.numbers('rewardSums', rows, { min: 0 });
    const transitions = new Float64Array(rows * S);
    const pairs = stats.value('transitions');
    if (!Array.isArray(pairs))
      throw stats.error('transitions must be an array of [index, count] pairs');
    for (const [k, pair] of pairs.entries()) {
      if (
        !Array.isArray(pair) ||
        pair.length !== 2 ||
        !Number.isInteger(pair[0]) ||
        !Number.isInteger(pair[1]) ||
        pair[0] < 0 ||
        pair[0] >= rows * S ||
        pair[1] < 1
      )
        throw stats.error(
          `transitions[${k}] must be an [index in [0, ${rows * S}), count >= 1] pair`,
        );
      transitions[pair[0]] = pair[1];
    }
    for (let r = 0; r < rows; r++) {
      let total = 0;
      for (let t = 0; t < S; t++) total += transitions[r * S + t]!;
      if (total !== visits[r])
        throw stats.error(`transitions of row ${r} sum to ${total}, not its ${visits[r]} visits`);
      if (rewardSums[r]! > visits[r]!)
        throw stats.error(`rewardSums[${r}] exceeds the row's visits`);
    }
    this.visits.set(visits);
    this.rewardSums.set(rewardSums);
    this.transitions.set(transitions);
  }
}
