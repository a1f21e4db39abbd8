import type { JsonValue } from '@x/linalg';
import type { StateFields } from '@x/linalg/validate';

/**
 * What a contextual policy does with contexts, plugged into {@link PolicyBase}: checks their
 * shape, checks that an update keeps the learned statistics finite, learns from them, and
 * stores and restores what it learned. The linear policies plug in a ridge model; EXP4 a check
 * of its experts' advice. @internal
 */
export interface ContextModel {
  /** The length of a context. */
  readonly contextLength: number;
  /** Checks a context (required, of the right length, finite) and returns it. */
  check(fn: string, context: ArrayLike<number> | undefined): ArrayLike<number>;
  /** Throws if recording (arm, reward, context) would leave a non-finite statistic; changes nothing. */
  checkUpdate(fn: string, arm: number, reward: number, context: ArrayLike<number>): void;
  /** Learns from a checked update. */
  add(arm: number, reward: number, context: ArrayLike<number>): void;
  /** What it learned, as JSON fields of the state's `stats`. */
  toJSON(): Record<string, JsonValue>;
  /** Loads what `toJSON` wrote, validated. */
  load(stats: StateFields): void;
  /** Forgets what it learned. */
  reset(): void;
}
