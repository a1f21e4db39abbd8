import { assertFinite, formatValue } from '@x/linalg/validate';

/**
 * Bandit feedback logged by a randomised policy: for each round, the action taken, the reward
 * observed and the propensity (the probability with which the logging policy took that
 * action, as reported by `actionProbabilities`).
 */
export interface LoggedBanditData {
  readonly actions: ArrayLike<number>;
  readonly rewards: ArrayLike<number>;
  readonly propensities: ArrayLike<number>;
}

/** An off-policy value estimate with its standard error and a normal confidence interval. */
export interface OffPolicyEstimate {
  /** Estimated value of the target policy (mean reward per round). */
  readonly value: number;
  /** Standard error of the estimate. */
  readonly standardError: number;
  /** Normal-approximation confidence interval at `level`. */
  readonly ci: readonly [number, number];
  readonly level: number;
  /** Effective sample size $(\sum w)^2 / \sum w^2$ of the importance weights. */
  readonly effectiveSampleSize: number;
}

/**
 * Validates logged data and a per-round target array, returning the number of rounds.
 * @throws TypeError on length mismatches; RangeError on a non-finite reward, an action that is
 * not a non-negative integer, a propensity outside (0, 1] or a target value outside [0, 1]
 */
export function checkLoggedData(
  fn: string,
  data: LoggedBanditData,
  target: ArrayLike<number>,
): number {
  if (data === null || typeof data !== 'object')
    throw new TypeError(`${fn}: data must be an object, got ${formatValue(data)}`);
  const n = data.actions?.length;
  if (typeof n !== 'number' || n === 0)
    throw new RangeError(`${fn}: data.actions must be a non-empty array`);
  for (const [name, arr] of [
    ['data.rewards', data.rewards],
    ['data.propensities', data.propensities],
    ['target', target],
  ] as const) {
    if (arr?.length !== n)
      throw new TypeError(`${fn}: ${name} must have length ${n}, got ${formatValue(arr)}`);
  }
  for (let i = 0; i < n; i++) {
    const a = data.actions[i];
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 0) {
      throw new RangeError(
        `${fn}: data.actions[${i}] must be a non-negative integer, got ${formatValue(a)}`,
      );
    }
    assertFinite(fn, `data.rewards[${i}]`, data.rewards[i]);
    const p = data.propensities[i]!;
    if (!(p > 0 && p <= 1))
      throw new RangeError(
        `${fn}: data.propensities[${i}] must be in (0, 1], got ${formatValue(p)}`,
      );
    const q = target[i]!;
    if (!(q >= 0 && q <= 1))
      throw new RangeError(`${fn}: target[${i}] must be in [0, 1], got ${formatValue(q)}`);
  }
  return n;
}
