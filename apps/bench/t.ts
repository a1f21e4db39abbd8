import { KlUcb } from '@x/bandits';
import { createRng, klBernoulliUpperBoundCeiling } from '@x/linalg';

// replicate KL-UCB perf loop and count: exact index computations per round and Newton iterations
const K = 10;
const MEANS = Array.from({ length: K }, (_, i) => 0.1 + 0.08 * i);
const p = new KlUcb(K);
const rng = createRng(1);
for (let t = 0; t < 5000; t++) {
  const a = p.select(rng);
  p.update(a, rng.nextFloat64() < MEANS[a]! ? 1 : 0);
}
const st = p.toJSON().stats;
const n = st['counts']!,
  s = st['sums']!;
const tt = 5000;
const level = Math.log(tt);
const computed = 0;
const ceilings = n.map((c, a) => klBernoulliUpperBoundCeiling(s[a]! / c, level / c));
console.log(n.join(' '));
console.log(ceilings.map((x) => x.toFixed(3)).join(' '));
