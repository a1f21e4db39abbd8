/**
 * The largest importance-weighted loss estimate one round may add: $10^{18}$. It binds only
 * when the estimate $\ell / p$ exceeds it, that is when the arm (or expert) was played with
 * probability below $10^{-18}$; after such an update its probability $\propto
 * e^{-\eta \tilde L}$ is 0 in double precision for every learning rate $\eta \ge 10^{-15}$, which
 * covers every rate EXP3 and EXP4 reach ($\eta \ge 10^{-12}$ for $K \le 2^{31}$ arms and $t \le
 * 2^{53}$ rounds). Without the cap a handful of updates on an unlikely arm overflow the sum to
 * Infinity, and the distribution becomes NaN. @internal
 */
export const MAX_LOSS_ESTIMATE = 1e18;

/**
 * The importance-weighted loss estimate $w\,\ell / p$, capped at {@link MAX_LOSS_ESTIMATE}; 0
 * when $w\ell = 0$ (never $0/0$), finite even for $p = 0$. @internal
 *
 * @param weightedLoss - $w\ell \ge 0$ (the advice weight times the loss, or the loss)
 * @param p - the probability of the played arm, $\ge 0$ (plus any implicit exploration)
 */
export function cappedLossEstimate(weightedLoss: number, p: number): number {
  if (weightedLoss === 0) return 0;
  const estimate = weightedLoss / p;
  return Math.min(estimate, MAX_LOSS_ESTIMATE);
}
