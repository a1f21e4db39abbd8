/**
 * Finite-horizon backward induction on a dense model, for learners that plan on a sampled or
 * estimated model each episode: `transition[(s * A + a) * S + s']`, `reward[s * A + a]`.
 * Returns the greedy non-stationary policy `policy[h * S + s]` (step h counted from the start;
 * ties to the smallest action). @internal
 */
export function denseBackwardInduction(
  S: number,
  A: number,
  H: number,
  transition: Float64Array,
  reward: Float64Array,
): Int32Array {
  const policy = new Int32Array(H * S);
  let next = new Float64Array(S);
  let v = new Float64Array(S);
  for (let h = H - 1; h >= 0; h--) {
    for (let s = 0; s < S; s++) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < A; a++) {
        const row = s * A + a;
        let q = reward[row]!;
        for (let t = 0; t < S; t++) q += transition[row * S + t]! * next[t]!;
        if (q > best) {
          best = q;
          policy[h * S + s] = a;
        }
      }
      v[s] = best;
    }
    [next, v] = [v, next];
  }
  return policy;
}
