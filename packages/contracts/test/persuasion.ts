/**
 * The concavification of a two-state persuasion problem, for the tests: the sender's value
 * v(p) when the receiver holds posterior p = P(state 1) and best-responds (ties to the sender)
 * is piecewise constant, changing only where the receiver is indifferent; the concave envelope
 * at the prior is the best chord between two such points around it.
 */
export function concavifiedValue(sender: number[][], receiver: number[][], mu: number): number {
  const n = sender[0]!.length;
  const value = (p: number) => {
    const u = (a: number) => (1 - p) * receiver[0]![a]! + p * receiver[1]![a]!;
    let best = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < n; a++) best = Math.max(best, u(a));
    let v = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < n; a++)
      if (u(a) >= best - 1e-12) v = Math.max(v, (1 - p) * sender[0]![a]! + p * sender[1]![a]!);
    return v;
  };
  const points = new Set([0, 1, mu]);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      // (1 - p) r0a + p r1a = (1 - p) r0b + p r1b
      const d = receiver[1]![a]! - receiver[0]![a]! - (receiver[1]![b]! - receiver[0]![b]!);
      if (d === 0) continue;
      const p = (receiver[0]![b]! - receiver[0]![a]!) / d;
      if (p > 0 && p < 1) points.add(p);
    }
  const ps = [...points];
  let best = value(mu);
  for (const lo of ps)
    for (const hi of ps) {
      if (!(lo <= mu && mu <= hi) || lo === hi) continue;
      const w = (mu - lo) / (hi - lo);
      best = Math.max(best, (1 - w) * value(lo) + w * value(hi));
    }
  return best;
}
